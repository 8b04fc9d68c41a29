import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { OutgoingMessage, Server, type onChangePayload } from '@hocuspocus/server';
import { Redis } from 'ioredis';
import { serveBenchControl } from './control.ts';

/**
 * Hocuspocus's Redis extension that also publishes each change itself: another server
 * applies it on arrival, one Redis hop, where the extension alone publishes a state
 * vector and the change follows two hops later (SyncStep1 out, SyncStep1 back, SyncStep2
 * out). The extension's own messages still follow, and repair anything lost. An
 * experiment for bench/TARGETS.md, not something Coplan runs.
 */
class OneHopRedisExtension extends RedisExtension {
	override async onChange(data: onChangePayload): Promise<void> {
		await super.onChange(data);
		const origin = data.transactionOrigin as { source?: unknown } | null | undefined;
		if (origin?.source === 'redis') return;
		const message = new OutgoingMessage(data.documentName)
			.createSyncMessage()
			.writeUpdate(data.update)
			.toUint8Array();
		await this.pub.publish(
			`${this.configuration.prefix}:${data.documentName}`,
			Buffer.concat([this.messagePrefix, message])
		);
	}
}

/**
 * A bare Hocuspocus 4 server: no extensions, no persistence, no authentication. With
 * BENCH_REDIS_URL (and BENCH_REDIS_PREFIX), Hocuspocus's own Redis extension as its
 * documentation sets it up, and nothing else: several of them share documents through it.
 * BENCH_REDIS_ONE_HOP=1 swaps in OneHopRedisExtension.
 */
const redisUrl = process.env.BENCH_REDIS_URL;
const Extension = process.env.BENCH_REDIS_ONE_HOP === '1' ? OneHopRedisExtension : RedisExtension;
const server = new Server({
	port: 0,
	address: '127.0.0.1',
	quiet: true,
	extensions: redisUrl
		? [
				new Extension({
					createClient: () => new Redis(redisUrl),
					prefix: process.env.BENCH_REDIS_PREFIX ?? 'hocuspocus'
				})
			]
		: []
});
await server.listen();
serveBenchControl(
	{ url: `ws://127.0.0.1:${server.address.port}` },
	() => server.destroy(),
	() => server.hocuspocus.documents.size
);
