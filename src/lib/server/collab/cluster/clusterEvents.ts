import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import * as v from 'valibot';
import type { Logger } from '../../logger.ts';

/**
 * What one server tells the others (Redis scale-out): changes that must reach every
 * live connection, wherever it is.
 */
const ClusterEventSchema = v.variant('kind', [
	v.object({ kind: v.literal('meetingAccess'), meetingId: v.string() }),
	v.object({ kind: v.literal('childAccess'), childId: v.string() }),
	v.object({ kind: v.literal('userAccess'), userId: v.string() }),
	v.object({ kind: v.literal('erase'), names: v.array(v.string()) }),
	v.object({ kind: v.literal('sessionsEnded') })
]);
export type ClusterEvent = v.InferOutput<typeof ClusterEventSchema>;

const AnnouncementSchema = v.object({
	from: v.string(),
	id: v.string(),
	event: ClusterEventSchema
});
const AckSchema = v.object({ id: v.string(), ok: v.boolean() });

export interface ClusterEventsOptions {
	/** A new Redis connection (one publishes, one subscribes). */
	connect: () => Redis;
	logger: Logger;
	/** Channel names start with it (one Coplan per Redis database, or distinct prefixes). */
	prefix: string;
	/** How long an announcement waits for every other server to say it is done. */
	ackTimeoutMs?: number;
}

export class ClusterAnnouncementFailed extends Error {}

interface Waiting {
	/** Other servers that received the announcement; unknown until PUBLISH answers. */
	expected: number | null;
	acks: number;
	failures: number;
	settle: (error?: Error) => void;
}

/**
 * Announces events to every other server and waits until each has acted on them, so
 * that a caller (an erasure, a removal from a team) can count on every server having
 * closed or narrowed its connections when `announce` resolves. Redis's PUBLISH says how
 * many subscribers received a message; each answers on the sender's own channel.
 */
export class ClusterEvents {
	readonly serverId = randomUUID();
	private readonly pub: Redis;
	private readonly sub: Redis;
	private readonly log: Logger;
	private readonly channel: string;
	private readonly ackTimeoutMs: number;
	private readonly waiting = new Map<string, Waiting>();
	private handler: (event: ClusterEvent) => Promise<void> = async () => {};
	private ready: Promise<void> | null = null;

	constructor(options: ClusterEventsOptions) {
		this.pub = options.connect();
		this.sub = options.connect();
		this.log = options.logger;
		this.channel = `${options.prefix}#events`;
		this.ackTimeoutMs = options.ackTimeoutMs ?? 5000;
	}

	private ackChannel(serverId: string): string {
		return `${this.channel}#ack:${serverId}`;
	}

	/** Subscribes; `handler` acts on each event another server announces. */
	start(handler: (event: ClusterEvent) => Promise<void>): Promise<void> {
		this.handler = handler;
		this.sub.on('message', (channel: string, message: string) => {
			if (channel === this.channel) void this.received(message);
			else if (channel === this.ackChannel(this.serverId)) this.acknowledged(message);
		});
		this.ready ??= this.sub
			.subscribe(this.channel, this.ackChannel(this.serverId))
			.then(() => undefined);
		return this.ready;
	}

	/**
	 * Tells every other server, and resolves once each has acted on it. Rejects with
	 * ClusterAnnouncementFailed when Redis cannot be reached or a server did not answer
	 * in time (or failed): the caller decides whether that may be let go.
	 */
	async announce(event: ClusterEvent): Promise<void> {
		const id = randomUUID();
		const acknowledged = new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => {
				this.waiting.delete(id);
				reject(new ClusterAnnouncementFailed(`not every server answered "${event.kind}" in time`));
			}, this.ackTimeoutMs);
			this.waiting.set(id, {
				expected: null,
				acks: 0,
				failures: 0,
				settle: (error) => {
					clearTimeout(timer);
					this.waiting.delete(id);
					if (error) reject(error);
					else resolve();
				}
			});
		});
		// Not awaited: while Redis is away this may wait long, and `acknowledged` gives up
		// after ackTimeoutMs whatever happens to it.
		this.publish(id, event).catch((error: unknown) => {
			this.waiting.get(id)?.settle(new ClusterAnnouncementFailed(`Redis: ${String(error)}`));
		});
		return acknowledged;
	}

	private async publish(id: string, event: ClusterEvent): Promise<void> {
		// Subscribed first, or the answers could come before anyone listens for them.
		await this.ready;
		const receivers = await this.pub.publish(
			this.channel,
			JSON.stringify({ from: this.serverId, id, event })
		);
		const waiting = this.waiting.get(id);
		// This server receives its own announcement too, and ignores it.
		if (waiting) this.check({ ...waiting, expected: receivers - 1 }, id);
	}

	private check(waiting: Waiting, id: string): void {
		this.waiting.set(id, waiting);
		if (waiting.expected === null || waiting.acks < waiting.expected) return;
		waiting.settle(
			waiting.failures > 0
				? new ClusterAnnouncementFailed(`${waiting.failures} server(s) failed to act on it`)
				: undefined
		);
	}

	private async received(message: string): Promise<void> {
		const parsed = v.safeParse(AnnouncementSchema, safeJson(message));
		if (!parsed.success) {
			this.log.warn('ignored a malformed cluster announcement');
			return;
		}
		const { from, id, event } = parsed.output;
		if (from === this.serverId) return;
		let ok = true;
		try {
			await this.handler(event);
		} catch (error) {
			ok = false;
			this.log.error({ err: error, event: event.kind }, 'acting on a cluster announcement failed');
		}
		await this.pub
			.publish(this.ackChannel(from), JSON.stringify({ id, ok }))
			.catch((error: unknown) => this.log.warn({ err: error }, 'cluster acknowledgement not sent'));
	}

	private acknowledged(message: string): void {
		const parsed = v.safeParse(AckSchema, safeJson(message));
		if (!parsed.success) return;
		const waiting = this.waiting.get(parsed.output.id);
		if (!waiting) return;
		this.check(
			{
				...waiting,
				acks: waiting.acks + 1,
				failures: waiting.failures + (parsed.output.ok ? 0 : 1)
			},
			parsed.output.id
		);
	}

	async stop(): Promise<void> {
		this.pub.disconnect();
		this.sub.disconnect();
	}
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return null;
	}
}
