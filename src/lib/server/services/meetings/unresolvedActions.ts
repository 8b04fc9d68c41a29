import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { actionsNeedingAttention, readActions } from '../../../shared/collab/meetingDoc.ts';

/**
 * How many actions of a meeting still lack an owner or a due date (or are done without
 * evidence), read from the live document as it is now. The chair must confirm these
 * before closing the meeting.
 */
export async function unresolvedActionCount(
	live: LiveDocuments,
	meetingId: string
): Promise<number> {
	const doc = await live.read(meetingDocumentName(meetingId));
	try {
		return actionsNeedingAttention(readActions(doc)).length;
	} finally {
		doc.destroy();
	}
}
