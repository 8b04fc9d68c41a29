import { describe, expect, it } from 'vitest';
import { MEETING_SECTIONS, type MeetingSection } from '../../shared/collab/meetingDoc.ts';
import { AGENDA_TEMPLATES } from '../../shared/domain/meetingAgendas.ts';
import { isEhcpReview } from '../../shared/domain/timeline.ts';
import type { MeetingType } from '../../shared/domain/meetingTypes.ts';
import { sectionForAgendaItem } from './agendaSections.ts';

const everySection = MEETING_SECTIONS;
const withoutRecommendation = MEETING_SECTIONS.filter(
	(section) => section !== 'ehcpRecommendation'
);

describe('the section an agenda item is discussed in', () => {
	it.each([
		['Welcome, introductions and what this review is for', 'attendance'],
		['The child’s views, wishes and feelings', 'childViews'],
		['What people like and admire about the child', 'familyViews'],
		['What is working and what is not working', 'workingAndWorries'],
		['Where are things now, on a scale of 0 to 10', 'workingAndWorries'],
		['Progress towards each outcome in the plan', 'outcomes'],
		['New targets and support for next term', 'outcomes'],
		['Is the support in the plan still right? Education, health and social care', 'provision'],
		['Written contributions from those who could not attend', 'contributions'],
		['Recommendation: keep the plan as it is, amend it or stop it', 'ehcpRecommendation'],
		['The school, college or setting to be named in the plan', 'ehcpRecommendation'],
		['What needs to happen, and who will do it', 'actions'],
		['Decision: close, continue or escalate', 'decisions'],
		['Date of the next review', 'nextReview']
	] as [string, MeetingSection][])('“%s” is discussed in %s', (title, section) => {
		expect(sectionForAgendaItem(title, everySection)).toBe(section);
	});

	it('finds a section for every item of every agenda template', () => {
		for (const [type, titles] of Object.entries(AGENDA_TEMPLATES)) {
			const available = isEhcpReview(type as MeetingType) ? everySection : withoutRecommendation;
			for (const title of titles) {
				expect(sectionForAgendaItem(title, available), title).not.toBe('agenda');
			}
		}
	});

	it('keeps an item it does not recognise, or whose section this page lacks, on the agenda', () => {
		expect(sectionForAgendaItem('Any other business', everySection)).toBe('agenda');
		expect(sectionForAgendaItem('Recommendation to the council', withoutRecommendation)).toBe(
			'agenda'
		);
	});
});
