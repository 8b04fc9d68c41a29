import { and, asc, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import { loadStoredDoc } from '../../collab/documentStore.ts';
import type { Database } from '../../db/client.ts';
import { actions, meetingInvitees, meetings, teamMembers, users } from '../../db/schema.ts';
import { loadChildVoiceSeed } from '../childVoice/childVoiceSeed.ts';
import { loadCurrentPlan } from '../plan/planVersions.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import {
	readActions,
	type ActionHistoryEntry,
	type CarriedActionSeed,
	type MeetingDocSeed
} from '../../../shared/collab/meetingDoc.ts';

/**
 * What a new live meeting document starts with, from the casework: the meeting's agenda
 * (set from its type's template when it was scheduled), the child's team as attendees —
 * those who said they cannot attend as apologies — the written contributions invitees
 * sent in, the outcomes and provision of the child's current plan, and the open actions
 * of the child's previous meeting, carried forward with their history.
 */
export async function loadMeetingDocSeed(
	db: Database,
	meetingId: string,
	now = new Date()
): Promise<MeetingDocSeed | null> {
	const [meeting] = await db
		.select()
		.from(meetings)
		.where(and(eq(meetings.id, meetingId), isNull(meetings.deletedAt)));
	if (!meeting) return null;

	const [team, invitees, carriedActions, plan, childVoice] = await Promise.all([
		db
			.select({
				userId: teamMembers.userId,
				name: users.name,
				role: teamMembers.teamRole,
				agency: teamMembers.agency
			})
			.from(teamMembers)
			.innerJoin(users, eq(users.id, teamMembers.userId))
			.where(eq(teamMembers.childId, meeting.childId))
			.orderBy(asc(teamMembers.createdAt)),
		db
			.select({
				userId: meetingInvitees.userId,
				name: users.name,
				rsvp: meetingInvitees.rsvp,
				contribution: meetingInvitees.contribution,
				contributionAt: meetingInvitees.contributionAt
			})
			.from(meetingInvitees)
			.innerJoin(users, eq(users.id, meetingInvitees.userId))
			.where(eq(meetingInvitees.meetingId, meetingId)),
		openActionsOfPreviousMeeting(db, meeting.childId, meeting.startsAt),
		// A closed meeting agreed what it agreed: a later plan is not its starting point.
		meeting.status === 'closed' ? null : loadCurrentPlan(db, meeting.childId),
		loadChildVoiceSeed(db, meetingId)
	]);

	const rsvpByUser = new Map(invitees.map((invitee) => [invitee.userId, invitee.rsvp]));
	const teamByUser = new Map(team.map((member) => [member.userId, member]));
	return {
		meetingId,
		childId: meeting.childId,
		meetingType: meeting.type,
		agenda: meeting.agenda.map((item) => ({ id: item.id, title: item.title })),
		attendees: team.map((member) => ({
			userId: member.userId,
			name: member.name,
			role: member.role,
			agency: member.agency,
			status: rsvpByUser.get(member.userId) === 'cannot_attend' ? 'apologies' : 'expected'
		})),
		contributions: invitees
			.filter((invitee) => invitee.contribution?.trim())
			.map((invitee) => ({
				authorUserId: invitee.userId,
				authorName: invitee.name,
				role: teamByUser.get(invitee.userId)?.role ?? '',
				agency: teamByUser.get(invitee.userId)?.agency ?? '',
				submittedAt: invitee.contributionAt?.toISOString() ?? null,
				text: invitee.contribution ?? ''
			})),
		carriedActions,
		childVoice,
		plan: plan
			? { versionId: plan.id, outcomes: plan.content.outcomes, provision: plan.content.provision }
			: null,
		now: now.toISOString()
	};
}

/** Open and in-progress actions of the child's latest meeting before this one. */
async function openActionsOfPreviousMeeting(
	db: Database,
	childId: string,
	before: Date
): Promise<CarriedActionSeed[]> {
	const [previous] = await db
		.select({ id: meetings.id })
		.from(meetings)
		.where(
			and(eq(meetings.childId, childId), lt(meetings.startsAt, before), isNull(meetings.deletedAt))
		)
		.orderBy(desc(meetings.startsAt))
		.limit(1);
	if (!previous) return [];
	const open = await db
		.select()
		.from(actions)
		.where(
			and(eq(actions.meetingId, previous.id), inArray(actions.status, ['open', 'in_progress']))
		)
		.orderBy(asc(actions.firstRaisedAt));
	if (open.length === 0) return [];

	// The trail of each action lives in the earlier meeting's document.
	const earlierDoc = await loadStoredDoc(db, meetingDocumentName(previous.id));
	const histories = new Map(readActions(earlierDoc).map((action) => [action.id, action.history]));
	earlierDoc.destroy();

	return open.map((action) => {
		const history: ActionHistoryEntry[] = histories.get(action.id) ?? [
			{
				at: action.firstRaisedAt.toISOString(),
				byUserId: null,
				meetingId: previous.id,
				kind: 'created',
				value: null
			}
		];
		return {
			actionId: action.id,
			meetingId: previous.id,
			firstRaisedAt: action.firstRaisedAt.toISOString(),
			text: action.text,
			ownerUserId: action.ownerId,
			ownerAgency: action.ownerAgency,
			dueDate: action.dueDate,
			status: action.status,
			outcomeId: action.outcomeId,
			history
		};
	});
}
