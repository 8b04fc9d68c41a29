import type {
	afterStoreDocumentPayload,
	afterUnloadDocumentPayload,
	Extension
} from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { Database } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import { loadMeetingForAccess } from '../documentAccess.ts';
import { projectMeetingDoc } from '../../services/meetings/projectMeetingDoc.ts';
import { parseDocumentName } from '../../../shared/collab/documentName.ts';
import { readActions, readOutcomes } from '../../../shared/collab/meetingDoc.ts';
import type { AccessEpoch } from '../accessEpoch.ts';

/** What a projection was made from: the document's actions and outcomes, as read. */
function projectedContent(document: Y.Doc): string {
	return JSON.stringify([readActions(document), readOutcomes(document)]);
}

/**
 * After each store of a meeting document, rewrites its actions and outcomes in the
 * relational tables (see projectMeetingDoc). A failed projection is logged and retried
 * at the next store; it never blocks saving the document itself.
 *
 * Most stores follow typing in the meeting's text, which changes no action or outcome:
 * a projection is skipped when the document's actions and outcomes read the same as at
 * the last one and no access change (a team or role changed, which decides whose
 * actions are owned) has been announced since (AccessEpoch).
 */
export class ProjectionExtension implements Extension {
	priority = 300;
	private readonly db: Database;
	private readonly log: Logger;
	private readonly epoch: AccessEpoch;
	private readonly lastProjected = new Map<string, { content: string; epoch: number }>();

	constructor(db: Database, logger: Logger, epoch: AccessEpoch) {
		this.db = db;
		this.log = logger;
		this.epoch = epoch;
	}

	async afterStoreDocument({ documentName, document }: afterStoreDocumentPayload): Promise<void> {
		const parsed = parseDocumentName(documentName);
		if (parsed?.kind !== 'meeting') return;
		try {
			const epoch = this.epoch.current;
			const content = projectedContent(document);
			const last = this.lastProjected.get(documentName);
			if (last?.content === content && last.epoch === epoch) return;
			const meeting = await loadMeetingForAccess(this.db, parsed.id);
			if (!meeting) return;
			await projectMeetingDoc(this.db, meeting, document);
			this.lastProjected.set(documentName, { content, epoch });
		} catch (error) {
			this.log.error({ err: error, document: documentName }, 'projecting actions failed');
		}
	}

	async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
		this.lastProjected.delete(documentName);
	}
}
