import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { pause } from './benchConnect.ts';
import { startBenchServer, type BenchServer } from './benchProcess.ts';

/** The Yjs servers that can run as several instances sharing documents through Redis. */
export type ClusterKind = 'coplan' | 'hocuspocus';

/**
 * Why several instances cannot be measured here, or null if they can: they need one
 * PostgreSQL and one Redis that every instance reaches. Coplan's embedded PGlite lives
 * inside one process; two server processes cannot share it.
 */
export async function whyNotMeasurable(
	databaseUrl: string | undefined,
	redisUrl: string | undefined
): Promise<string | null> {
	if (!databaseUrl) {
		return 'TEST_DATABASE_URL (or DATABASE_URL) is not set. Two Coplan servers share one PostgreSQL; the embedded PGlite lives inside one process, so two server processes cannot share it.';
	}
	if (!redisUrl) return 'REDIS_URL is not set: two servers share their meetings through Redis.';
	const sql = postgres(databaseUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
	try {
		await sql`select 1`;
	} catch (error) {
		return `PostgreSQL at TEST_DATABASE_URL is unreachable: ${(error as Error).message}`;
	} finally {
		await sql.end({ timeout: 1 });
	}
	const redis = new Redis(redisUrl, {
		lazyConnect: true,
		connectTimeout: 3000,
		maxRetriesPerRequest: 0,
		retryStrategy: () => null
	});
	redis.on('error', () => {});
	try {
		await redis.connect();
		await redis.ping();
	} catch (error) {
		return `Redis at REDIS_URL is unreachable: ${(error as Error).message}`;
	} finally {
		redis.disconnect();
	}
	return null;
}

/**
 * One instance, or two (A and B) sharing their documents through Redis under a prefix of
 * their own; Coplan's B joins A's database. B is handed A's session cookies, which hold
 * on both: what a balancer in front of two instances gives a person.
 */
export async function startInstances(
	kind: ClusterKind,
	count: 1 | 2,
	meetings: number,
	redisUrl: string
): Promise<BenchServer[]> {
	const env: Record<string, string> = { BENCH_MEETINGS: String(meetings) };
	if (count === 1) return [await startBenchServer(kind, env)];
	env.BENCH_REDIS_URL = redisUrl;
	env.BENCH_REDIS_PREFIX = `coplan-bench-${randomUUID()}`;
	const a = await startBenchServer(kind, env);
	try {
		const joining = a.ready.databaseUrl;
		if (kind === 'coplan' && !joining) throw new Error('the first Coplan gave no database URL');
		const b = await startBenchServer(kind, {
			...env,
			...(joining ? { BENCH_DATABASE_URL: joining } : {})
		});
		const cookies = a.ready.cookies;
		return [a, { ...b, ready: { ...b.ready, ...(cookies ? { cookies } : {}) } }];
	} catch (error) {
		await a.stop();
		throw error;
	}
}

/** Stops the instances, the joining ones first: the first one drops the database it made. */
export async function stopInstances(servers: BenchServer[]): Promise<void> {
	for (const server of [...servers].reverse()) await server.stop();
}

/**
 * The floor under what Redis adds: one publish on a channel timed to its delivery to a
 * subscriber, in ms, `count` times, one every `intervalMs` (each instance's change
 * crosses Redis this way, three times: see bench/TARGETS.md).
 */
export async function redisHopLatencies(
	redisUrl: string,
	count: number,
	intervalMs: number
): Promise<number[]> {
	const publisher = new Redis(redisUrl);
	const subscriber = new Redis(redisUrl);
	const channel = `coplan-bench-hop-${randomUUID()}`;
	const sentAt: number[] = [];
	const latencies: number[] = [];
	subscriber.on('messageBuffer', (_channel: Buffer, message: Buffer) => {
		const at = sentAt[message.readUInt32LE(0)];
		if (at !== undefined) latencies.push(performance.now() - at);
	});
	try {
		await subscriber.subscribe(channel);
		for (let index = 0; index < count; index += 1) {
			const message = Buffer.alloc(4);
			message.writeUInt32LE(index, 0);
			sentAt.push(performance.now());
			void publisher.publish(channel, message);
			await pause(intervalMs);
		}
		const deadline = performance.now() + 3000;
		while (latencies.length < count && performance.now() < deadline) await pause(20);
		return latencies;
	} finally {
		publisher.disconnect();
		subscriber.disconnect();
	}
}
