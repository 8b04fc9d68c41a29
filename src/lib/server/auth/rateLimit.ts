import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { rateLimitEvents } from '../db/schema.ts';

/**
 * Sliding-window rate limits kept in the database (rate_limit_events), so that they
 * survive a restart and hold across several instances.
 *
 * An attempt is counted BEFORE the work it guards (a password check, a code check):
 * consume() records an event and then counts the window. Concurrent attempts therefore
 * see each other, and a burst of parallel guesses cannot slip past the limit. When the
 * guarded work succeeds, the caller refunds the event (or clears the key).
 */

export interface RateLimit {
	/** e.g. "sign-in:account:sam@example.org" */
	key: string;
	/** Most events allowed inside one window. */
	limit: number;
	windowMs: number;
}

export type Consumed =
	| {
			allowed: true;
			/** The event recorded for this attempt, for refund(). */
			eventId: string;
			/** Attempts still allowed in the window after this one. */
			remaining: number;
			/** When remaining is 0: how long until the next attempt would be allowed. */
			retryAfterMs: number;
	  }
	| { allowed: false; retryAfterMs: number };

/** Events older than this are deleted whatever their key: longer than any window we use. */
const RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * How long until the window holds fewer than `limit` events, given the times of the
 * events inside it, oldest first. With exactly `limit` events that is when the oldest
 * leaves the window.
 */
export function retryAfterMs(
	occurredAt: readonly Date[],
	limit: number,
	windowMs: number,
	now: Date
): number {
	if (occurredAt.length < limit) return 0;
	const mustExpire = occurredAt[occurredAt.length - limit];
	if (!mustExpire) return 0;
	return Math.max(0, mustExpire.getTime() + windowMs - now.getTime());
}

/** Minutes to tell a person, rounded up: never "0 minutes". */
export function minutesToWait(ms: number): number {
	return Math.max(1, Math.ceil(ms / 60_000));
}

/** The key's events inside the window, oldest first. */
async function eventsInWindow(
	db: Database,
	rule: RateLimit,
	now: Date
): Promise<{ id: string; occurredAt: Date }[]> {
	return db
		.select({ id: rateLimitEvents.id, occurredAt: rateLimitEvents.occurredAt })
		.from(rateLimitEvents)
		.where(
			and(
				eq(rateLimitEvents.key, rule.key),
				gt(rateLimitEvents.occurredAt, new Date(now.getTime() - rule.windowMs))
			)
		)
		.orderBy(asc(rateLimitEvents.occurredAt), asc(rateLimitEvents.id));
}

/** Counts one attempt against the limit, or refuses it (recording nothing) when over. */
export async function consume(db: Database, rule: RateLimit, now = new Date()): Promise<Consumed> {
	await db
		.delete(rateLimitEvents)
		.where(lt(rateLimitEvents.occurredAt, new Date(now.getTime() - RETENTION_MS)));
	const [event] = await db
		.insert(rateLimitEvents)
		.values({ key: rule.key, occurredAt: now })
		.returning({ id: rateLimitEvents.id });
	if (!event) throw new Error('The rate limit event was not recorded.');
	const events = await eventsInWindow(db, rule, now);
	const times = events.map((row) => row.occurredAt);
	if (events.length > rule.limit) {
		// Refused attempts are not counted, so the wait we announce is the real one.
		await refund(db, event.id);
		const others = events.filter((row) => row.id !== event.id).map((row) => row.occurredAt);
		return { allowed: false, retryAfterMs: retryAfterMs(others, rule.limit, rule.windowMs, now) };
	}
	return {
		allowed: true,
		eventId: event.id,
		remaining: rule.limit - times.length,
		retryAfterMs: retryAfterMs(times, rule.limit, rule.windowMs, now)
	};
}

/** Takes back attempts that turned out to be legitimate (e.g. a correct password). */
export async function refund(db: Database, ...eventIds: string[]): Promise<void> {
	if (eventIds.length === 0) return;
	await db.delete(rateLimitEvents).where(inArray(rateLimitEvents.id, eventIds));
}

/** Forgets every event of a key (e.g. an account's failed sign-ins after a success). */
export async function clear(db: Database, key: string): Promise<void> {
	await db.delete(rateLimitEvents).where(eq(rateLimitEvents.key, key));
}

/**
 * Counts one attempt against several limits at once (e.g. per account and per IP
 * address). If any refuses, the others are refunded and the longest wait is returned.
 */
export async function consumeAll(
	db: Database,
	rules: readonly RateLimit[],
	now = new Date()
): Promise<
	| { allowed: true; eventIds: string[]; exhausted: boolean; retryAfterMs: number }
	| { allowed: false; retryAfterMs: number }
> {
	const results: Consumed[] = [];
	for (const rule of rules) results.push(await consume(db, rule, now));
	const eventIds = results.flatMap((result) => (result.allowed ? [result.eventId] : []));
	const refused = results.filter((result) => !result.allowed);
	if (refused.length > 0) {
		await refund(db, ...eventIds);
		return {
			allowed: false,
			retryAfterMs: Math.max(...refused.map((result) => result.retryAfterMs))
		};
	}
	const exhausted = results.filter((result) => result.allowed && result.remaining === 0);
	return {
		allowed: true,
		eventIds,
		exhausted: exhausted.length > 0,
		retryAfterMs: Math.max(0, ...exhausted.map((result) => result.retryAfterMs))
	};
}
