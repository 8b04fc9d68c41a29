import type {
	afterUnloadDocumentPayload,
	beforeHandleMessagePayload,
	Extension,
	onChangePayload
} from '@hocuspocus/server';
import * as Y from 'yjs';
import type { Logger } from '../../logger.ts';
import {
	COLLAB_CLOSE_CODES,
	COLLAB_DENIAL,
	MAX_DOCUMENT_BYTES
} from '../../../shared/collab/closeCodes.ts';
import type { CollabContext } from '../context.ts';

/**
 * Stops a document growing past MAX_DOCUMENT_BYTES: a message that would take it over
 * the limit is not applied and that socket is closed with a coded reason; everyone else
 * carries on. (Single messages over MAX_MESSAGE_BYTES never get this far: the websocket
 * server refuses them, closing with 1009.)
 *
 * Encoding a large document for every keystroke would be slow, so the size is estimated
 * from the loaded size plus every update applied since, and measured exactly only when
 * the estimate nears the limit (deletions make the estimate too high, never too low).
 */
export class DocumentSizeExtension implements Extension {
	priority = 700;
	private readonly log: Logger;
	private readonly maxBytes: number;
	private readonly estimates = new Map<string, number>();

	constructor(logger: Logger, maxBytes = MAX_DOCUMENT_BYTES) {
		this.log = logger;
		this.maxBytes = maxBytes;
	}

	private estimate(name: string, document: Y.Doc): number {
		let size = this.estimates.get(name);
		if (size === undefined) {
			size = Y.encodeStateAsUpdate(document).byteLength;
			this.estimates.set(name, size);
		}
		return size;
	}

	async beforeHandleMessage({
		documentName,
		document,
		update,
		connection,
		context
	}: beforeHandleMessagePayload<CollabContext>): Promise<void> {
		if (this.estimate(documentName, document) + update.byteLength <= this.maxBytes) return;
		const exact = Y.encodeStateAsUpdate(document).byteLength;
		this.estimates.set(documentName, exact);
		if (exact + update.byteLength <= this.maxBytes) return;
		this.log.warn(
			{
				document: documentName,
				bytes: exact,
				message: update.byteLength,
				userId: context.user?.id
			},
			'document size limit reached: closing the socket'
		);
		connection.webSocket.close(COLLAB_CLOSE_CODES.documentTooLarge, COLLAB_DENIAL.documentTooLarge);
		throw { code: COLLAB_CLOSE_CODES.documentTooLarge, reason: COLLAB_DENIAL.documentTooLarge };
	}

	async onChange({ documentName, update }: onChangePayload): Promise<void> {
		const size = this.estimates.get(documentName);
		if (size !== undefined) this.estimates.set(documentName, size + update.byteLength);
	}

	async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
		this.estimates.delete(documentName);
	}
}
