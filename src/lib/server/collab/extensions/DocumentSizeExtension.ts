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
import { DEFAULT_EDIT_BUDGET, EditBudget, type EditBudgetLimits } from '../editBudget.ts';
import { frameType } from '../frameAddress.ts';

/** Hocuspocus's message type for Yjs sync messages (the ones that carry edits). */
const SYNC_MESSAGE = 0;

/**
 * Stops a document growing past MAX_DOCUMENT_BYTES, and one person adding more than
 * their edit budget (editBudget.ts) to it in a few minutes: a message over either is not
 * applied and that socket is closed with a coded reason (the page tells its author what
 * was not saved); everyone else carries on. (Single messages over MAX_MESSAGE_BYTES never
 * get this far: the websocket server refuses them, closing with 1009.) A CRDT update
 * cannot be refused alone — the author's later updates depend on it — hence the close.
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
	private readonly budget: EditBudget;

	constructor(
		logger: Logger,
		maxBytes = MAX_DOCUMENT_BYTES,
		budget: EditBudgetLimits = DEFAULT_EDIT_BUDGET
	) {
		this.log = logger;
		this.maxBytes = maxBytes;
		this.budget = new EditBudget(budget);
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
		// Awareness (cursors, presence) is not kept in the document: only sync frames count.
		if (frameType(update) !== SYNC_MESSAGE) return;
		const person = context.user?.id ?? 'nobody';
		if (!this.budget.spend(`${documentName}/${person}`, update.byteLength)) {
			this.log.warn(
				{ document: documentName, message: update.byteLength, userId: context.user?.id },
				'edit budget spent: closing the socket'
			);
			connection.webSocket.close(COLLAB_CLOSE_CODES.tooMuchAtOnce, 'too-much-at-once');
			throw { code: COLLAB_CLOSE_CODES.tooMuchAtOnce, reason: 'too-much-at-once' };
		}
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
		this.budget.forget(`${documentName}/`);
	}
}
