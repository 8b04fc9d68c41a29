import * as Y from 'yjs';
import { appendItem, findItem, orderedItems, readBoolean, readString } from '../docParts.ts';
import { change } from './changeHelpers.ts';
import { list } from './shape.ts';

/**
 * What a child or young person sent through their own link (the child's page), as the
 * meeting sees it: in their own words, marked as theirs. The server alone writes these
 * (src/lib/server/services/childVoice); people in the meeting read them, and only the
 * chair may remove one (editRules.ts), so nobody quietly rewrites a child's words.
 * Values are plain (no rich text): the words are the child's, not a shared draft.
 * A drawing or photo stays in the database; the entry only says whether there is one.
 */

/** How the child feels about one thing, from the five faces on their page. */
export const FEELINGS = ['very_happy', 'happy', 'okay', 'sad', 'very_sad'] as const;
export type Feeling = (typeof FEELINGS)[number];

export interface ChildVoiceAnswer {
	question: string;
	feeling: Feeling | null;
	words: string;
}

export interface ChildVoiceEntry {
	id: string;
	/** The submission in the database (for the drawing or photo). */
	submissionId: string;
	firstName: string;
	submittedAt: string;
	/** Whether they helped themselves or someone helped them. */
	helpedBy: string;
	answers: ChildVoiceAnswer[];
	hasPicture: boolean;
}

export type ChildVoiceInput = Omit<ChildVoiceEntry, 'id'>;

const FIELDS = ['submissionId', 'firstName', 'submittedAt', 'helpedBy'] as const;

function isFeeling(value: unknown): value is Feeling {
	return typeof value === 'string' && (FEELINGS as readonly string[]).includes(value);
}

/** Answers as stored: a plain array, read defensively because any client could write it. */
function readAnswers(value: unknown): ChildVoiceAnswer[] {
	if (!Array.isArray(value)) return [];
	return value.flatMap((answer: unknown) => {
		if (typeof answer !== 'object' || answer === null) return [];
		const { question, feeling, words } = answer as Record<string, unknown>;
		if (typeof question !== 'string') return [];
		return [
			{
				question,
				feeling: isFeeling(feeling) ? feeling : null,
				words: typeof words === 'string' ? words : ''
			}
		];
	});
}

export function readChildVoice(doc: Y.Doc): ChildVoiceEntry[] {
	return orderedItems(list(doc, 'childVoice')).map((item) => ({
		id: readString(item, 'id'),
		submissionId: readString(item, 'submissionId'),
		firstName: readString(item, 'firstName'),
		submittedAt: readString(item, 'submittedAt'),
		helpedBy: readString(item, 'helpedBy'),
		answers: readAnswers(item.get('answers')),
		hasPicture: readBoolean(item, 'hasPicture')
	}));
}

/**
 * Adds the child's views, or replaces them when the same submission is sent again (a
 * child may change their mind before the meeting): keyed by the submission id, so it can
 * run again without duplicating. The entry's id is the submission id.
 */
export function putChildVoice(doc: Y.Doc, input: ChildVoiceInput): void {
	change(doc, () => {
		const fill = (item: Y.Map<unknown>) => {
			for (const key of FIELDS) item.set(key, input[key]);
			item.set(
				'answers',
				input.answers.map((answer) => ({ ...answer }))
			);
			item.set('hasPicture', input.hasPicture);
		};
		const existing = findItem(list(doc, 'childVoice'), input.submissionId);
		if (existing) fill(existing);
		else appendItem(list(doc, 'childVoice'), input.submissionId, fill);
	});
}
