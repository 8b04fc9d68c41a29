import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { children, meetings, organisations } from '../../db/schema.ts';
import type { CalendarDate } from '../../../shared/domain/ukCalendar.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';

export const DEFAULT_RETENTION_YEARS = 31;
export const MOST_RETENTION_YEARS = 100;

export interface RecordDue {
	childId: string;
	name: string;
	dateOfBirth: CalendarDate;
	/** The day the retention rule was reached. */
	dueSince: CalendarDate;
	/** Already removed from lists (soft-deleted), but still held. */
	removedFromLists: boolean;
	meetings: number;
}

/**
 * The children whose records an organisation has kept for as long as its rule says (date
 * of birth plus the organisation's retention years), on a UK calendar day: records removed
 * from lists are included, because until they are deleted for good they are still held.
 */
export async function recordsDueForDeletion(
	db: Database,
	organisationId: string,
	today: CalendarDate
): Promise<RecordDue[]> {
	const dueSince = sql<string>`(${children.dateOfBirth} + make_interval(years => ${organisations.retentionYears}))::date`;
	const rows = await db
		.select({
			childId: children.id,
			name: sql<string>`${children.firstName} || ' ' || ${children.lastName}`,
			dateOfBirth: children.dateOfBirth,
			dueSince: sql<string>`to_char(${dueSince}, 'YYYY-MM-DD')`,
			removedFromLists: sql<boolean>`${children.deletedAt} is not null`,
			meetings: count(meetings.id)
		})
		.from(children)
		.innerJoin(organisations, eq(organisations.id, children.organisationId))
		.leftJoin(meetings, eq(meetings.childId, children.id))
		.where(and(eq(children.organisationId, organisationId), sql`${dueSince} <= ${today}::date`))
		.groupBy(children.id, organisations.retentionYears)
		.orderBy(asc(dueSince), asc(children.lastName));
	return rows.map((row) => ({ ...row, meetings: Number(row.meetings) }));
}

export async function retentionYearsOf(db: Database, organisationId: string): Promise<number> {
	const [row] = await db
		.select({ years: organisations.retentionYears })
		.from(organisations)
		.where(eq(organisations.id, organisationId));
	return row?.years ?? DEFAULT_RETENTION_YEARS;
}

/** Changes the rule (the caller has checked organisation.manageRecords); audited. */
export async function setRetentionYears(
	db: Database,
	input: { actorId: string; organisationId: string; years: number }
): Promise<void> {
	await db.transaction(async (tx) => {
		const [before] = await tx
			.select({ years: organisations.retentionYears })
			.from(organisations)
			.where(eq(organisations.id, input.organisationId))
			.for('update');
		if (!before || before.years === input.years) return;
		await tx
			.update(organisations)
			.set({ retentionYears: input.years })
			.where(eq(organisations.id, input.organisationId));
		await recordAuditEvent(tx, {
			actorId: input.actorId,
			action: 'retention.changed',
			subjectType: 'organisation',
			subjectId: input.organisationId,
			details: { from: before.years, to: input.years }
		});
	});
}
