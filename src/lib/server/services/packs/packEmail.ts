import { MEETING_TYPE_SHORT_NAMES } from '../../../shared/domain/meetingAgendas.ts';
import type { MeetingType } from '../../../shared/domain/meetingTypes.ts';
import { formatUkDateTime } from '../../../shared/domain/ukCalendar.ts';
import type { EmailContent } from '../../mail/templates.ts';

/**
 * The emails about a pre-meeting pack. Like every Coplan email they name no more than the
 * child's first name: the pack itself (advice, views, restricted notes for those allowed)
 * stays behind the link, where each reader's access is checked.
 */

export interface PackEmailContent {
	recipientName: string;
	childName: string;
	meetingType: MeetingType;
	startsAt: Date;
	packLink: string;
	/** Set when this person has not sent their advice yet: where to add it. */
	adviceLink: string | null;
	/** True for someone who joined the team after the pack was first sent. */
	joinedLate?: boolean;
}

function meetingName(content: PackEmailContent): string {
	return `${content.childName}'s ${MEETING_TYPE_SHORT_NAMES[content.meetingType]}`;
}

export function packEmail(content: PackEmailContent): EmailContent {
	const name = meetingName(content);
	const paragraphs = [
		`Hello ${content.recipientName},`,
		content.joinedLate
			? `You have joined the team for ${name} on ${formatUkDateTime(content.startsAt)}. Here is the pre-meeting pack as it stands today.`
			: `The pre-meeting pack for ${name} on ${formatUkDateTime(content.startsAt)} is ready.`,
		'It has the agenda, the advice received so far, the plan’s outcomes with progress, open actions, the last review’s decisions, written contributions and the views given in advance. You can read it in Coplan or download it as a PDF:',
		content.packLink
	];
	if (content.adviceLink) {
		paragraphs.push(
			'We have not received your advice for this meeting yet. You can add it here:',
			content.adviceLink
		);
	}
	paragraphs.push('Coplan');
	return { subject: `Pre-meeting pack: ${name}`, text: `${paragraphs.join('\n\n')}\n` };
}

export function adviceReminderEmail(
	content: Omit<PackEmailContent, 'adviceLink' | 'joinedLate'> & {
		adviceLink: string;
		senderName: string;
	}
): EmailContent {
	const name = meetingName(content);
	return {
		subject: `Reminder: your advice for ${name}`,
		text: `${[
			`Hello ${content.recipientName},`,
			`${content.senderName} has asked for your advice for ${name} on ${formatUkDateTime(content.startsAt)}. The team has not received it yet.`,
			'You can add your advice here:',
			content.adviceLink,
			'The pre-meeting pack is here:',
			content.packLink,
			'Coplan'
		].join('\n\n')}\n`
	};
}
