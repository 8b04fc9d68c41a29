import { and, asc, eq, gte, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { knownAs } from '../../../shared/domain/childNames.ts';
import { isFamilyRole } from '../../../shared/domain/roles.ts';
import { ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import { notCarriedForward } from '../actions/openActions.ts';
import type { Database } from '../../db/client.ts';
import { actions, children, meetingInvitees, meetings } from '../../db/schema.ts';
import type { MeetingType } from '../../../shared/domain/meetingTypes.ts';
import type { RsvpResponse } from '../../../shared/domain/rsvp.ts';
import type { MyAction } from '../../../shared/viewModels/actions.ts';
import { listMyChildren } from '../listMyChildren.ts';

/**
 * The simpler home for families and for professionals who do not coordinate: the
 * children whose team they are in, each child's next meeting (with their own reply) and
 * the actions they own.
 */

export interface HomeChild {
	id: string;
	name: string;
	setting: string;
	yearGroup: string | null;
	planType: string;
	myTeamRole: string;
	nextMeeting: {
		id: string;
		type: MeetingType;
		startsAt: Date;
		status: string;
		myReply: RsvpResponse | null;
	} | null;
}

export interface FamilyHome {
	children: HomeChild[];
	/** True when every team place the person holds is a family one (parent, carer, child). */
	family: boolean;
	actions: MyAction[];
}

async function nextMeetings(db: Database, userId: string, childIds: string[], now: Date) {
	if (childIds.length === 0) return [];
	return db
		.select({
			id: meetings.id,
			childId: meetings.childId,
			type: meetings.type,
			startsAt: meetings.startsAt,
			status: meetings.status,
			myReply: meetingInvitees.rsvp
		})
		.from(meetings)
		.leftJoin(
			meetingInvitees,
			and(eq(meetingInvitees.meetingId, meetings.id), eq(meetingInvitees.userId, userId))
		)
		.where(
			and(
				inArray(meetings.childId, childIds),
				isNull(meetings.deletedAt),
				ne(meetings.status, 'closed'),
				or(gte(meetings.startsAt, now), eq(meetings.status, 'in_progress'))
			)
		)
		.orderBy(asc(meetings.startsAt));
}

/** Actions the person owns that are still open, soonest due first (undated last). */
export async function listMyActions(db: Database, userId: string, now = new Date()) {
	const today = ukDateOf(now);
	const rows = await db
		.select({
			id: actions.id,
			text: actions.text,
			childId: actions.childId,
			firstName: children.firstName,
			preferredName: children.preferredName,
			meetingId: actions.meetingId,
			dueDate: actions.dueDate,
			status: actions.status
		})
		.from(actions)
		.innerJoin(children, eq(children.id, actions.childId))
		.innerJoin(meetings, eq(meetings.id, actions.meetingId))
		.where(
			and(
				eq(actions.ownerId, userId),
				inArray(actions.status, ['open', 'in_progress']),
				isNull(children.deletedAt),
				isNull(meetings.deletedAt),
				notCarriedForward(db)
			)
		)
		.orderBy(sql`${actions.dueDate} asc nulls last`, asc(actions.firstRaisedAt));
	return rows.map(({ firstName, preferredName, ...action }) => ({
		...action,
		childName: knownAs({ firstName, preferredName }),
		overdue: action.dueDate !== null && action.dueDate < today
	}));
}

export async function loadFamilyHome(
	db: Database,
	userId: string,
	now = new Date()
): Promise<FamilyHome> {
	const mine = await listMyChildren(db, userId);
	const [upcoming, myActions] = await Promise.all([
		nextMeetings(
			db,
			userId,
			mine.map((child) => child.id),
			now
		),
		listMyActions(db, userId, now)
	]);
	return {
		children: mine.map((child) => {
			const next = upcoming.find((meeting) => meeting.childId === child.id);
			return {
				id: child.id,
				name: knownAs(child),
				setting: child.setting,
				yearGroup: child.yearGroup,
				planType: child.planType,
				myTeamRole: child.myTeamRole,
				nextMeeting: next
					? {
							id: next.id,
							type: next.type,
							startsAt: next.startsAt,
							status: next.status,
							myReply: next.myReply
						}
					: null
			};
		}),
		family: mine.length > 0 && mine.every((child) => isFamilyRole(child.myTeamRole)),
		actions: myActions
	};
}
