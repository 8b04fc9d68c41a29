import { ukDateOf, ukTimeOf } from '../../../shared/domain/ukCalendar.ts';
import type { Logger } from '../../logger.ts';
import { sendDuePacks } from '../packs/sendPacks.ts';
import { sendRetentionNotices } from '../records/retentionNotices.ts';
import { sendDailyDigests, type DigestDependencies, type DigestRun } from './dailyDigest.ts';

/**
 * Runs the daily reminder digest inside the server process. It checks every few minutes
 * and, once the UK clock has passed the sending time, sends the day's digests. A day is
 * done once a run has no failures; until then later checks try again. Sending is
 * idempotent per person and day (see dailyDigest.ts), so a restart, or a check that
 * overlaps another server's, never sends anyone a second email.
 *
 * Time comes from an injected clock so tests can move it.
 *
 * Besides the daily emails, every check also runs `eachCheck` (the pre-meeting packs,
 * services/packs/sendPacks.ts): they fall due by date, not by time of day, and a latecomer
 * to a team should not wait until tomorrow. Those sends are claimed once each as well.
 */

export interface Clock {
	now(): Date;
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
	now: () => new Date(),
	setTimeout: (callback, ms) => {
		const handle = setTimeout(callback, ms);
		// Waiting for tomorrow's reminders must not keep a stopping process alive.
		handle.unref();
		return handle;
	},
	clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

export interface SchedulerOptions {
	run: (now: Date) => Promise<DigestRun>;
	/** Runs on every check, whatever the time of day. */
	eachCheck?: (now: Date) => Promise<DigestRun>;
	logger: Logger;
	clock?: Clock;
	/** UK wall-clock time (HH:mm) from which the day's digests go out. */
	sendFrom?: string;
	checkEveryMs?: number;
}

export interface ReminderScheduler {
	/** Checks once now (tests call it; the timer calls it every few minutes). */
	check(): Promise<void>;
	stop(): void;
}

export const DEFAULT_SEND_FROM = '07:00';
export const DEFAULT_CHECK_EVERY_MS = 5 * 60_000;

export function createReminderScheduler(options: SchedulerOptions): ReminderScheduler {
	const clock = options.clock ?? systemClock;
	const sendFrom = options.sendFrom ?? DEFAULT_SEND_FROM;
	const every = options.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS;
	let doneFor: string | null = null;
	let handle: unknown = null;
	let stopped = false;
	let running: Promise<void> | null = null;

	async function checkNow(): Promise<void> {
		const now = clock.now();
		if (options.eachCheck) {
			try {
				const result = await options.eachCheck(now);
				if (result.sent > 0 || result.failed > 0) {
					options.logger.info(result, 'pre-meeting packs sent');
				}
			} catch (error) {
				options.logger.error({ err: error }, 'pre-meeting packs failed; will retry');
			}
		}
		const today = ukDateOf(now);
		if (doneFor === today || ukTimeOf(now) < sendFrom) return;
		try {
			const result = await options.run(now);
			if (result.sent > 0 || result.failed > 0) {
				options.logger.info({ day: today, ...result }, 'reminder digests sent');
			}
			if (result.failed === 0) doneFor = today;
		} catch (error) {
			options.logger.error({ err: error }, 'reminder digests failed; will retry');
		}
	}

	function check(): Promise<void> {
		// One check at a time: a slow run is not overlapped by the next tick.
		running ??= checkNow().finally(() => (running = null));
		return running;
	}

	function schedule() {
		if (stopped) return;
		handle = clock.setTimeout(() => {
			void check().finally(schedule);
		}, every);
	}

	void check().finally(schedule);
	return {
		check,
		stop() {
			stopped = true;
			if (handle !== null) clock.clearTimeout(handle);
		}
	};
}

/** The day's emails, through the app's mailer: reminder digests, then retention notices. */
export function dailyEmails(deps: DigestDependencies): (now: Date) => Promise<DigestRun> {
	return async (now) => {
		const digests = await sendDailyDigests(deps, now);
		const notices = await sendRetentionNotices(deps, now);
		return {
			sent: digests.sent + notices.sent,
			alreadySent: digests.alreadySent + notices.alreadySent,
			failed: digests.failed + notices.failed
		};
	};
}

/**
 * The scheduler the server runs: the day's emails and the pre-meeting packs, by the real
 * clock (or, in end-to-end tests only, a clock they can move: devClock.ts).
 */
export function startReminderScheduler(
	deps: DigestDependencies,
	clock: Clock = systemClock
): ReminderScheduler {
	return createReminderScheduler({
		run: dailyEmails(deps),
		eachCheck: (now) => sendDuePacks(deps, now),
		logger: deps.logger.child({ component: 'reminders' }),
		clock
	});
}
