import type { ChildVoiceEntry } from '../../shared/collab/meetingDoc.ts';
import { FEELING_FACES } from '../../shared/domain/childVoiceQuestions.ts';
import { formatUkShortDate, ukDateOf } from '../../shared/domain/ukCalendar.ts';
import type { Block } from '../../shared/viewModels/documentBlocks.ts';
import { heading, note } from './layout/blocks.ts';

/**
 * What the child sent through their own link, in the minutes: their words as they wrote
 * them, marked as theirs. A feeling chosen with a face is written as words so that every
 * format (and a screen reader) carries it.
 */
export interface MinutesChildVoice {
	firstName: string;
	sentOn: string | null;
	helpedBy: string;
	answers: { question: string; answer: string }[];
	hasPicture: boolean;
}

export function answerText(answer: ChildVoiceEntry['answers'][number]): string {
	const feeling = answer.feeling ? FEELING_FACES[answer.feeling].words : '';
	const words = answer.words.trim() ? `“${answer.words.trim()}”` : '';
	return [feeling, words].filter(Boolean).join('. ');
}

export function childVoiceForMinutes(entries: readonly ChildVoiceEntry[]): MinutesChildVoice[] {
	return entries.map((entry) => ({
		firstName: entry.firstName,
		sentOn:
			entry.submittedAt && !Number.isNaN(Date.parse(entry.submittedAt))
				? formatUkShortDate(ukDateOf(new Date(entry.submittedAt)))
				: null,
		helpedBy: entry.helpedBy,
		answers: entry.answers.map((answer) => ({
			question: answer.question,
			answer: answerText(answer)
		})),
		hasPicture: entry.hasPicture
	}));
}

export function childVoiceBlocks(voices: readonly MinutesChildVoice[]): Block[] {
	return voices.flatMap((voice) => [
		heading(3, `In ${voice.firstName}’s own words`),
		note(
			`Sent by ${voice.firstName} through their own link${voice.sentOn ? ` on ${voice.sentOn}` : ''}${voice.helpedBy ? `, helped by: ${voice.helpedBy}` : ''}.`
		),
		{
			kind: 'list',
			ordered: false,
			items: voice.answers.map((answer) => `${answer.question} ${answer.answer}`)
		} satisfies Block,
		...(voice.hasPicture
			? [note(`${voice.firstName} also sent a drawing or photo: it is on the meeting’s page.`)]
			: [])
	]);
}

/** One sentence for the family summary. */
export function childVoiceSummary(voices: readonly MinutesChildVoice[]): string | null {
	const answers = voices.flatMap((voice) =>
		voice.answers.map((answer) => `${answer.question} ${answer.answer}`)
	);
	const first = voices[0];
	if (!first || answers.length === 0) return null;
	return `${first.firstName} told us in their own words: ${answers.join(' ')}`;
}
