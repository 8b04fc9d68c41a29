import type { afterStoreDocumentPayload, Extension } from '@hocuspocus/server';
import type { Database } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import { loadMeetingForAccess } from '../documentAccess.ts';
import { projectMeetingDoc } from '../../services/meetings/projectMeetingDoc.ts';
import { parseDocumentName } from '../../../shared/collab/documentName.ts';

/**
 * After each store of a meeting document, rewrites its actions and outcomes in the
 * relational tables (see projectMeetingDoc). A failed projection is logged and retried
 * at the next store; it never blocks saving the document itself.
 */
export class ProjectionExtension implements Extension {
	priority = 300;
	private readonly db: Database;
	private readonly log: Logger;

	constructor(db: Database, logger: Logger) {
		this.db = db;
		this.log = logger;
	}

	async afterStoreDocument({ documentName, document }: afterStoreDocumentPayload): Promise<void> {
		const parsed = parseDocumentName(documentName);
		if (parsed?.kind !== 'meeting') return;
		try {
			const meeting = await loadMeetingForAccess(this.db, parsed.id);
			if (!meeting) return;
			await projectMeetingDoc(this.db, meeting, document);
		} catch (error) {
			this.log.error({ err: error, document: documentName }, 'projecting actions failed');
		}
	}
}
