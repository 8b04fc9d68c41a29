import { MEETING_TYPE_SHORT_NAMES } from '../../../shared/domain/meetingAgendas.ts';
import { formatUkDate, ukDateOf, ukTimeOf } from '../../../shared/domain/ukCalendar.ts';
import type { MeetingType } from '../../../shared/domain/meetingTypes.ts';

/**
 * The words of meeting emails: plain and short, naming the sender and the child's first
 * name only. Everything else is behind the link, where access is checked.
 */
export interface MeetingEmailDetails {
	type: MeetingType;
	startsAt: Date;
	durationMinutes: number;
	location: string;
	onlineLink: string | null;
	childName: string;
	url: string;
}

function when(meeting: MeetingEmailDetails): string {
	const endsAt = new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000);
	return `${formatUkDate(ukDateOf(meeting.startsAt))}, ${ukTimeOf(meeting.startsAt)} to ${ukTimeOf(endsAt)} (UK time)`;
}

export function meetingInvitationEmail(
	meeting: MeetingEmailDetails,
	people: { recipientName: string; senderName: string }
): { subject: string; text: string } {
	const kind = MEETING_TYPE_SHORT_NAMES[meeting.type];
	const details = [
		`When: ${when(meeting)}`,
		...(meeting.location ? [`Where: ${meeting.location}`] : []),
		...(meeting.onlineLink ? [`Online: ${meeting.onlineLink}`] : [])
	].join('\n');
	return {
		subject: `Invitation: ${meeting.childName}'s ${kind}, ${formatUkDate(ukDateOf(meeting.startsAt))}`,
		text:
			[
				`Hello ${people.recipientName},`,
				`${people.senderName} has invited you to ${meeting.childName}'s ${kind}.`,
				details,
				'Please tell us whether you can come. If you cannot, you can send a written contribution before the meeting:',
				meeting.url,
				'The attached calendar file adds the meeting to your calendar.',
				'Coplan'
			].join('\n\n') + '\n'
	};
}

export function meetingCancelledEmail(
	meeting: MeetingEmailDetails,
	people: { recipientName: string; senderName: string }
): { subject: string; text: string } {
	const kind = MEETING_TYPE_SHORT_NAMES[meeting.type];
	return {
		subject: `Cancelled: ${meeting.childName}'s ${kind}, ${formatUkDate(ukDateOf(meeting.startsAt))}`,
		text:
			[
				`Hello ${people.recipientName},`,
				`${people.senderName} has cancelled ${meeting.childName}'s ${kind} on ${when(meeting)}.`,
				'If you added it to your calendar, please remove it.',
				'Coplan'
			].join('\n\n') + '\n'
	};
}
