import type { MeetingDocSnapshot, MeetingSection } from '../../shared/collab/meetingDoc.ts';
import { MEETING_SECTION_LABELS } from '../../shared/collab/meetingDoc.ts';

/**
 * Sentences for a screen reader's polite live region when someone else changes the
 * meeting: "Sam Okafor (SaLT) added an action". Pure: compares the document before and
 * after a remote change. Typing inside a text field is not announced (it would drown
 * everything else out); presence says who is editing what instead.
 */

interface ListNoun {
	one: string;
	many: string;
}

const LIST_NOUNS = {
	attendance: { one: 'a person to the attendance list', many: 'people to the attendance list' },
	contributions: { one: 'a written contribution', many: 'written contributions' },
	outcomes: { one: 'an outcome', many: 'outcomes' },
	provision: { one: 'provision', many: 'items of provision' },
	actions: { one: 'an action', many: 'actions' },
	decisions: { one: 'a decision', many: 'decisions' },
	disagreements: { one: 'a disagreement', many: 'disagreements' },
	amendments: { one: 'a proposed amendment', many: 'proposed amendments' }
} satisfies Record<string, ListNoun>;

type ListKey = keyof typeof LIST_NOUNS;

const REMOVED_NOUNS: Record<ListKey, ListNoun> = {
	...LIST_NOUNS,
	attendance: { one: 'a person from the attendance list', many: 'people from the attendance list' }
};

const STATUS_WORDS: Record<string, string> = {
	open: 'open',
	in_progress: 'in progress',
	done: 'done',
	dropped: 'dropped'
};

function counted(count: number, noun: ListNoun): string {
	return count === 1 ? noun.one : `${count} ${noun.many}`;
}

function idsOf(items: readonly { id: string }[]): Set<string> {
	return new Set(items.map((item) => item.id));
}

function listChanges(before: MeetingDocSnapshot, after: MeetingDocSnapshot, who: string): string[] {
	const sentences: string[] = [];
	for (const key of Object.keys(LIST_NOUNS) as ListKey[]) {
		const was = idsOf(before[key]);
		const now = idsOf(after[key]);
		const added = [...now].filter((id) => !was.has(id)).length;
		const removed = [...was].filter((id) => !now.has(id)).length;
		if (added > 0) sentences.push(`${who} added ${counted(added, LIST_NOUNS[key])}`);
		if (removed > 0) sentences.push(`${who} removed ${counted(removed, REMOVED_NOUNS[key])}`);
	}
	const agendaWas = idsOf(before.agenda.items);
	const agendaAdded = after.agenda.items.filter((item) => !agendaWas.has(item.id));
	for (const item of agendaAdded) sentences.push(`${who} added “${item.title}” to the agenda`);
	return sentences;
}

function agendaChanges(before: MeetingDocSnapshot, after: MeetingDocSnapshot, who: string) {
	const sentences: string[] = [];
	const { currentItemId, currentIndex, items } = after.agenda;
	if (
		currentItemId !== before.agenda.currentItemId &&
		currentItemId !== null &&
		currentIndex !== null
	) {
		const title = items[currentIndex]?.title ?? '';
		sentences.push(`The meeting moved to agenda item ${currentIndex + 1}: ${title}`);
	}
	const doneBefore = new Map(before.agenda.items.map((item) => [item.id, item.done]));
	for (const item of items) {
		const was = doneBefore.get(item.id);
		if (was === false && item.done) sentences.push(`${who} marked “${item.title}” as done`);
	}
	if (after.agenda.timerEndsAt !== before.agenda.timerEndsAt) {
		sentences.push(
			after.agenda.timerEndsAt ? 'The chair started the timer' : 'The chair stopped the timer'
		);
	}
	return sentences;
}

function lockChanges(before: MeetingDocSnapshot, after: MeetingDocSnapshot, who: string) {
	const was = new Set<MeetingSection>(before.lockedSections);
	const now = new Set<MeetingSection>(after.lockedSections);
	const sentences: string[] = [];
	for (const section of now) {
		if (!was.has(section)) sentences.push(`${who} locked ${MEETING_SECTION_LABELS[section]}`);
	}
	for (const section of was) {
		if (!now.has(section)) sentences.push(`${who} unlocked ${MEETING_SECTION_LABELS[section]}`);
	}
	return sentences;
}

function actionChanges(
	before: MeetingDocSnapshot,
	after: MeetingDocSnapshot,
	who: string,
	personName: (userId: string) => string
) {
	const sentences: string[] = [];
	const previous = new Map(before.actions.map((action) => [action.id, action]));
	after.actions.forEach((action, index) => {
		const was = previous.get(action.id);
		if (!was) return;
		const name = `action ${index + 1}`;
		if (action.ownerUserId !== was.ownerUserId) {
			sentences.push(
				action.ownerUserId
					? `${who} assigned ${name} to ${personName(action.ownerUserId)}`
					: `${who} removed the owner of ${name}`
			);
		}
		if (action.dueDate !== was.dueDate) {
			sentences.push(
				action.dueDate
					? `${who} set the due date of ${name}`
					: `${who} cleared the due date of ${name}`
			);
		}
		if (action.status !== was.status) {
			sentences.push(`${who} marked ${name} as ${STATUS_WORDS[action.status] ?? action.status}`);
		}
	});
	return sentences;
}

function detailChanges(before: MeetingDocSnapshot, after: MeetingDocSnapshot, who: string) {
	const sentences: string[] = [];
	if (after.nextReviewDate !== before.nextReviewDate) {
		sentences.push(
			after.nextReviewDate
				? `${who} set the next review date`
				: `${who} cleared the next review date`
		);
	}
	if (after.recommendation !== before.recommendation) {
		sentences.push(
			after.recommendation
				? `${who} set the recommendation to ${after.recommendation}`
				: `${who} cleared the recommendation`
		);
	}
	return sentences;
}

export function describeRemoteChanges(
	before: MeetingDocSnapshot,
	after: MeetingDocSnapshot,
	who: string,
	personName: (userId: string) => string = () => 'someone'
): string[] {
	return [
		...agendaChanges(before, after, who),
		...lockChanges(before, after, who),
		...listChanges(before, after, who),
		...actionChanges(before, after, who, personName),
		...detailChanges(before, after, who)
	];
}
