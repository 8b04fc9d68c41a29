import type { Database } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { Actor } from '../../policy.ts';

/** What the invitation services need from the request: the database and the way to send mail. */
export interface InvitationContext {
	db: Database;
	mailer: Mailer;
	/** The app's public origin, for the link in the email. */
	origin: string;
	logger?: Logger;
}

/** The person acting: their policy facts and the name their invitations are sent in. */
export interface Inviter {
	actor: Actor;
	name: string;
}

/**
 * Routes check the policy before calling; the services check again (each scope's
 * assertMayManage), so that no future caller can invite anyone without the policy's say-so.
 */
export class NotAllowedError extends Error {
	override name = 'NotAllowedError';
}
