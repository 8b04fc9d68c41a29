import type { Env } from './env.ts';
import { isDevOutboxShown } from './mail/devOutbox.ts';
import { systemClock, type Clock } from './services/reminders/scheduler.ts';

/**
 * A scheduler clock the end-to-end tests can move forward (POST /dev/clock), so a journey
 * can reach the day a pre-meeting pack is due without waiting two weeks. Only when the
 * operator sets COPLAN_DEV_CLOCK=1, which tests/e2e/serve.ts does, and only where the
 * development outbox is shown too (no SMTP_URL: mail never leaves the machine). Otherwise
 * there is no offset and /dev/clock answers 404, so a real deployment cannot be moved.
 */

export function isDevClockOn(
	env: Pick<
		Env,
		'SMTP_URL' | 'NODE_ENV' | 'COPLAN_DEV_OUTBOX' | 'DATABASE_URL' | 'COPLAN_DEV_CLOCK'
	>
): boolean {
	return env.COPLAN_DEV_CLOCK === '1' && isDevOutboxShown(env);
}

/** The most a test may move the clock at once: far enough for any statutory deadline. */
export const MAX_DEV_CLOCK_DAYS = 400;

export interface OffsetClock {
	clock: Clock;
	/** Moves the clock forward by whole days and returns the new time. */
	advanceDays(days: number): Date;
}

export function createOffsetClock(base: Clock = systemClock): OffsetClock {
	let offsetMs = 0;
	return {
		clock: {
			now: () => new Date(base.now().getTime() + offsetMs),
			setTimeout: (callback, ms) => base.setTimeout(callback, ms),
			clearTimeout: (handle) => base.clearTimeout(handle)
		},
		advanceDays(days) {
			if (!Number.isInteger(days) || days < 0 || days > MAX_DEV_CLOCK_DAYS) {
				throw new RangeError(`days must be a whole number from 0 to ${MAX_DEV_CLOCK_DAYS}`);
			}
			offsetMs += days * 86_400_000;
			return new Date(base.now().getTime() + offsetMs);
		}
	};
}
