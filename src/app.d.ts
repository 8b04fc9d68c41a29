import type { SessionUser, Session } from '$lib/server/auth/session.ts';
import type { LiveDocuments } from '$lib/server/collab/liveDocuments.ts';
import type { Database, DatabaseHandle } from '$lib/server/db/client.ts';
import type { Logger } from '$lib/server/logger.ts';
import type { Mailer } from '$lib/server/mail/mailer.ts';
import type { DevClockControl } from '$lib/server/lifecycle.ts';
import type { Metrics } from '$lib/server/metrics.ts';

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
			/** The database connection itself, for readiness checks. */
			database: DatabaseHandle;
			/** Live meeting documents and their connections (the collaboration server). */
			live: LiveDocuments;
			/** Mail is shown at /dev/outbox instead of being sent (see mail/devOutbox.ts). */
			outboxShown: boolean;
			/** Moves the scheduler's clock (end-to-end tests only; see server/devClock.ts). */
			devClock: DevClockControl | null;
			/** Served at /metrics; null unless METRICS_TOKEN is set. */
			metrics: Metrics | null;
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
