import * as Y from 'yjs';
import {
	meetingDocumentName,
	restrictedDocumentName
} from '../../../shared/collab/documentName.ts';
import { initMeetingDoc, isMeetingDocEmpty } from '../../../shared/collab/meetingDoc.ts';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import type { Database } from '../../db/client.ts';
import { buildMinutes, buildRestrictedMinutes } from '../../minutes/minutesModel.ts';
import type { Minutes, RestrictedMinutes } from '../../minutes/minutesTypes.ts';
import { loadMeetingDocSeed } from '../meetings/meetingDocSeed.ts';
import { loadMinutesCasework } from './minutesCasework.ts';

/**
 * The minutes as the meeting's live documents stand now (the draft while the meeting is
 * open, and what a new version freezes when it closes), with the documents' Yjs states.
 */
export interface CurrentMinutes {
	minutes: Minutes;
	/** Null when the meeting has no restricted document. */
	restricted: RestrictedMinutes | null;
	documentState: Uint8Array;
	restrictedState: Uint8Array | null;
}

export async function currentMinutes(
	db: Database,
	live: LiveDocuments,
	meetingId: string
): Promise<CurrentMinutes | null> {
	const [doc, restrictedDoc] = await Promise.all([
		live.read(meetingDocumentName(meetingId)),
		live.read(restrictedDocumentName(meetingId))
	]);
	try {
		if (isMeetingDocEmpty(doc)) {
			// Nobody has opened the live meeting: the minutes show what it would start with
			// (attendees, apologies, written contributions, carried actions).
			const seed = await loadMeetingDocSeed(db, meetingId);
			if (seed) initMeetingDoc(doc, seed);
		}
		const casework = await loadMinutesCasework(db, meetingId, doc);
		if (!casework) return null;
		// Nothing was ever written to the restricted document if nobody allowed opened it.
		const hasRestricted = restrictedDoc.store.clients.size > 0;
		return {
			minutes: buildMinutes(doc, casework),
			restricted: hasRestricted ? buildRestrictedMinutes(restrictedDoc) : null,
			documentState: Y.encodeStateAsUpdate(doc),
			restrictedState: hasRestricted ? Y.encodeStateAsUpdate(restrictedDoc) : null
		};
	} finally {
		doc.destroy();
		restrictedDoc.destroy();
	}
}
