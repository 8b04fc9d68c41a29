import { and, asc, eq, isNotNull } from 'drizzle-orm';
import * as v from 'valibot';
import type { Database } from '../../db/client.ts';
import { meetingInvitees, meetings, teamMembers, users } from '../../db/schema.ts';
import type { RsvpResponse } from '../../../shared/domain/rsvp.ts';

/**
 * Replies to a meeting invitation (attending, attending online, cannot attend) and the
 * written contributions of those who cannot attend. Only invitees reply; a closed meeting
 * takes no more replies. The caller has checked meeting.respond.
 */

export const ANSWERS = ['attending', 'attending_online', 'cannot_attend'] as const;
export type Answer = (typeof ANSWERS)[number];
export const MAX_CONTRIBUTION_LENGTH = 10_000;

export const ResponseForm = v.object({
	response: v.picklist(ANSWERS, 'Select whether you can come to the meeting')
});

export const ContributionForm = v.object({
	contribution: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter your written contribution'),
		v.maxLength(
			MAX_CONTRIBUTION_LENGTH,
			`Your contribution must be ${MAX_CONTRIBUTION_LENGTH.toLocaleString('en-GB')} characters or fewer`
		)
	)
});

export type ResponseRefusal = 'notInvited' | 'closed' | 'notCannotAttend';

export const RESPONSE_REFUSALS: Record<ResponseRefusal, string> = {
	notInvited: 'You are not invited to this meeting, so you cannot reply to it.',
	closed: 'This meeting has closed, so it takes no more replies.',
	notCannotAttend:
		'Written contributions are for people who cannot attend. Say that you cannot attend first.'
};

export type ResponseResult = { ok: true } | { ok: false; reason: ResponseRefusal };

interface Invitation {
	rsvp: RsvpResponse;
	meetingStatus: string;
}

async function findInvitation(
	db: Database,
	meetingId: string,
	userId: string
): Promise<Invitation | null> {
	const [row] = await db
		.select({ rsvp: meetingInvitees.rsvp, meetingStatus: meetings.status })
		.from(meetingInvitees)
		.innerJoin(meetings, eq(meetings.id, meetingInvitees.meetingId))
		.where(and(eq(meetingInvitees.meetingId, meetingId), eq(meetingInvitees.userId, userId)));
	return row ?? null;
}

const invitee = (meetingId: string, userId: string) =>
	and(eq(meetingInvitees.meetingId, meetingId), eq(meetingInvitees.userId, userId));

export async function respondToMeeting(
	db: Database,
	meetingId: string,
	userId: string,
	answer: Answer,
	now = new Date()
): Promise<ResponseResult> {
	const invitation = await findInvitation(db, meetingId, userId);
	if (!invitation) return { ok: false, reason: 'notInvited' };
	if (invitation.meetingStatus === 'closed') return { ok: false, reason: 'closed' };
	await db
		.update(meetingInvitees)
		.set({ rsvp: answer, respondedAt: now })
		.where(invitee(meetingId, userId));
	return { ok: true };
}

export async function saveContribution(
	db: Database,
	meetingId: string,
	userId: string,
	contribution: string,
	now = new Date()
): Promise<ResponseResult> {
	const invitation = await findInvitation(db, meetingId, userId);
	if (!invitation) return { ok: false, reason: 'notInvited' };
	if (invitation.meetingStatus === 'closed') return { ok: false, reason: 'closed' };
	if (invitation.rsvp !== 'cannot_attend') return { ok: false, reason: 'notCannotAttend' };
	await db
		.update(meetingInvitees)
		.set({ contribution, contributionAt: now })
		.where(invitee(meetingId, userId));
	return { ok: true };
}

export interface Invitee {
	userId: string;
	name: string;
	/** Null when the person has since left the child's team. */
	teamRole: string | null;
	agency: string | null;
	rsvp: RsvpResponse;
	respondedAt: Date | null;
	contribution: string | null;
	contributionAt: Date | null;
}

function inviteeQuery(db: Database) {
	return db
		.select({
			userId: meetingInvitees.userId,
			name: users.name,
			teamRole: teamMembers.teamRole,
			agency: teamMembers.agency,
			rsvp: meetingInvitees.rsvp,
			respondedAt: meetingInvitees.respondedAt,
			contribution: meetingInvitees.contribution,
			contributionAt: meetingInvitees.contributionAt
		})
		.from(meetingInvitees)
		.innerJoin(meetings, eq(meetings.id, meetingInvitees.meetingId))
		.innerJoin(users, eq(users.id, meetingInvitees.userId))
		.leftJoin(
			teamMembers,
			and(eq(teamMembers.childId, meetings.childId), eq(teamMembers.userId, meetingInvitees.userId))
		);
}

export async function listInvitees(db: Database, meetingId: string): Promise<Invitee[]> {
	return inviteeQuery(db).where(eq(meetingInvitees.meetingId, meetingId)).orderBy(asc(users.name));
}

export interface Contribution {
	userId: string;
	name: string;
	teamRole: string | null;
	agency: string | null;
	text: string;
	submittedAt: Date;
}

/**
 * Written contributions to a meeting, oldest first: shown on the meeting page and read
 * into the live document's contributions section.
 */
export async function listContributions(db: Database, meetingId: string): Promise<Contribution[]> {
	const rows = await inviteeQuery(db)
		.where(and(eq(meetingInvitees.meetingId, meetingId), isNotNull(meetingInvitees.contribution)))
		.orderBy(asc(meetingInvitees.contributionAt));
	return rows.flatMap((row) =>
		row.contribution !== null && row.contributionAt !== null
			? [
					{
						userId: row.userId,
						name: row.name,
						teamRole: row.teamRole,
						agency: row.agency,
						text: row.contribution,
						submittedAt: row.contributionAt
					}
				]
			: []
	);
}
