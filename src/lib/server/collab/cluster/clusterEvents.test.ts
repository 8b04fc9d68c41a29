import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.ts';
import { testRedisPrefix, testRedisUrl } from '../../testing/redis.ts';
import { ClusterAnnouncementFailed, ClusterEvents, type ClusterEvent } from './clusterEvents.ts';

const redisUrl = testRedisUrl();
const opened: { stop(): Promise<void> | void }[] = [];

afterEach(async () => {
	await Promise.all(opened.splice(0).map((item) => item.stop()));
});

function server(prefix: string, ackTimeoutMs = 2000): ClusterEvents {
	const events = new ClusterEvents({
		connect: () => new Redis(redisUrl ?? ''),
		logger: createLogger('silent'),
		prefix,
		ackTimeoutMs
	});
	opened.push(events);
	return events;
}

describe.skipIf(!redisUrl)('announcements between servers', () => {
	it('resolves once every other server has acted, not before', async () => {
		const prefix = testRedisPrefix();
		const acted: string[] = [];
		const sender = server(prefix);
		await sender.start(async () => {
			acted.push('the sender itself');
		});
		for (const name of ['second', 'third']) {
			await server(prefix).start(async (event: ClusterEvent) => {
				await new Promise((resolve) => setTimeout(resolve, 50));
				if (event.kind === 'userAccess') acted.push(`${name}:${event.userId}`);
			});
		}
		await sender.announce({ kind: 'userAccess', userId: 'u1' });
		expect(acted.sort()).toEqual(['second:u1', 'third:u1']);
	});

	it('rejects when a server does not answer in time, or fails to act', async () => {
		const prefix = testRedisPrefix();
		const sender = server(prefix, 300);
		await sender.start(async () => {});
		// A subscriber that never answers, as a server stuck or cut off would.
		const silent = new Redis(redisUrl ?? '');
		opened.push({ stop: () => silent.disconnect() });
		await silent.subscribe(`${prefix}#events`);
		await expect(sender.announce({ kind: 'sessionsEnded' })).rejects.toBeInstanceOf(
			ClusterAnnouncementFailed
		);
		silent.disconnect();

		const failing = server(prefix);
		await failing.start(async () => {
			throw new Error('cannot');
		});
		await expect(sender.announce({ kind: 'erase', names: ['x'] })).rejects.toThrow(/failed/);
	});

	it('ignores malformed announcements and carries on', async () => {
		const prefix = testRedisPrefix();
		const heard: ClusterEvent[] = [];
		const receiver = server(prefix);
		await receiver.start(async (event) => {
			heard.push(event);
		});
		const sender = server(prefix);
		await sender.start(async () => {});
		const raw = new Redis(redisUrl ?? '');
		opened.push({ stop: () => raw.disconnect() });
		await raw.publish(`${prefix}#events`, 'not json');
		await raw.publish(
			`${prefix}#events`,
			JSON.stringify({ from: 'x', id: 'y', event: { kind: 'drop' } })
		);
		await sender.announce({ kind: 'meetingAccess', meetingId: 'm1' });
		expect(heard).toEqual([{ kind: 'meetingAccess', meetingId: 'm1' }]);
	});

	it('resolves at once when no other server is listening', async () => {
		const alone = server(testRedisPrefix());
		await alone.start(async () => {});
		await expect(alone.announce({ kind: 'childAccess', childId: 'c1' })).resolves.toBeUndefined();
	});
});
