import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { readLog, replayLog } from '../../collab/documentStore.ts';
import type { DocumentEditor, LiveDocuments } from '../../collab/liveDocuments.ts';
import { revertToPast } from '../../collab/revertToPast.ts';
import type { Database } from '../../db/client.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { projectMeetingDoc } from './projectMeetingDoc.ts';

export type RestoreOutcome = { restored: true } | { restored: false; reason: string };

interface RestorableMeeting {
	id: string;
	childId: string;
	status: string;
}

/**
 * Brings an open meeting's shared document back to how it was at a moment of its history
 * (the caller has checked meeting.restore), for instance after someone pasted over the
 * family's views or deleted the outcomes. The restore is a new change by the admin on top
 * of everything before it: everyone with the meeting open sees it at once, the history
 * keeps every version, and restoring a later moment undoes it. The restricted notes are a
 * separate document and are not changed. Audited.
 */
export async function restoreMeeting(
	db: Database,
	live: LiveDocuments,
	meeting: RestorableMeeting,
	at: Date,
	editor: DocumentEditor
): Promise<RestoreOutcome> {
	if (meeting.status === 'closed') {
		return {
			restored: false,
			reason:
				'This meeting has been closed: its minutes are the record and cannot be restored over.'
		};
	}
	const name = meetingDocumentName(meeting.id);
	// Edits still in the live server's batch belong to the present being replaced.
	await live.flush(name).catch(() => undefined);
	const log = await readLog(db, name, at);
	if (log.length === 0) {
		return {
			restored: false,
			reason:
				'The live meeting had not been opened yet at that time, so there is nothing to restore.'
		};
	}
	const past = replayLog(log);
	try {
		const result = await live.change(name, editor, (doc) => revertToPast(doc, past));
		// Without a live server the projection (actions, outcomes) is refreshed here.
		if (result.via === 'stored') await projectMeetingDoc(db, meeting, result.doc);
	} finally {
		past.destroy();
	}
	await recordAuditEvent(db, {
		actorId: editor.id,
		action: 'meeting.restored',
		subjectType: 'meeting',
		subjectId: meeting.id,
		details: { childId: meeting.childId, restoredTo: at.toISOString() }
	});
	return { restored: true };
}
