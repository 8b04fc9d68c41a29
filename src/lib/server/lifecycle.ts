import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCollabServer } from './collab/createCollabServer.ts';
import { storedDocuments, type LiveDocuments } from './collab/liveDocuments.ts';
import { receiveHandoff } from './handoff.ts';
import { routeUpgrades } from './http/upgrades.ts';
import { isDevOutboxShown } from './mail/devOutbox.ts';
import { Metrics } from './metrics.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import { createOffsetClock, isDevClockOn } from './devClock.ts';
import {
	startReminderScheduler,
	systemClock,
	type Clock,
	type ReminderScheduler
} from './services/reminders/scheduler.ts';
import { withOperatorMessage } from './startupErrors.ts';
import { describeStartup, sharesThroughRedis } from './startupSummary.ts';

/**
 * Starts and stops everything one Coplan process runs besides SvelteKit's own request
 * handling: the runtime (configuration, database, mailer), the collaboration server on the
 * handed-over HTTP server, and the reminder scheduler. SvelteKit's `init` hook starts it
 * (hooks.server.ts), so these modules exist once, in SvelteKit's module graph; the Vite
 * plugin starts the same module through Vite's SSR graph in development.
 */
export interface Lifecycle {
	runtime: Runtime;
	/** What services use to reach live documents (the collaboration server's, if running). */
	live: LiveDocuments;
	/** Whether /dev/outbox shows the mail Coplan wrote instead of sending it. */
	outboxShown: boolean;
	/**
	 * Moves the scheduler's clock forward and runs a check at once; null unless
	 * COPLAN_DEV_CLOCK allows it (devClock.ts), as in every real deployment.
	 */
	devClock: DevClockControl | null;
	/** What /metrics serves; null unless METRICS_TOKEN is set. */
	metrics: Metrics | null;
	/** The start-up summary for the operator, without the address (the entry adds it). */
	startupSummary: string[];
	/** Stops the scheduler, stores every open document, closes the database. */
	stop(): Promise<void>;
}

export interface DevClockControl {
	/** Resolves with the scheduler's new time once the check at that time has run. */
	advanceDays(days: number): Promise<Date>;
}

/** Without an entry's handoff (a test importing hooks directly) there is no HTTP server. */
let startedWithoutHandoff: Promise<Lifecycle> | undefined;

/** Starts the lifecycle once per process; later calls get the same one. */
export function startLifecycle(
	source: Record<string, string | undefined> = process.env
): Promise<Lifecycle> {
	const handoff = receiveHandoff();
	const existing = handoff ? handoff.lifecycle : startedWithoutHandoff;
	if (existing) return existing;
	const starting = start(source, handoff?.httpServer, handoff?.ownsUpgrades ?? false);
	const remember = (value: Promise<Lifecycle> | undefined) => {
		if (handoff) handoff.lifecycle = value;
		else startedWithoutHandoff = value;
	};
	remember(starting);
	// A failed start may be retried (in development the next request tries again).
	starting.catch(() => {
		if ((handoff ? handoff.lifecycle : startedWithoutHandoff) === starting) remember(undefined);
	});
	return starting;
}

async function start(
	source: Record<string, string | undefined>,
	httpServer: Server | undefined,
	ownsUpgrades: boolean
): Promise<Lifecycle> {
	const runtime = await openRuntime(source).catch((error: unknown) => {
		throw withOperatorMessage(error);
	});
	const { env, logger, database } = runtime;
	const metrics = env.METRICS_TOKEN ? new Metrics(env.METRICS_TOKEN) : null;
	const collab = httpServer
		? createCollabServer({
				db: database.db,
				logger,
				origin: env.ORIGIN,
				...(metrics ? { metrics } : {}),
				...(env.REDIS_URL && sharesThroughRedis(runtime)
					? { redis: { url: env.REDIS_URL, prefix: env.REDIS_PREFIX } }
					: {})
			})
		: null;
	if (collab && metrics) {
		metrics.watch({
			connections: () => collab.hocuspocus.getConnectionsCount(),
			documents: () => collab.hocuspocus.getDocumentsCount(),
			savingPaused: () => collab.savingPaused()
		});
	}
	if (httpServer && collab) routeUpgrades(httpServer, collab, logger, { ownsUpgrades });
	const offsetClock = isDevClockOn(env) ? createOffsetClock() : null;
	const reminders = httpServer
		? startRemindersWhenListening(httpServer, runtime, offsetClock?.clock ?? systemClock)
		: null;
	const outboxShown = isDevOutboxShown(env);
	const devClock: DevClockControl | null =
		offsetClock && reminders
			? {
					async advanceDays(days) {
						const now = offsetClock.advanceDays(days);
						await reminders.check();
						return now;
					}
				}
			: null;
	return {
		runtime,
		live: collab?.live ?? storedDocuments(database.db),
		outboxShown,
		devClock,
		metrics,
		startupSummary: describeStartup(runtime, outboxShown),
		async stop() {
			reminders?.stop();
			await collab
				?.destroy()
				.catch((error: unknown) => logger.error({ err: error }, 'saving documents failed'));
			await database.close();
		}
	};
}

/** Daily reminder emails of due actions, once the server has an address for their links. */
function startRemindersWhenListening(
	httpServer: Server,
	runtime: Runtime,
	clock: Clock
): { check(): Promise<void>; stop(): void } {
	let scheduler: ReminderScheduler | undefined;
	let stopped = false;
	const begin = () => {
		if (stopped) return;
		const port = (httpServer.address() as AddressInfo | null)?.port ?? runtime.env.PORT;
		scheduler = startReminderScheduler(
			{
				db: runtime.database.db,
				mailer: runtime.mailer,
				logger: runtime.logger,
				origin: runtime.env.ORIGIN ?? `http://localhost:${port}`
			},
			clock
		);
	};
	if (httpServer.listening) begin();
	else httpServer.once('listening', begin);
	return {
		check: () => scheduler?.check() ?? Promise.resolve(),
		stop() {
			stopped = true;
			httpServer.off('listening', begin);
			scheduler?.stop();
		}
	};
}
