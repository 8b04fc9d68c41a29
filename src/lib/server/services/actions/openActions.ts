import { and, asc, eq, inArray, isNull, notExists, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { knownAs } from '../../../shared/domain/childNames.ts';
import { daysBetween, shiftDate, ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import type { Database } from '../../db/client.ts';
import { actions, children, meetings, users } from '../../db/schema.ts';
import type { OpenAction } from '../../../shared/viewModels/actions.ts';

/**
 * Open actions (open or in progress) read from the `actions` projection, never from the
 * live documents. An action carried forward into a later meeting is followed there: the
 * earlier copy, which the later meeting replaced, is left out.
 */

export const DUE_SOON_DAYS = 7;

export type DueGroup = 'overdue' | 'dueThisWeek' | 'later';

/** Overdue: due before today. Due this week: today to 7 days on. Later: after, or no date. */
export function dueGroup(dueDate: string | null, now: Date): DueGroup {
	const today = ukDateOf(now);
	if (dueDate === null) return 'later';
	if (dueDate < today) return 'overdue';
	return dueDate <= shiftDate(today, { days: DUE_SOON_DAYS }) ? 'dueThisWeek' : 'later';
}

const successor = alias(actions, 'successor');

/**
 * True for an action that has not been carried forward into a later meeting: the later
 * copy is the one that counts, so every list and count uses this to avoid counting twice.
 */
export function notCarriedForward(db: Database): SQL {
	return notExists(
		db.select({ id: successor.id }).from(successor).where(eq(successor.carriedFromId, actions.id))
	);
}

export async function listOpenActions(
	db: Database,
	where: SQL | undefined,
	now = new Date()
): Promise<OpenAction[]> {
	const today = ukDateOf(now);
	const rows = await db
		.select({
			id: actions.id,
			text: actions.text,
			childId: actions.childId,
			firstName: children.firstName,
			preferredName: children.preferredName,
			meetingId: actions.meetingId,
			meetingType: meetings.type,
			meetingStartsAt: meetings.startsAt,
			meetingStatus: meetings.status,
			ownerId: actions.ownerId,
			ownerName: users.name,
			ownerAgency: actions.ownerAgency,
			dueDate: actions.dueDate,
			status: actions.status,
			carriedFromId: actions.carriedFromId,
			firstRaisedAt: actions.firstRaisedAt
		})
		.from(actions)
		.innerJoin(children, eq(children.id, actions.childId))
		.innerJoin(meetings, eq(meetings.id, actions.meetingId))
		.leftJoin(users, eq(users.id, actions.ownerId))
		.where(
			and(
				inArray(actions.status, ['open', 'in_progress']),
				isNull(children.deletedAt),
				isNull(meetings.deletedAt),
				notCarriedForward(db),
				where
			)
		)
		.orderBy(sql`${actions.dueDate} asc nulls last`, asc(actions.firstRaisedAt));
	return rows.map((row) => ({
		id: row.id,
		text: row.text,
		childId: row.childId,
		childName: knownAs(row),
		meetingId: row.meetingId,
		meetingType: row.meetingType,
		meetingDate: ukDateOf(row.meetingStartsAt),
		meetingClosed: row.meetingStatus === 'closed',
		ownerId: row.ownerId,
		ownerName: row.ownerName,
		ownerAgency: row.ownerAgency,
		dueDate: row.dueDate,
		status: row.status,
		daysOpen: Math.max(0, daysBetween(ukDateOf(row.firstRaisedAt), today)),
		carried: row.carriedFromId !== null,
		overdue: row.dueDate !== null && row.dueDate < today
	}));
}
