/**
 * Live document names. Only names of a known shape are ever opened, so a client cannot
 * make the server create arbitrary documents.
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DOCUMENT_NAME = new RegExp(`^(meeting|restricted):(${UUID})$`);

export type DocumentKind = 'meeting' | 'restricted';
export interface ParsedDocumentName {
	kind: DocumentKind;
	id: string;
}

export function parseDocumentName(name: string): ParsedDocumentName | null {
	const match = DOCUMENT_NAME.exec(name);
	if (!match) return null;
	return { kind: match[1] as DocumentKind, id: match[2] as string };
}

export function meetingDocumentName(meetingId: string): string {
	return `meeting:${meetingId}`;
}

export function restrictedDocumentName(meetingId: string): string {
	return `restricted:${meetingId}`;
}
