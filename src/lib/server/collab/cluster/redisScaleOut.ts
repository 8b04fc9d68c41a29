import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { isTransactionOrigin, OutgoingMessage, type onChangePayload } from '@hocuspocus/server';
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
	/** How long opening a document waits for Redis before serving it alone. */
	joinWithinMs?: number;
}

/**
 * Hocuspocus's Redis extension without its store lock. Coplan's stores take a PostgreSQL
 * lock per document and read the document from the database (sharedDocumentStore.ts),
 * so two servers storing at once is safe; the extension's lock would instead skip the
 * second server's store, and with it the settling of edits only that server holds.
 */
class SharedDocumentsExtension extends RedisExtension {
	private destroyed = false;
	private readonly log: Logger;
	private readonly joinWithinMs: number;

	constructor(
		configuration: ConstructorParameters<typeof RedisExtension>[0],
		logger: Logger,
		joinWithinMs: number
	) {
		super(configuration);
		this.log = logger;
		this.joinWithinMs = joinWithinMs;
	}

	/**
	 * Joins the document's channel and takes the other servers' copies, as the extension
	 * does, but not for ever: while Redis is away, people can still open a meeting, served
	 * from the database by this server alone (their edits are logged as always), rather
	 * than wait. The join carries on meanwhile and completes if Redis comes back.
	 */
	override async afterLoadDocument(
		payload: Parameters<RedisExtension['afterLoadDocument']>[0]
	): Promise<void> {
		const joined = super.afterLoadDocument(payload).then(
			() => true,
			(error: unknown) => {
				this.log.warn(
					{ err: error, document: payload.documentName },
					'could not join through Redis'
				);
				return false;
			}
		);
		let timer: ReturnType<typeof setTimeout> | undefined;
		const late = new Promise<false>((resolve) => {
			timer = setTimeout(() => resolve(false), this.joinWithinMs);
		});
		const inTime = await Promise.race([joined, late]);
		clearTimeout(timer);
		if (!inTime) {
			this.log.warn(
				{ document: payload.documentName },
				'serving a document without the other servers: Redis is not answering'
			);
		}
	}

	/**
	 * The extension tells the other servers of a change by its state vector, and the change
	 * itself follows two Redis hops later (their reply, then ours): about 2.7 ms more than
	 * one server at the median (`npm run bench twoInstances`). Publishing the change at
	 * once takes one hop. The state-vector exchange still follows, and repairs anything a
	 * lost message missed.
	 */
	override async onChange(payload: onChangePayload): Promise<void> {
		await super.onChange(payload);
		const origin = payload.transactionOrigin;
		if (isTransactionOrigin(origin) && origin.source === 'redis') return;
		const message = new OutgoingMessage(payload.documentName)
			.createSyncMessage()
			.writeUpdate(payload.update)
			.toUint8Array();
		// The extension's own framing: the sender's identifier, so it ignores its own.
		const identifier = Buffer.from(this.configuration.identifier, 'utf-8');
		this.pub
			.publish(
				`${this.configuration.prefix}:${payload.documentName}`,
				Buffer.concat([Buffer.from([identifier.length]), identifier, message])
			)
			.catch((error: unknown) => {
				this.log.warn({ err: error, document: payload.documentName }, 'a change not published');
			});
	}

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
		try {
			// While Redis is away a polite goodbye would wait through every retry (seconds).
			if (this.pub.status !== 'ready') throw new Error(`Redis is ${this.pub.status}`);
			await super.onDestroy();
		} catch (error) {
			// Saying goodbye fails while Redis is away: the connections are dropped anyway.
			this.log.warn({ err: error }, 'Redis connections closed without a goodbye');
			this.pub.disconnect(false);
			this.sub.disconnect(false);
		}
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
	const extension = new SharedDocumentsExtension(
		{ createClient: connect, prefix },
		logger.child({ component: 'redis' }),
		options.joinWithinMs ?? 3000
	);
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
