import { and, asc, eq, isNull } from 'drizzle-orm';
import { restrictedDocumentName } from '../../../shared/collab/documentName.ts';
import { labelFor, MEETING_TYPE_LABELS } from '../../../shared/domain/labels.ts';
import { formatUkShortDate, ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import type { Database } from '../../db/client.ts';
import { meetings } from '../../db/schema.ts';
import { buildRestrictedMinutes } from '../../minutes/minutesModel.ts';
import type { RestrictedNoteMinutes } from '../../minutes/minutesTypes.ts';

/**
 * The restricted notes of all a child's meetings, for a professional allowed to read them
 * to choose, one by one, which go with a handover. Callers check child.viewRestricted
 * before calling: this reads the restricted documents without asking.
 */

export interface HandoverRestrictedNote extends RestrictedNoteMinutes {
	meetingId: string;
	/** "Phase-transfer review, 4 November 2026". */
	meetingLabel: string;
}

export async function listRestrictedNotesOfChild(
	db: Database,
	live: Pick<LiveDocuments, 'read'>,
	childId: string
): Promise<HandoverRestrictedNote[]> {
	const rows = await db
		.select({ id: meetings.id, type: meetings.type, startsAt: meetings.startsAt })
		.from(meetings)
		.where(and(eq(meetings.childId, childId), isNull(meetings.deletedAt)))
		.orderBy(asc(meetings.startsAt));
	const notes: HandoverRestrictedNote[] = [];
	for (const meeting of rows) {
		const doc = await live.read(restrictedDocumentName(meeting.id));
		try {
			// Nothing was ever written to it when nobody allowed has opened it.
			if (doc.store.clients.size === 0) continue;
			const meetingLabel = `${labelFor(MEETING_TYPE_LABELS, meeting.type)}, ${formatUkShortDate(ukDateOf(meeting.startsAt))}`;
			for (const note of buildRestrictedMinutes(doc).notes) {
				if (note.text) notes.push({ ...note, meetingId: meeting.id, meetingLabel });
			}
		} finally {
			doc.destroy();
		}
	}
	return notes;
}
