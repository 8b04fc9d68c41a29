import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
	readActions,
	readAttendance,
	removeListItem,
	setActionOwner
} from '../../shared/collab/meetingDoc.ts';
import { buildMinutes, buildRestrictedMinutes } from './minutesModel.ts';
import { SAMPLE_IDS, sampleMeeting } from './testing/sampleMeeting.ts';

describe('buildMinutes', () => {
	it('gathers casework and every section of the live document into plain data', () => {
		const { doc, casework } = sampleMeeting();
		const minutes = buildMinutes(doc, casework);

		expect(minutes.child).toEqual({
			firstName: 'Aaron',
			dateOfBirth: '1 March 2019',
			setting: 'Oakfield Primary School'
		});
		expect(minutes.meeting).toMatchObject({
			typeLabel: 'Annual review of an Education, Health and Care plan (EHCP)',
			when: 'Friday 12 March 2027 at 10:00',
			chairName: 'Priya Shah',
			location: 'Oakfield Primary School, meeting room 2'
		});
		expect(minutes.attendees.map((a) => [a.name, a.role, a.agency, a.attendance])).toEqual([
			[
				'Priya Shah',
				'SENCo (special educational needs coordinator)',
				'Oakfield Primary School',
				'present'
			],
			['Sarah Thompson', 'Parent or carer', 'Family', 'present'],
			['Claire Douglas', 'Social worker', 'Northshire Children’s Services', 'not_recorded']
		]);
		expect(minutes.apologies.map((a) => a.name)).toEqual(['Sam Okafor']);
		expect(minutes.contributions[0]).toMatchObject({
			authorName: 'Sam Okafor',
			role: 'Speech and language therapist (SaLT)',
			submittedOn: '1 March 2027',
			text: 'Aaron now uses about 20 signs at school.\nKeep the daily SaLT work.'
		});
		expect(minutes.childViews).toBe('I like the drums. I want to sign with my friends.');
		expect(minutes.familyViews).toBe('We use home signs. We would like school to learn them.');
		expect(minutes.working).toEqual({ text: 'Adults wait ten seconds before helping.', scale: 7 });
		expect(minutes.notWorking).toEqual({ text: 'The lunch hall is too noisy.', scale: null });
		expect(minutes.worries.scale).toBe(4);
		expect(minutes.outcomes).toEqual([
			expect.objectContaining({
				number: 1,
				areaOfNeed: 'Communication and interaction',
				progress: 6,
				evidence: 'Asked for help 4 times in a week (TA log)'
			})
		]);
		expect(minutes.provision[0]).toMatchObject({
			providedBy: 'Teaching assistant',
			frequency: 'Daily',
			authorName: 'Sam Okafor',
			date: '1 March 2027',
			reviewBy: '15 July 2027'
		});
		expect(minutes.decisions.map((d) => d.text)).toEqual([
			'Keep the daily speech and language sessions'
		]);
		expect(minutes.disagreements[0]?.views.map((v) => [v.heldBy, v.text])).toEqual([
			['Sarah Thompson', 'Yes: he needs an adult with him all day.'],
			['Priya Shah', 'Not yet: try the quiet space first.']
		]);
		expect(minutes.nextReview).toBe('10 March 2028');
		expect(minutes.agenda).toHaveLength(3);
	});

	it('lists each action with its owner, agency, due date, status and linked outcome', () => {
		const { doc, casework } = sampleMeeting();
		const actions = buildMinutes(doc, casework).actions;
		expect(
			actions.map((a) => [a.number, a.ownerName, a.agency, a.dueDateText, a.statusLabel, a.outcome])
		).toEqual([
			[1, 'Priya Shah', 'Oakfield Primary School', '30 April 2026', 'In progress', null],
			[
				2,
				'Sam Okafor',
				'Northshire Community Health',
				'16 April 2027',
				'Open',
				'Outcome 1: By the end of Key Stage 1, Aaron will ask for help using hi…'
			],
			[3, 'Priya Shah', 'Oakfield Primary School', '26 March 2027', 'Done', null]
		]);
		expect(actions[0]?.carriedFrom).toBe('Carried forward from the meeting of 5 March 2026');
		expect(actions[2]?.evidence).toBe('Quiet table in the library from 15 March');
	});

	it('says when an action has no owner and names owners who have left the team', () => {
		const { doc, casework } = sampleMeeting();
		const [first, second] = readActions(doc);
		if (!first || !second) throw new Error('sample has actions');
		setActionOwner(doc, first.id, null, { userId: SAMPLE_IDS.senco });
		const { [SAMPLE_IDS.salt]: _gone, ...remaining } = casework.people;
		const minutes = buildMinutes(doc, { ...casework, people: remaining });
		expect(minutes.actions[0]?.ownerName).toBe('No owner yet');
		// Sam is no longer in the people list but is still on the attendance list.
		expect(minutes.actions[1]?.ownerName).toBe('Sam Okafor');
		removeListItem(doc, 'attendance', readAttendanceId(doc, SAMPLE_IDS.salt));
		expect(buildMinutes(doc, { ...casework, people: remaining }).actions[1]?.ownerName).toBe(
			'A former team member'
		);
	});

	it('adds the recommendation, amendments and statutory dates for EHCP reviews only', () => {
		const { doc, casework } = sampleMeeting();
		expect(buildMinutes(doc, casework).ehcp).toEqual({
			recommendation: 'amend',
			recommendationText: 'Amend the plan',
			amendments: [
				expect.objectContaining({
					section: 'Section F: special educational provision',
					text: 'Add a shared list of Aaron’s signs for every adult'
				})
			],
			reportDue: '26 March 2027',
			laDecisionDue: '9 April 2027'
		});
		const taf = buildMinutes(doc, {
			...casework,
			meeting: { ...casework.meeting, type: 'taf_review' }
		});
		expect(taf.ehcp).toBeNull();
	});

	it('keeps restricted notes out of the minutes, in their own object', () => {
		const { doc, restrictedDoc, casework } = sampleMeeting();
		expect(JSON.stringify(buildMinutes(doc, casework))).not.toContain('Child in need plan');
		expect(buildRestrictedMinutes(restrictedDoc).notes).toEqual([
			expect.objectContaining({
				category: 'Social care',
				text: 'Child in need plan reviewed on 1 March.',
				authorName: 'Claire Douglas',
				writtenOn: '12 March 2027'
			})
		]);
	});
});

function readAttendanceId(doc: Y.Doc, userId: string): string {
	const attendee = readAttendance(doc).find((a) => a.userId === userId);
	if (!attendee) throw new Error('no attendee');
	return attendee.id;
}
