import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { COLLAB_DENIAL } from '../../../shared/collab/closeCodes.ts';
import { readClientSchemaVersion, schemaVersionFor } from '../../../shared/collab/clientToken.ts';
import { parseDocumentName } from '../../../shared/collab/documentName.ts';
import type { CollabContext } from '../context.ts';

/**
 * Refuses clients built for another version of the document's shape ("please reload"),
 * so that old code never writes an old shape into a live document. The client announces
 * its version in the provider's token (see shared/collab/clientToken.ts).
 */
export class ClientSchemaExtension implements Extension {
	priority = 850;

	async onAuthenticate({ documentName, token }: onAuthenticatePayload<CollabContext>) {
		const parsed = parseDocumentName(documentName);
		if (!parsed) return;
		if (readClientSchemaVersion(token) !== schemaVersionFor(parsed.kind)) {
			throw { reason: COLLAB_DENIAL.schemaMismatch };
		}
	}
}
