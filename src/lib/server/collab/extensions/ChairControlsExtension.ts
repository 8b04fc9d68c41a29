import type {
	afterLoadDocumentPayload,
	afterUnloadDocumentPayload,
	Extension
} from '@hocuspocus/server';
import type { Logger } from '../../logger.ts';
import { encodeRevertNotice } from '../../../shared/collab/closeCodes.ts';
import { parseDocumentName } from '../../../shared/collab/documentName.ts';
import { guardChairControls } from '../chairControlsGuard.ts';

/**
 * Locked sections and the chair's controls (current agenda item, timer, locks) are
 * enforced here, not only by the page: anyone else's change to them is undone at once
 * (see guardChairControls), logged, and its author told why in a stateless notice.
 */
export class ChairControlsExtension implements Extension {
	// After MeetingDocumentExtension (400), so the guard sees the document's final shape.
	priority = 350;
	private readonly log: Logger;
	private readonly guards = new Map<string, () => void>();

	constructor(logger: Logger) {
		this.log = logger;
	}

	async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
		if (parseDocumentName(documentName)?.kind !== 'meeting') return;
		this.guards.get(documentName)?.();
		const stop = guardChairControls(document, ({ connection, sections, rules, controls }) => {
			this.log.warn(
				{ document: documentName, userId: connection.context.user?.id, sections, rules, controls },
				'undid a change this person may not make'
			);
			connection.sendStateless(encodeRevertNotice({ sections, rules, controls }));
		});
		this.guards.set(documentName, stop);
	}

	async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
		this.guards.get(documentName)?.();
		this.guards.delete(documentName);
	}
}
