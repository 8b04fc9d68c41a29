import type { Database } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { Actor } from '../../policy.ts';
import { can } from '../../policy.ts';
import { childResource } from '../children/childResource.ts';

/** What the invitation services need from the request: the database and the way to send mail. */
export interface InvitationContext {
	db: Database;
	mailer: Mailer;
	/** The app's public origin, for the link in the email. */
	origin: string;
	logger?: Logger;
}

/** The child, as far as invitations need it: its first name is all an email may carry. */
export interface InvitingChild {
	id: string;
	organisationId: string;
	firstName: string;
	preferredName: string | null;
}

/** The person acting: their policy facts and the name their invitations are sent in. */
export interface Inviter {
	actor: Actor;
	name: string;
}

export class NotAllowedError extends Error {
	override name = 'NotAllowedError';
}

/**
 * Routes check the policy before calling; the services check again, so that no future
 * caller can invite people to a child's team without the policy's say-so.
 */
export function assertMayInvite(inviter: Inviter, child: InvitingChild): void {
	if (!can(inviter.actor, 'child.invite', childResource(child))) {
		throw new NotAllowedError('The policy does not allow this person to invite to this team.');
	}
}
