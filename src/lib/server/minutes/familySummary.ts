import { childVoiceSummary } from './childVoiceMinutes.ts';
import { AcronymExpander, type GlossaryEntry } from '../../shared/domain/glossary.ts';
import { progressSentence } from '../../shared/domain/plan/progressWords.ts';
import { ukDateOf } from '../../shared/domain/ukCalendar.ts';
import type { Minutes } from './minutesTypes.ts';

/**
 * A short, plain-English version of the minutes for the family and, where suitable, the
 * young person: what we talked about, what we agreed, who will do what by when, and
 * when we meet next. Built only from Minutes, which never holds restricted content, so
 * the summary cannot include any. Acronyms are explained the first time they appear.
 */

export interface FamilySummaryAction {
	who: string;
	what: string;
	when: string;
	done: boolean;
}

export interface FamilySummary {
	title: string;
	intro: string;
	talkedAbout: string[];
	/** How each outcome followed from earlier reviews is going, one sentence each. */
	progress: string[];
	agreed: string[];
	actions: FamilySummaryAction[];
	nextMeeting: string;
	glossary: GlossaryEntry[];
}

/** Longer passages are cut at a sentence end: the full minutes have the rest. */
const LONGEST_PASSAGE = 280;

function shorten(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= LONGEST_PASSAGE) return flat;
	const cut = flat.slice(0, LONGEST_PASSAGE);
	const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
	const kept = sentenceEnd > 80 ? cut.slice(0, sentenceEnd + 1) : `${cut.trimEnd()}…`;
	return `${kept} (The full minutes say more.)`;
}

/** Ends a sentence with a full stop unless it already ends in ".", "!", "?" or "…", perhaps inside quotes or brackets. */
export function endSentence(text: string): string {
	return /[.!?…]["'”’)\]]*$/.test(text) ? text : `${text}.`;
}

const MEETING_NAMES: Record<string, string> = {
	ehcp_annual_review: 'yearly review of the EHC plan',
	ehcp_interim_review: 'extra review of the EHC plan',
	phase_transfer_review: 'review before the move to a new school or college',
	taf_review: 'TAF meeting',
	sen_support_review: 'SEN support review'
};

const RECOMMENDATIONS: Record<string, string> = {
	maintain: 'We will ask the LA to keep the plan as it is.',
	amend: 'We will ask the LA to change the plan.',
	cease: 'We will ask the LA to stop the plan, because it is no longer needed.'
};

export function buildFamilySummary(minutes: Minutes): FamilySummary {
	const glossary = new AcronymExpander();
	const plain = (text: string) => glossary.expand(text);
	const name = minutes.child.firstName;
	const meetingName = MEETING_NAMES[minutes.meeting.type] ?? 'meeting';

	const title = `${name}’s meeting on ${minutes.meeting.when}: a summary for the family`;
	const intro = plain(
		`This is a short summary of ${name}’s ${meetingName}. ${minutes.meeting.chairName} chaired it. The full minutes have every detail.`
	);

	const talkedAbout: string[] = [];
	const ownWords = childVoiceSummary(minutes.childVoice);
	if (ownWords) talkedAbout.push(plain(ownWords));
	if (minutes.childViews)
		talkedAbout.push(plain(`${name} told us: ${shorten(minutes.childViews)}`));
	if (minutes.familyViews)
		talkedAbout.push(plain(`The family told us: ${shorten(minutes.familyViews)}`));
	if (minutes.working.text)
		talkedAbout.push(plain(`What is going well: ${shorten(minutes.working.text)}`));
	if (minutes.notWorking.text)
		talkedAbout.push(plain(`What is not going so well: ${shorten(minutes.notWorking.text)}`));
	if (minutes.worries.text)
		talkedAbout.push(plain(`What people are worried about: ${shorten(minutes.worries.text)}`));
	const today = ukDateOf(new Date(minutes.meeting.startsAt));
	const progress: string[] = [];
	for (const outcome of minutes.outcomes) {
		if (!outcome.text) continue;
		const goal = shorten(outcome.text);
		const earlier = outcome.earlier ?? [];
		if (earlier.length > 0) {
			// Followed from earlier reviews: "How it is going" compares, so the goal stands alone.
			talkedAbout.push(plain(`Goal ${outcome.number}: ${goal}`));
			progress.push(
				plain(
					progressSentence(outcome.text, [
						...earlier,
						{ meetingDate: today, score: outcome.progress }
					])
				)
			);
			continue;
		}
		const scored =
			outcome.progress === null
				? goal
				: `${endSentence(goal)} Progress so far: ${outcome.progress} out of 10.`;
		talkedAbout.push(plain(`Goal ${outcome.number}: ${scored}`));
	}
	if (talkedAbout.length === 0) {
		for (const item of minutes.agenda) talkedAbout.push(plain(item));
	}

	const agreed: string[] = minutes.decisions
		.filter((decision) => decision.text)
		.map((decision) => plain(shorten(decision.text)));
	if (minutes.ehcp?.recommendation)
		agreed.push(plain(RECOMMENDATIONS[minutes.ehcp.recommendation] ?? ''));
	if (minutes.ehcp && minutes.ehcp.amendments.length > 0) {
		const count = minutes.ehcp.amendments.length;
		agreed.push(
			plain(
				`We suggested ${count === 1 ? 'one change' : `${count} changes`} to the plan. The LA will decide by ${minutes.ehcp.laDecisionDue}.`
			)
		);
	}
	for (const disagreement of minutes.disagreements) {
		if (disagreement.point)
			agreed.push(plain(`We did not all agree about this: ${shorten(disagreement.point)}`));
	}

	const actions = minutes.actions
		.filter((action) => action.status !== 'dropped')
		.map((action) => ({
			who: action.ownerName === 'No owner yet' ? 'Someone still to be chosen' : action.ownerName,
			what: plain(shorten(action.text || 'The task was not written down.')),
			when: action.dueDate ? `By ${action.dueDateText}` : 'No date set yet',
			done: action.status === 'done'
		}));

	const nextMeeting = minutes.nextReview
		? `We will meet again on ${minutes.nextReview}.`
		: `We have not set a date yet. ${minutes.meeting.chairName} will let you know.`;

	return {
		title,
		intro,
		talkedAbout,
		progress,
		agreed,
		actions,
		nextMeeting,
		glossary: glossary.used()
	};
}
