import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { COLLAB_DENIAL } from '../../../shared/collab/closeCodes.ts';
import { parseDocumentName } from '../../../shared/collab/documentName.ts';
import type { CollabContext } from '../context.ts';

/** Refuses document names of an unknown shape before anything is loaded or created. */
export class DocumentNameExtension implements Extension {
	priority = 900;

	async onAuthenticate({ documentName }: onAuthenticatePayload<CollabContext>): Promise<void> {
		if (parseDocumentName(documentName) === null) throw { reason: COLLAB_DENIAL.unknownDocument };
	}
}
