import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { actions, auditEvents, children, meetings } from '../../db/schema.ts';
import { isUuid } from '../children/findChild.ts';

export interface AuditEvent {
	actorId: string | null;
	/** What happened, as "<subject>.<past tense>": "child.deleted", "team.memberRemoved". */
	action: string;
	subjectType: string;
	subjectId: string;
	/** The child it is about; found from a child, meeting or action subject when not given. */
	childId?: string;
	/** Whose admins may read it; found from the child or an organisation subject when not given. */
	organisationId?: string;
	/** Where the request came from, when there was one. */
	ip?: string | null;
	/** Enough to understand the change later; no health or care detail. */
	details?: Record<string, unknown>;
}

async function childOfSubject(db: Database, event: AuditEvent): Promise<string | null> {
	if (event.childId) return event.childId;
	if (!isUuid(event.subjectId) && event.subjectType !== 'action') return null;
	switch (event.subjectType) {
		case 'child':
			return event.subjectId;
		case 'meeting': {
			const [row] = await db
				.select({ childId: meetings.childId })
				.from(meetings)
				.where(eq(meetings.id, event.subjectId));
			return row?.childId ?? null;
		}
		case 'action': {
			const [row] = await db
				.select({ childId: actions.childId })
				.from(actions)
				.where(eq(actions.id, event.subjectId));
			return row?.childId ?? null;
		}
		default:
			return null;
	}
}

async function organisationOf(
	db: Database,
	event: AuditEvent,
	childId: string | null
): Promise<string | null> {
	if (event.organisationId) return event.organisationId;
	if (childId) {
		const [row] = await db
			.select({ organisationId: children.organisationId })
			.from(children)
			.where(eq(children.id, childId));
		if (row) return row.organisationId;
	}
	if (event.subjectType === 'organisation' && isUuid(event.subjectId)) return event.subjectId;
	return null;
}

/**
 * Writes one entry of the audit trail; pass the transaction that makes the change. The
 * child and organisation it belongs to are stored with it, so that the organisation's
 * admins can find it, filter it and still read it after the record itself is deleted.
 */
export async function recordAuditEvent(db: Database, event: AuditEvent): Promise<void> {
	const childId = await childOfSubject(db, event);
	const organisationId = await organisationOf(db, event, childId);
	await db.insert(auditEvents).values({
		actorId: event.actorId,
		action: event.action,
		subjectType: event.subjectType,
		subjectId: event.subjectId,
		childId,
		organisationId,
		ip: event.ip ?? null,
		details: event.details ?? {}
	});
}
