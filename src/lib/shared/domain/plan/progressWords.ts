import { MONTH_NAMES } from '../ukCalendar.ts';
import { PROGRESS_SCALE_MAX, type ScoredDate } from './progress.ts';

/**
 * Progress in plain words, for families and for anyone scoring an outcome with its
 * history in view: "Asking for help using signs or words: 3 out of 10 at the review in
 * March 2025, 6 out of 10 now (up 3)." Pure, and free of date libraries so the live
 * meeting's client bundle can use it.
 */

interface DateParts {
	year: number;
	month: number;
	day: number;
}

function parts(date: string): DateParts | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	return month >= 1 && month <= 12 ? { year, month, day } : null;
}

/** "March 2025". */
export function monthYear(date: string): string {
	const p = parts(date);
	return p ? `${MONTH_NAMES[p.month - 1] ?? ''} ${p.year}` : date;
}

/** "Mar 2025", for chart axes and one-line histories. */
export function shortMonthYear(date: string): string {
	const p = parts(date);
	return p ? `${(MONTH_NAMES[p.month - 1] ?? '').slice(0, 3)} ${p.year}` : date;
}

/** Whole months from one date to a later one (5 March to 4 April is 0). */
export function monthsBetween(from: string, to: string): number {
	const a = parts(from);
	const b = parts(to);
	if (!a || !b) return 0;
	return (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
}

// Verbs whose last consonant doubles before -ing; guessing from spelling alone gets
// "visit" or "open" wrong, so only these common outcome verbs are doubled.
const DOUBLING = new Set([
	'sit',
	'get',
	'run',
	'stop',
	'put',
	'swim',
	'plan',
	'hop',
	'skip',
	'chat',
	'drop',
	'jog',
	'nod',
	'shop',
	'clap',
	'tap',
	'hug',
	'dig',
	'let',
	'set',
	'cut',
	'hit',
	'begin',
	'travel'
]);

function gerund(verb: string): string {
	const lower = verb.toLowerCase();
	if (lower.endsWith('ing') || !/^[a-z]+$/.test(lower)) return lower;
	if (lower === 'be') return 'being';
	if (lower.endsWith('ie')) return `${lower.slice(0, -2)}ying`;
	if (/(ee|ye|oe)$/.test(lower)) return `${lower}ing`;
	if (/[^aeiou]e$/.test(lower)) return `${lower.slice(0, -1)}ing`;
	if (DOUBLING.has(lower)) return `${lower}${lower.at(-1) ?? ''}ing`;
	return `${lower}ing`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const LONGEST_SUBJECT = 120;

/**
 * The outcome as the start of a sentence: "Aaron will ask for help…" and "ask for help…"
 * become "Asking for help…"; any other wording is kept as written.
 */
export function outcomeSubject(text: string): string {
	let subject = (text.trim().split('\n')[0] ?? '').trim().replace(/[.;:]+$/, '');
	if (!subject) return 'This outcome';
	const will =
		/^(?:by\b[^,]*,\s*)?(?:[\p{Lu}][\p{L}'’-]*\s+)?will\s+(?:be able to\s+)?(.+)$/iu.exec(subject);
	const phrase = will?.[1] ?? (/^\p{Ll}/u.test(subject) ? subject : null);
	if (phrase) {
		const [verb = '', ...rest] = phrase.split(/\s+/);
		subject = [gerund(verb), ...rest].join(' ');
	}
	if (subject.length > LONGEST_SUBJECT) subject = `${subject.slice(0, LONGEST_SUBJECT - 1)}…`;
	return capitalise(subject);
}

export const scoreWords = (score: number) => `${score} out of ${PROGRESS_SCALE_MAX}`;

/** "at the review last year" (9 to 15 months before) or "at the review in March 2025". */
function whenWords(earlier: string, latest: string): string {
	const months = monthsBetween(earlier, latest);
	return months >= 9 && months <= 15
		? 'at the review last year'
		: `at the review in ${monthYear(earlier)}`;
}

function changeWords(from: number, to: number): string {
	if (to > from) return `up ${to - from}`;
	if (to < from) return `down ${from - to}`;
	return 'no change';
}

export interface SentenceOptions {
	/**
	 * "now" when the last point is the review being reported (the family summary);
	 * "dated" names its month instead, for pages read long after it.
	 */
	latest?: 'now' | 'dated';
}

/**
 * One sentence on an outcome's progress: its latest score against the one before. The
 * last point is the latest review; earlier reviews that gave no score are passed over.
 */
export function progressSentence(
	text: string,
	points: readonly ScoredDate[],
	options: SentenceOptions = {}
): string {
	const subject = outcomeSubject(text);
	const latest = points.at(-1);
	const previous = points
		.slice(0, -1)
		.filter((point) => point.score !== null)
		.at(-1);
	if (!latest) return `${subject}: not scored yet.`;
	const latestWhen =
		options.latest === 'dated' ? `at the review in ${monthYear(latest.meetingDate)}` : 'now';
	if (latest.score === null) {
		if (!previous || previous.score === null) return `${subject}: not scored yet.`;
		const thisTime =
			options.latest === 'dated' ? `not scored ${latestWhen}` : 'not scored this time';
		return `${subject}: ${scoreWords(previous.score)} ${whenWords(previous.meetingDate, latest.meetingDate)}, ${thisTime}.`;
	}
	if (!previous || previous.score === null) {
		return `${subject}: ${scoreWords(latest.score)} ${latestWhen}, the first time it has been scored.`;
	}
	return (
		`${subject}: ${scoreWords(previous.score)} ${whenWords(previous.meetingDate, latest.meetingDate)}, ` +
		`${scoreWords(latest.score)} ${latestWhen} (${changeWords(previous.score, latest.score)}).`
	);
}

/** "Earlier: 3/10 (Mar 2025), 5/10 (Oct 2025)", or null when there is nothing earlier. */
export function earlierScoresLine(points: readonly ScoredDate[]): string | null {
	if (points.length === 0) return null;
	const items = points.map(
		(point) =>
			`${point.score === null ? 'not scored' : `${point.score}/${PROGRESS_SCALE_MAX}`} (${shortMonthYear(point.meetingDate)})`
	);
	return `Earlier: ${items.join(', ')}`;
}

/** The same history as a screen reader should say it: "3 out of 10 in March 2025, …". */
export function earlierScoresSpoken(points: readonly ScoredDate[]): string | null {
	if (points.length === 0) return null;
	const items = points.map(
		(point) =>
			`${point.score === null ? 'not scored' : scoreWords(point.score)} in ${monthYear(point.meetingDate)}`
	);
	return `Earlier scores: ${items.join(', ')}`;
}

/** "5 March 2025". */
export function dayMonthYear(date: string): string {
	const p = parts(date);
	return p ? `${p.day} ${MONTH_NAMES[p.month - 1] ?? ''} ${p.year}` : date;
}
