import type { ToolTokenGrant } from '../auth/toolTokens.ts';
import { COLLAB_DENIAL, READ_ONLY_REASONS } from '../../shared/collab/closeCodes.ts';
import { parseDocumentName } from '../../shared/collab/documentName.ts';
import type { Database } from '../db/client.ts';
import { decideDocumentAccess, type DocumentAccess } from './documentAccess.ts';

/** Who is on the other end of a connection: a person, or a person's tool token. */
export interface ConnectionHolder {
	userId: string;
	toolToken?: ToolTokenGrant;
}

/**
 * What one connection may do with a document: its owner's access (can(), decided afresh),
 * narrowed by the tool token it opened with, if any. A token never adds a right: it opens
 * only its own meeting's documents, and a read-only one never edits.
 */
export async function decideConnectionAccess(
	db: Database,
	holder: ConnectionHolder,
	documentName: string
): Promise<DocumentAccess> {
	const token = holder.toolToken;
	if (token && parseDocumentName(documentName)?.id !== token.meetingId) {
		return { allowed: false, reason: COLLAB_DENIAL.forbidden };
	}
	const access = await decideDocumentAccess(db, holder.userId, documentName);
	if (!token?.readOnly || !access.allowed || access.readOnly) return access;
	return { ...access, readOnly: true, readOnlyReason: READ_ONLY_REASONS.viewOnly, chair: false };
}

/** Connections whose decisions are always the same: same person, same token. */
export function holderKey(holder: ConnectionHolder): string {
	return `${holder.userId}\u0000${holder.toolToken?.id ?? ''}`;
}
