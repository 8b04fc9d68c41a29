import { describe, expect, it } from 'vitest';
import { describeTimeLeft, formatClock, secondsLeft, timerEnd } from './agendaTimer.ts';

const now = new Date('2026-11-20T10:00:00.000Z');

describe('agenda timer', () => {
	it('ends the given number of minutes from now', () => {
		expect(timerEnd(now, 5)).toBe('2026-11-20T10:05:00.000Z');
	});

	it('counts whole seconds down to zero, never below', () => {
		expect(secondsLeft('2026-11-20T10:01:05.500Z', now)).toBe(66);
		expect(secondsLeft('2026-11-20T09:59:00.000Z', now)).toBe(0);
	});

	it('has no time left without a timer or with a malformed end', () => {
		expect(secondsLeft(null, now)).toBeNull();
		expect(secondsLeft('soon', now)).toBeNull();
	});

	it.each([
		[65, '1:05', '1 minute 5 seconds left'],
		[120, '2:00', '2 minutes left'],
		[1, '0:01', '1 second left'],
		[0, '0:00', 'Time is up for this item']
	])('%i seconds read as %s and "%s"', (seconds, clock, words) => {
		expect(formatClock(seconds)).toBe(clock);
		expect(describeTimeLeft(seconds)).toBe(words);
	});
});
