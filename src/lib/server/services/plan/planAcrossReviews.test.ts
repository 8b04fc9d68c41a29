import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import * as Y from 'yjs';
import { storedDocuments, type LiveDocuments } from '../../collab/liveDocuments.ts';
import { collabTest } from '../../collab/testing/collabTest.ts';
import type { Database } from '../../db/client.ts';
import { children, meetings, outcomes } from '../../db/schema.ts';
import { loadActor } from '../../policy.ts';
import { createMeeting, documentEditorOf, type ChildWithTeam } from '../../testing/factories.ts';
import type { MeetingType } from '../../../shared/domain/meetingTypes.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import {
	addOutcome,
	addProvision,
	initMeetingDoc,
	readMeetingDoc,
	removeListItem,
	setOutcomeProgress
} from '../../../shared/collab/meetingDoc.ts';
import { closeMeeting } from '../meetings/closeMeeting.ts';
import { loadMeetingDocSeed } from '../meetings/meetingDocSeed.ts';
import { projectMeetingDoc } from '../meetings/projectMeetingDoc.ts';
import { recordLaDecision } from './laDecision.ts';
import { loadCurrentPlan, loadPlanVersions, loadProposedPlans } from './planVersions.ts';

// A child's plan across two years of reviews, as the services see it (no live server).

async function holdReview(
	db: Database,
	live: LiveDocuments,
	team: ChildWithTeam,
	startsAt: Date,
	write: (doc: Y.Doc) => void,
	type: MeetingType = 'ehcp_annual_review'
): Promise<string> {
	const meetingId = await createMeeting(db, team, { startsAt, type });
	const seed = await loadMeetingDocSeed(db, meetingId);
	if (!seed) throw new Error('no seed');
	const result = await live.change(
		meetingDocumentName(meetingId),
		documentEditorOf(team, 'senco'),
		(doc) => {
			initMeetingDoc(doc, seed);
			write(doc);
		}
	);
	if (result.via === 'stored')
		await projectMeetingDoc(db, { id: meetingId, childId: team.childId }, result.doc);
	const chair = await loadActor(db, team.member('senco').id);
	expect(await closeMeeting(db, live, chair, meetingId, startsAt)).toEqual({ ok: true });
	return meetingId;
}

const decide = async (
	db: Database,
	team: ChildWithTeam,
	meetingId: string,
	decision: string,
	decidedOn: string
) =>
	recordLaDecision(
		db,
		await loadActor(db, team.member('senco').id),
		meetingId,
		{ decision, decidedOn, note: '' },
		new Date('2027-01-01T12:00:00Z')
	);

describe('the child’s plan across reviews', () => {
	collabTest(
		'an EHCP review proposes; the LA’s decision to amend adopts; the next review starts from it',
		async ({ database, team }) => {
			const db = database.db;
			const live = storedDocuments(db);
			let askId = '';
			const first = await holdReview(db, live, team, new Date('2025-03-12T10:00:00Z'), (doc) => {
				askId = addOutcome(doc, {
					areaOfNeed: 'communication',
					text: 'Aaron will ask for help using signs or words',
					progress: 3
				});
				addProvision(doc, {
					text: 'Speech and language therapy',
					providedBy: 'NHS SaLT',
					frequency: 'Weekly',
					authorUserId: null,
					authorName: 'Priya',
					date: null,
					reviewBy: null
				});
			});
			expect(await loadCurrentPlan(db, team.childId)).toBeNull();
			const [proposal] = await loadProposedPlans(db, team.childId);
			expect(proposal?.meetingId).toBe(first);
			expect(proposal?.summary).toBe(
				'Proposed at the review on Wednesday 12 March 2025: outcomes: 1 added; provision: 1 added'
			);

			expect(await decide(db, team, first, 'amend', '2025-04-02')).toMatchObject({
				ok: true,
				decision: 'amend'
			});
			const adopted = await loadCurrentPlan(db, team.childId);
			expect(adopted).toMatchObject({ source: 'la_decision', state: 'adopted', version: 2 });
			expect(adopted?.content.outcomes.map((outcome) => outcome.id)).toEqual([askId]);
			expect(await loadProposedPlans(db, team.childId)).toEqual([]);

			// A year on: the review starts from the plan, scores it, ends nothing, adds one.
			const second = await holdReview(db, live, team, new Date('2026-03-11T10:00:00Z'), (doc) => {
				const snapshot = readMeetingDoc(doc);
				expect(snapshot.outcomes.map((outcome) => outcome.id)).toEqual([askId]);
				expect(snapshot.provision).toHaveLength(1);
				setOutcomeProgress(doc, askId, 6);
				addOutcome(doc, { areaOfNeed: null, text: 'Use 10 Makaton signs at home', progress: 2 });
			});
			const progress = await db
				.select({ meetingId: outcomes.meetingId, progress: outcomes.progress })
				.from(outcomes)
				.where(eq(outcomes.id, askId));
			expect(progress.sort((a, b) => (a.progress ?? 0) - (b.progress ?? 0))).toEqual([
				{ meetingId: first, progress: 3 },
				{ meetingId: second, progress: 6 }
			]);

			// "Keep the plan as it is": the new outcome stays a set-aside proposal.
			expect(await decide(db, team, second, 'maintain', '2026-04-01')).toMatchObject({
				ok: true,
				planVersionId: null
			});
			expect((await loadCurrentPlan(db, team.childId))?.version).toBe(2);
			expect((await loadPlanVersions(db, team.childId)).map((v) => [v.version, v.state])).toEqual([
				[3, 'set_aside'],
				[2, 'adopted'],
				[1, 'accepted']
			]);
		}
	);

	collabTest('a SEN support review changes the plan when it closes', async ({ database, team }) => {
		const db = database.db;
		const live = storedDocuments(db);
		await db.update(children).set({ planType: 'sen_support' }).where(eq(children.id, team.childId));
		let kept = '';
		await holdReview(
			db,
			live,
			team,
			new Date('2026-01-14T10:00:00Z'),
			(doc) => {
				kept = addOutcome(doc, { areaOfNeed: null, text: 'Read 20 common words' });
				addOutcome(doc, { areaOfNeed: null, text: 'Sit for carpet time' });
			},
			'sen_support_review'
		);
		const afterFirst = await loadCurrentPlan(db, team.childId);
		expect(afterFirst).toMatchObject({ state: 'adopted', source: 'meeting' });
		await holdReview(
			db,
			live,
			team,
			new Date('2026-05-06T10:00:00Z'),
			(doc) => {
				const ended = readMeetingDoc(doc).outcomes.find((outcome) => outcome.id !== kept);
				removeListItem(doc, 'outcomes', ended?.id ?? '');
			},
			'sen_support_review'
		);
		const plan = await loadCurrentPlan(db, team.childId);
		expect(plan?.content.outcomes.map((outcome) => outcome.id)).toEqual([kept]);
		expect(plan?.summary).toMatch(/outcomes: 1 ended/);
	});

	collabTest('refuses a decision it cannot record', async ({ database, team }) => {
		const db = database.db;
		const open = await createMeeting(db, team, { startsAt: new Date('2026-03-11T10:00:00Z') });
		expect(await decide(db, team, open, 'amend', '2026-04-01')).toEqual({
			ok: false,
			problem: 'not_closed'
		});
		await db.update(meetings).set({ status: 'closed' }).where(eq(meetings.id, open));
		const parent = await loadActor(db, team.member('parent').id);
		expect(
			await recordLaDecision(db, parent, open, {
				decision: 'amend',
				decidedOn: '2026-04-01',
				note: ''
			})
		).toEqual({ ok: false, problem: 'forbidden' });
		expect(await decide(db, team, open, 'rewrite', '2026-03-01')).toEqual({
			ok: false,
			problem: 'invalid',
			errors: {
				decision: 'Choose what the local authority decided.',
				decidedOn:
					'The decision follows the review, so it cannot be before Wednesday 11 March 2026.'
			}
		});
		expect(await decide(db, team, open, 'cease', '2026-04-01')).toMatchObject({ ok: true });
		expect(await decide(db, team, open, 'amend', '2026-04-02')).toEqual({
			ok: false,
			problem: 'already_recorded'
		});
	});
});
