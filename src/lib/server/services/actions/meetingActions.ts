import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.ts';
import { actions, users } from '../../db/schema.ts';
import type { ActionStatus } from '../../../shared/domain/actionStatuses.ts';

/**
 * A meeting's actions as they stand now, from the projection: the follow-through. An
 * action carried into a later meeting is followed there, so its status here is the
 * later copy's.
 */
export interface ActionNow {
	id: string;
	text: string;
	ownerName: string | null;
	ownerAgency: string;
	dueDate: string | null;
	status: ActionStatus;
	evidence: string | null;
	/** The later meeting it was carried into, if it was. */
	carriedToMeetingId: string | null;
}

const later = alias(actions, 'later');

export async function actionsOfMeetingNow(db: Database, meetingId: string): Promise<ActionNow[]> {
	const rows = await db
		.select({
			id: actions.id,
			text: actions.text,
			ownerName: users.name,
			ownerAgency: actions.ownerAgency,
			dueDate: actions.dueDate,
			status: actions.status,
			evidence: actions.evidence,
			laterMeetingId: later.meetingId,
			laterStatus: later.status,
			laterEvidence: later.evidence
		})
		.from(actions)
		.leftJoin(users, eq(users.id, actions.ownerId))
		.leftJoin(later, eq(later.carriedFromId, actions.id))
		.where(eq(actions.meetingId, meetingId))
		.orderBy(asc(actions.firstRaisedAt));
	return rows.map(({ laterMeetingId, laterStatus, laterEvidence, ...action }) => ({
		...action,
		status: laterStatus ?? action.status,
		evidence: laterMeetingId ? laterEvidence : action.evidence,
		carriedToMeetingId: laterMeetingId
	}));
}
