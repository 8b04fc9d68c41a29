import type { DocumentKind } from './documentName.ts';
import { MEETING_DOC_SCHEMA_VERSION } from './meetingDoc/shape.ts';
import { RESTRICTED_DOC_SCHEMA_VERSION } from './restrictedDoc.ts';

/**
 * The session cookie authenticates a collaboration connection, so the provider's `token`
 * carries something else: the document schema version the client's code was built for.
 * The server refuses a mismatch ("please reload") rather than let old code write an
 * old shape into the document. Pass `token: collabClientToken(kind)` to HocuspocusProvider.
 */
const PREFIX = 'coplan-schema:';

export function schemaVersionFor(kind: DocumentKind): number {
	return kind === 'meeting' ? MEETING_DOC_SCHEMA_VERSION : RESTRICTED_DOC_SCHEMA_VERSION;
}

export function collabClientToken(kind: DocumentKind): string {
	return `${PREFIX}${schemaVersionFor(kind)}`;
}

/** The schema version a client announced, or null if the token is not ours. */
export function readClientSchemaVersion(token: string | undefined): number | null {
	if (!token?.startsWith(PREFIX)) return null;
	const version = Number(token.slice(PREFIX.length));
	return Number.isInteger(version) && version > 0 ? version : null;
}
