import {
	and,
	desc,
	eq,
	gte,
	ilike,
	inArray,
	isNull,
	lt,
	lte,
	or,
	sql,
	type SQL
} from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { auditEvents, children, memberships, users } from '../../db/schema.ts';
import { isCalendarDate, shiftDate, ukInstant } from '../../../shared/domain/ukCalendar.ts';
import { isUuid } from '../children/findChild.ts';

/** What an admin may filter the audit trail by; every field is optional. */
export interface AuditFilters {
	/** Part of the name or email address of who did it. */
	person: string;
	/** One event code (see auditLabels.ts). */
	action: string;
	childId: string;
	/** First and last UK calendar day, inclusive. */
	from: string;
	to: string;
	/** The start of the address it came from. */
	address: string;
}

export const EMPTY_FILTERS: AuditFilters = {
	person: '',
	action: '',
	childId: '',
	from: '',
	to: '',
	address: ''
};

const FILTER_KEYS = Object.keys(EMPTY_FILTERS) as (keyof AuditFilters)[];

/** Filters from a query string; anything malformed is reported and left out. */
export function readAuditFilters(params: URLSearchParams): {
	filters: AuditFilters;
	errors: Partial<Record<keyof AuditFilters, string>>;
} {
	const filters = { ...EMPTY_FILTERS };
	for (const key of FILTER_KEYS) filters[key] = (params.get(key) ?? '').trim().slice(0, 200);
	const errors: Partial<Record<keyof AuditFilters, string>> = {};
	if (filters.childId && !isUuid(filters.childId)) {
		errors.childId = 'Choose a child from the list';
		filters.childId = '';
	}
	for (const key of ['from', 'to'] as const) {
		if (filters[key] && !isCalendarDate(filters[key])) {
			errors[key] = 'Enter a real date, for example 27/03/2026';
			filters[key] = '';
		}
	}
	if (filters.from && filters.to && filters.from > filters.to) {
		errors.to = 'The last day must be the same as or after the first day';
		filters.to = '';
	}
	return { filters, errors };
}

export interface AuditEntry {
	id: string;
	occurredAt: Date;
	action: string;
	actorName: string | null;
	actorEmail: string | null;
	childId: string | null;
	/** Null once the record has been deleted for good. */
	childName: string | null;
	subjectType: string;
	subjectId: string;
	ip: string | null;
	details: Record<string, unknown>;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (match) => `\\${match}`);

/**
 * The events an organisation's admins may read: everything about the organisation and
 * its children, and the account events (password, two-factor) of its own members.
 */
function conditions(db: Database, organisationId: string, filters: AuditFilters): SQL[] {
	const members = db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(eq(memberships.organisationId, organisationId));
	const where: (SQL | undefined)[] = [
		or(
			eq(auditEvents.organisationId, organisationId),
			and(isNull(auditEvents.organisationId), inArray(auditEvents.actorId, members))
		)
	];
	if (filters.person) {
		const pattern = `%${escapeLike(filters.person)}%`;
		where.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
	}
	if (filters.action) where.push(eq(auditEvents.action, filters.action));
	if (filters.childId) where.push(eq(auditEvents.childId, filters.childId));
	if (filters.from) {
		const start = ukInstant(filters.from, '00:00');
		if (start) where.push(gte(auditEvents.occurredAt, start));
	}
	if (filters.to) {
		const end = ukInstant(shiftDate(filters.to, { days: 1 }), '00:00');
		if (end) where.push(lt(auditEvents.occurredAt, end));
	}
	if (filters.address) where.push(ilike(auditEvents.ip, `${escapeLike(filters.address)}%`));
	return where.filter((condition): condition is SQL => condition !== undefined);
}

/**
 * Newest first; `limit` rows from `offset`, and whether there are more. `asOf` pins the
 * newest moment, so that paging through a long export is not shifted by new events.
 */
export async function searchAuditTrail(
	db: Database,
	organisationId: string,
	filters: AuditFilters,
	page: { offset: number; limit: number; asOf?: Date }
): Promise<{ entries: AuditEntry[]; more: boolean }> {
	const where = conditions(db, organisationId, filters);
	if (page.asOf) where.push(lte(auditEvents.occurredAt, page.asOf));
	const rows = await db
		.select({
			id: auditEvents.id,
			occurredAt: auditEvents.occurredAt,
			action: auditEvents.action,
			actorName: users.name,
			actorEmail: users.email,
			childId: auditEvents.childId,
			childName: sql<
				string | null
			>`case when ${children.id} is null then null else ${children.firstName} || ' ' || ${children.lastName} end`,
			subjectType: auditEvents.subjectType,
			subjectId: auditEvents.subjectId,
			ip: auditEvents.ip,
			details: auditEvents.details
		})
		.from(auditEvents)
		.leftJoin(users, eq(users.id, auditEvents.actorId))
		.leftJoin(children, eq(children.id, auditEvents.childId))
		.where(and(...where))
		.orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
		.limit(page.limit + 1)
		.offset(page.offset);
	return { entries: rows.slice(0, page.limit), more: rows.length > page.limit };
}

/** The children whose events the filter can pick, deleted records included. */
export async function auditableChildren(db: Database, organisationId: string) {
	return db
		.select({
			id: children.id,
			name: sql<string>`${children.firstName} || ' ' || ${children.lastName}`,
			deleted: sql<boolean>`${children.deletedAt} is not null`
		})
		.from(children)
		.where(eq(children.organisationId, organisationId))
		.orderBy(children.firstName, children.lastName);
}
