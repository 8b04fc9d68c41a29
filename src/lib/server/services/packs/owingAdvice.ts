import { and, desc, eq, gte, isNotNull, isNull, lt, ne } from 'drizzle-orm';
import { stillOwingAdvice } from '../../../shared/domain/packs.ts';
import type { Database } from '../../db/client.ts';
import { adviceItems, meetings } from '../../db/schema.ts';
import { listInvitees, type Invitee } from '../meetings/responses.ts';

/**
 * Who still owes advice for a meeting (the rule is stillOwingAdvice in shared/domain/packs):
 * "since the previous review" is since the start of the child's latest earlier meeting that
 * was held (closed) and not deleted: one booked in between that has not happened yet is not
 * a review anyone has given advice for. With no earlier review, any advice counts.
 */

export interface AdviceStatus {
	invitees: Invitee[];
	owing: Invitee[];
	/** The start of the previous review, from which new advice counts; null if none. */
	since: Date | null;
}

export async function previousReviewStart(
	db: Database,
	meeting: { id: string; childId: string; startsAt: Date }
): Promise<{ id: string; startsAt: Date } | null> {
	const [row] = await db
		.select({ id: meetings.id, startsAt: meetings.startsAt })
		.from(meetings)
		.where(
			and(
				eq(meetings.childId, meeting.childId),
				ne(meetings.id, meeting.id),
				lt(meetings.startsAt, meeting.startsAt),
				eq(meetings.status, 'closed'),
				isNull(meetings.deletedAt)
			)
		)
		.orderBy(desc(meetings.startsAt))
		.limit(1);
	return row ?? null;
}

export async function adviceStatus(
	db: Database,
	meeting: { id: string; childId: string; startsAt: Date }
): Promise<AdviceStatus> {
	const [invitees, previous] = await Promise.all([
		listInvitees(db, meeting.id),
		previousReviewStart(db, meeting)
	]);
	const since = previous?.startsAt ?? null;
	const added = await db
		.selectDistinct({ userId: adviceItems.addedBy })
		.from(adviceItems)
		.where(
			and(
				eq(adviceItems.childId, meeting.childId),
				isNull(adviceItems.deletedAt),
				isNotNull(adviceItems.addedBy),
				since ? gte(adviceItems.createdAt, since) : undefined
			)
		);
	const contributed = new Set(
		invitees.filter((invitee) => invitee.contribution !== null).map((invitee) => invitee.userId)
	);
	const addedAdvice = new Set(added.flatMap((row) => (row.userId ? [row.userId] : [])));
	return { invitees, owing: stillOwingAdvice(invitees, contributed, addedAdvice), since };
}
