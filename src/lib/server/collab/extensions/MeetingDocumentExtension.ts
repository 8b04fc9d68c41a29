import type { afterLoadDocumentPayload, Extension } from '@hocuspocus/server';
import type { Database } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import { loadMeetingDocSeed } from '../../services/meetings/meetingDocSeed.ts';
import { COLLAB_DENIAL } from '../../../shared/collab/closeCodes.ts';
import { parseDocumentName } from '../../../shared/collab/documentName.ts';
import {
	initMeetingDoc,
	isMeetingDocEmpty,
	MeetingDocTooNewError,
	migrateMeetingDoc
} from '../../../shared/collab/meetingDoc.ts';
import { initRestrictedDoc } from '../../../shared/collab/restrictedDoc.ts';
import type { CollabContext } from '../context.ts';
import { ALREADY_STORED, createDocumentOnce } from '../createOnce.ts';
import * as Y from 'yjs';

/** Changes the server makes itself: logged without an author, and stored like any edit. */
export const SERVER_ORIGIN = { source: 'local', context: { user: null } satisfies CollabContext };

/**
 * Gives every loaded document the current shape before any client receives it: a new
 * meeting document is created from the casework, a stored one is migrated. Runs after
 * loading (afterLoadDocument), when the document already reports its updates, so these
 * changes reach the update log like any other — attributed to no user.
 */
export class MeetingDocumentExtension implements Extension {
	priority = 400;
	private readonly db: Database;
	private readonly log: Logger;

	constructor(db: Database, logger: Logger) {
		this.db = db;
		this.log = logger;
	}

	async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
		const parsed = parseDocumentName(documentName);
		if (!parsed) return;
		if (parsed.kind === 'restricted') {
			document.transact(() => initRestrictedDoc(document, parsed.id), SERVER_ORIGIN);
			return;
		}
		if (isMeetingDocEmpty(document)) {
			const seed = await loadMeetingDocSeed(this.db, parsed.id);
			if (!seed) throw { reason: COLLAB_DENIAL.unknownDocument };
			const { update, created } = await createDocumentOnce(this.db, documentName, (doc) =>
				initMeetingDoc(doc, seed)
			);
			Y.applyUpdate(document, update, ALREADY_STORED);
			if (created) {
				this.log.info(
					{ document: documentName, carriedActions: seed.carriedActions.length },
					'meeting document created from casework'
				);
			}
			return;
		}
		try {
			let result: ReturnType<typeof migrateMeetingDoc> | undefined;
			document.transact(() => (result = migrateMeetingDoc(document)), SERVER_ORIGIN);
			if (result && result.from !== result.to) {
				this.log.info({ document: documentName, ...result }, 'meeting document migrated');
			}
		} catch (error) {
			if (!(error instanceof MeetingDocTooNewError)) throw error;
			// Written by a newer Coplan: this server must not touch it.
			this.log.error({ document: documentName, version: error.version }, error.message);
			throw { reason: COLLAB_DENIAL.schemaMismatch };
		}
	}
}
