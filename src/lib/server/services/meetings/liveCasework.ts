import { and, eq, isNull, ne } from 'drizzle-orm';
import type { LiveDocuments, DocumentEditor } from '../../collab/liveDocuments.ts';
import type { Database } from '../../db/client.ts';
import { meetings, users } from '../../db/schema.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { reconcileCasework } from '../../../shared/collab/meetingDoc.ts';
import { loadMeetingDocSeed } from './meetingDocSeed.ts';
import { projectMeetingDoc } from './projectMeetingDoc.ts';

/**
 * Brings a meeting's live document in line with its casework after something changed
 * there — a written contribution or an answer to the invitation, someone joining the
 * team, the previous meeting's open actions — so that everyone with the live page open
 * sees it at once and the minutes include it. A meeting whose document does not exist
 * yet needs nothing: the document is made from the casework when first opened. A closed
 * meeting is left as it was closed: its minutes are a record of the meeting.
 */
export async function refreshLiveCasework(
	db: Database,
	live: LiveDocuments,
	meetingId: string,
	editor: DocumentEditor
): Promise<void> {
	const [meeting] = await db
		.select({ id: meetings.id, childId: meetings.childId, status: meetings.status })
		.from(meetings)
		.where(and(eq(meetings.id, meetingId), isNull(meetings.deletedAt)));
	if (!meeting || meeting.status === 'closed') return;
	const name = meetingDocumentName(meetingId);
	if (!(await live.exists(name))) return;
	const seed = await loadMeetingDocSeed(db, meetingId);
	if (!seed) return;
	const result = await live.change(name, editor, (doc) => {
		reconcileCasework(doc, seed, { userId: editor.id });
	});
	// Without a live server the projection (actions carried in) is refreshed here.
	if (result.via === 'stored') await projectMeetingDoc(db, meeting, result.doc);
}

/** The same for every open meeting of a child (after a change to the child's team). */
export async function refreshLiveCaseworkOfChild(
	db: Database,
	live: LiveDocuments,
	childId: string,
	editor: DocumentEditor,
	except?: string
): Promise<void> {
	const open = await db
		.select({ id: meetings.id })
		.from(meetings)
		.where(
			and(
				eq(meetings.childId, childId),
				ne(meetings.status, 'closed'),
				isNull(meetings.deletedAt),
				except ? ne(meetings.id, except) : undefined
			)
		);
	for (const meeting of open) await refreshLiveCasework(db, live, meeting.id, editor);
}

/** Someone as the live documents name an editor, by user id (null if they are gone). */
export async function documentEditor(db: Database, userId: string): Promise<DocumentEditor | null> {
	const [user] = await db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.where(eq(users.id, userId));
	return user ?? null;
}
