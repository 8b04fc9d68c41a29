import type { Database } from '../../db/client.ts';
import { recordAuditEvent } from './recordAuditEvent.ts';

/** What a page or file guard knows of the request that reads a child's record. */
export interface ReadingRequest {
	locals: { db: Database };
	url: URL;
	request: Request;
	getClientAddress(): string;
}

function clientAddress(event: ReadingRequest): string | null {
	try {
		return event.getClientAddress();
	} catch {
		// Behind a proxy whose header is missing SvelteKit cannot tell: record the read anyway.
		return null;
	}
}

/**
 * Writes a read of a child's record — a page or a file about the child or one of their
 * meetings — to the audit trail: who, which child, what (the path), when and from where.
 * UK GDPR asks that access to special category data can be accounted for. Only reads
 * (GET) are recorded here: changes record their own, more specific, events.
 */
export async function recordRead(
	event: ReadingRequest,
	read: { actorId: string; childId: string; organisationId: string }
): Promise<void> {
	if (event.request.method !== 'GET') return;
	await recordAuditEvent(event.locals.db, {
		actorId: read.actorId,
		action: 'child.read',
		subjectType: 'child',
		subjectId: read.childId,
		childId: read.childId,
		organisationId: read.organisationId,
		ip: clientAddress(event),
		details: { path: event.url.pathname }
	});
}
