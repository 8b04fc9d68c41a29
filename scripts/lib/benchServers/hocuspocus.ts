import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Server } from '@hocuspocus/server';
import { Redis } from 'ioredis';
import { serveBenchControl } from './control.ts';

/**
 * A bare Hocuspocus 4 server: no extensions, no persistence, no authentication. With
 * BENCH_REDIS_URL (and BENCH_REDIS_PREFIX), Hocuspocus's own Redis extension as its
 * documentation sets it up, and nothing else: several of them share documents through it.
 */
const redisUrl = process.env.BENCH_REDIS_URL;
const server = new Server({
	port: 0,
	address: '127.0.0.1',
	quiet: true,
	extensions: redisUrl
		? [
				new RedisExtension({
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
