import type { SessionUser, Session } from '$lib/server/auth/session.ts';
import type { Database } from '$lib/server/db/client.ts';
import type { Logger } from '$lib/server/logger.ts';
import type { Mailer } from '$lib/server/mail/mailer.ts';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Shown to the user so that support can find the logged error. */
			requestId?: string;
		}
		interface Locals {
			requestId: string;
			logger: Logger;
			db: Database;
			mailer: Mailer;
			/** The app's public origin, for links in emails. */
			origin: string;
			/** Null unless fully signed in (password and, when enrolled, the second factor). */
			user: SessionUser | null;
			session: Session | null;
			/** A session whose password was right but whose two-factor code is still awaited. */
			twoFactorPending: { session: Session; user: SessionUser } | null;
			/** Signed in, but an organisation of the user requires two-factor set-up first. */
			twoFactorSetupRequired: boolean;
		}
	}
}

export {};
