import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { COLLAB_DENIAL } from '../../../shared/collab/closeCodes.ts';
import type { CollabContext } from '../context.ts';

/**
 * Lets a connection open documents only when its upgrade request carried a valid
 * session cookie. The cookie is checked once per socket, at the upgrade, and the
 * user is put into the context; this extension turns "no user" into a coded refusal
 * that the client shows in words.
 */
export class AuthenticationExtension implements Extension {
	priority = 1000;

	async onAuthenticate({ context }: onAuthenticatePayload<CollabContext>): Promise<void> {
		if (!context.user) throw { reason: COLLAB_DENIAL.unauthenticated };
	}
}
