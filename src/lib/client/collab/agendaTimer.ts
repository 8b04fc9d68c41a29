/**
 * The chair's optional timer for the current agenda item. The document holds only when
 * it ends, so every browser counts down to the same moment.
 */

export function timerEnd(now: Date, minutes: number): string {
	return new Date(now.getTime() + minutes * 60_000).toISOString();
}

/** Seconds left (0 once it has run out), or null for no timer or a malformed end. */
export function secondsLeft(endsAt: string | null, now: Date): number | null {
	if (endsAt === null) return null;
	const end = Date.parse(endsAt);
	if (Number.isNaN(end)) return null;
	return Math.max(0, Math.ceil((end - now.getTime()) / 1000));
}

/** "4:05" for a visible clock. */
export function formatClock(seconds: number): string {
	const minutes = Math.floor(seconds / 60);
	return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "4 minutes 5 seconds left" for people who cannot see the clock. */
export function describeTimeLeft(seconds: number): string {
	if (seconds <= 0) return 'Time is up for this item';
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	const parts: string[] = [];
	if (minutes > 0) parts.push(minutes === 1 ? '1 minute' : `${minutes} minutes`);
	if (rest > 0) parts.push(rest === 1 ? '1 second' : `${rest} seconds`);
	return `${parts.join(' ')} left`;
}
