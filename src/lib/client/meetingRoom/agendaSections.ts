import type { MeetingSection } from '../../shared/collab/meetingDoc.ts';

/**
 * Which section of the live document an agenda item is discussed in, read from the
 * item's words. Agenda items are free text the chair may rename, so the document holds
 * no link to a section; the words of every agenda template (meetingAgendas.ts) are
 * covered by the tests, and an item these rules do not recognise stays on the agenda
 * itself. The first rule that matches wins: "The child's views about the move" is about
 * views, not provision.
 */
const RULES: readonly [RegExp, MeetingSection][] = [
	[/written contribution|could not attend/, 'contributions'],
	[/next review/, 'nextReview'],
	[/welcome|introduction|who is here|attendance|apolog/, 'attendance'],
	[
		/recommend|plan need to change|changes? to the plan|amend|named in the plan/,
		'ehcpRecommendation'
	],
	[/\bviews?\b|wishes|feelings|own words|voice/, 'childViews'],
	[/like and admire|family|home/, 'familyViews'],
	[/decision|close, continue or escalate|escalate/, 'decisions'],
	[/disagree/, 'disagreements'],
	[/\bactions?\b|what needs to happen|who will do/, 'actions'],
	[/working|worried|worries|scale of 0 to 10|what has changed/, 'workingAndWorries'],
	[/outcome|progress|target/, 'outcomes'],
	[/support|provision|strateg|transition|the move/, 'provision']
];

/**
 * The section to show for an agenda item, among the sections this meeting's page has
 * (an EHCP recommendation only in EHCP reviews); the agenda when none fits.
 */
export function sectionForAgendaItem(
	title: string,
	available: readonly MeetingSection[]
): MeetingSection {
	const words = title.toLowerCase().replaceAll('’', "'");
	for (const [pattern, section] of RULES) {
		if (pattern.test(words) && available.includes(section)) return section;
	}
	return 'agenda';
}
