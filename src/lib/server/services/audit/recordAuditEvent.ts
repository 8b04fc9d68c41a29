import type { Database } from '../../db/client.ts';
import { auditEvents } from '../../db/schema.ts';

export interface AuditEvent {
	actorId: string | null;
	/** What happened, as "<subject>.<past tense>": "child.deleted", "team.memberRemoved". */
	action: string;
	subjectType: string;
	subjectId: string;
	/** Enough to understand the change later; no health or care detail. */
	details?: Record<string, unknown>;
}

/** Writes one entry of the audit trail; pass the transaction that makes the change. */
export async function recordAuditEvent(db: Database, event: AuditEvent): Promise<void> {
	await db.insert(auditEvents).values({ ...event, details: event.details ?? {} });
}
