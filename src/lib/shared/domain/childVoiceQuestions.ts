import { FEELINGS, type ChildVoiceAnswer, type Feeling } from '../collab/meetingDoc/childVoice.ts';

/**
 * The questions on the child's page: short, in plain words, read aloud on request. The
 * first ones ask how they feel about something with five faces; all of them let the child
 * say more in their own words. Kept as data so a school can word them its own way later.
 */
export interface ChildVoiceQuestion {
	id: string;
	text: string;
	/** Whether the child picks a face (a feeling) as well as, or instead of, words. */
	withFeelings: boolean;
}

export const CHILD_VOICE_QUESTIONS: readonly ChildVoiceQuestion[] = [
	{ id: 'school', text: 'How do you feel about school?', withFeelings: true },
	{ id: 'friends', text: 'How do you feel about your friends?', withFeelings: true },
	{ id: 'likes', text: 'What do you like doing?', withFeelings: false },
	{ id: 'hard', text: 'What is hard for you?', withFeelings: false },
	{ id: 'helps', text: 'What helps you?', withFeelings: false },
	{ id: 'change', text: 'What would you like to change?', withFeelings: false }
];

export const FEELING_FACES: Record<Feeling, { emoji: string; words: string }> = {
	very_happy: { emoji: '😄', words: 'Very happy' },
	happy: { emoji: '🙂', words: 'Happy' },
	okay: { emoji: '😐', words: 'Okay' },
	sad: { emoji: '🙁', words: 'Sad' },
	very_sad: { emoji: '😢', words: 'Very sad' }
};

/** Longest answer kept: generous for a child, small enough for the live document. */
export const MAX_WORDS_LENGTH = 2000;
export const MAX_HELPED_BY_LENGTH = 200;

export interface ChildVoiceForm {
	answers: Record<string, { feeling: string; words: string }>;
	helpedBy: string;
}

export interface ParsedChildVoice {
	answers: ChildVoiceAnswer[];
	helpedBy: string;
}

function isFeeling(value: string): value is Feeling {
	return (FEELINGS as readonly string[]).includes(value);
}

/** Reads the child's page's form fields (feeling-<id>, words-<id>, helpedBy) as typed. */
export function readChildVoiceForm(form: FormData): ChildVoiceForm {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const answers: ChildVoiceForm['answers'] = {};
	for (const question of CHILD_VOICE_QUESTIONS) {
		answers[question.id] = {
			feeling: text(`feeling-${question.id}`),
			words: text(`words-${question.id}`)
		};
	}
	return { answers, helpedBy: text('helpedBy') };
}

/**
 * Checks what the child gave. Problems are worded for the child; the form keeps what they
 * typed. Something must be given: a face, some words or a picture.
 */
export function checkChildVoice(
	form: ChildVoiceForm,
	hasPicture: boolean
): { ok: true; value: ParsedChildVoice } | { ok: false; problems: string[] } {
	const problems: string[] = [];
	const answers: ChildVoiceAnswer[] = [];
	for (const question of CHILD_VOICE_QUESTIONS) {
		const given = form.answers[question.id] ?? { feeling: '', words: '' };
		const words = given.words.trim();
		if (words.length > MAX_WORDS_LENGTH) {
			problems.push(
				`Your answer to “${question.text}” is very long. Please make it a bit shorter.`
			);
		}
		const feeling = question.withFeelings && isFeeling(given.feeling) ? given.feeling : null;
		if (feeling || words) answers.push({ question: question.text, feeling, words });
	}
	const helpedBy = form.helpedBy.trim().slice(0, MAX_HELPED_BY_LENGTH);
	if (answers.length === 0 && !hasPicture) {
		problems.push('Please answer at least one question, or add a picture.');
	}
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, value: { answers, helpedBy } };
}
