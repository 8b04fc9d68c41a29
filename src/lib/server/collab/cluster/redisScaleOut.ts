import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Redis } from 'ioredis';
import type { Logger } from '../../logger.ts';
import { ClusterEvents } from './clusterEvents.ts';

export interface RedisScaleOutOptions {
	/** redis:// or rediss:// URL of the Redis every server of this Coplan shares. */
	url: string;
	/** Keys and channels start with it (default "coplan"). */
	prefix?: string;
	/** How long an access change waits for every other server to apply it. */
	ackTimeoutMs?: number;
}

/**
 * Hocuspocus's Redis extension without its store lock. Coplan's stores take a PostgreSQL
 * lock per document and read the document from the database (sharedDocumentStore.ts),
 * so two servers storing at once is safe; the extension's lock would instead skip the
 * second server's store, and with it the settling of edits only that server holds.
 */
class SharedDocumentsExtension extends RedisExtension {
	private destroyed = false;

	override async onStoreDocument(): Promise<void> {}
	override async afterStoreDocument(): Promise<void> {}

	/** Documents still unloading as the server stops have no channel left to leave. */
	override async afterUnloadDocument(
		payload: Parameters<RedisExtension['afterUnloadDocument']>[0]
	): Promise<void> {
		if (!this.destroyed) await super.afterUnloadDocument(payload);
	}

	override async onDestroy(): Promise<void> {
		this.destroyed = true;
		await super.onDestroy();
	}
}

export interface RedisScaleOut {
	extension: RedisExtension;
	events: ClusterEvents;
	stop(): Promise<void>;
}

/** One Redis connection, logging its trouble once per outage rather than per retry. */
function connector(url: string, logger: Logger): () => Redis {
	return () => {
		const client = new Redis(url, { lazyConnect: false });
		let failing = false;
		client.on('error', (error: Error) => {
			if (failing) return;
			failing = true;
			logger.error({ err: error }, 'Redis unreachable: servers cannot share live edits');
		});
		client.on('ready', () => {
			if (failing) logger.info('Redis reachable again');
			failing = false;
		});
		return client;
	};
}

/**
 * What lets several Coplan servers serve the same meetings: live edits and presence
 * travel between them through Redis (the extension), and access changes reach every
 * server's connections (ClusterEvents).
 */
export function redisScaleOut(options: RedisScaleOutOptions, logger: Logger): RedisScaleOut {
	const prefix = options.prefix ?? 'coplan';
	const connect = connector(options.url, logger.child({ component: 'redis' }));
	const extension = new SharedDocumentsExtension({ createClient: connect, prefix });
	const events = new ClusterEvents({
		connect,
		logger,
		prefix,
		...(options.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: options.ackTimeoutMs })
	});
	return {
		extension,
		events,
		stop: () => events.stop()
	};
}
