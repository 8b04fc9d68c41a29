import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings, outcomes } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createChild, createMeeting, createOrganisation } from '../../testing/factories.ts';
import { loadProgressHistory, pointsByOutcome } from './progressHistory.ts';

let database: TestDatabase;
let childId: string;
const ids: Record<string, string> = {};

async function review(
	key: string,
	child: string,
	startsAt: string,
	status: 'closed' | 'in_progress',
	scores: { id: string; text: string; progress: number | null; evidence?: string }[]
) {
	const meetingId = await createMeeting(
		database.db,
		{ childId: child, people: {} },
		{ startsAt: new Date(startsAt), status }
	);
	ids[key] = meetingId;
	for (const score of scores) {
		await database.db.insert(outcomes).values({
			id: score.id,
			meetingId,
			childId: child,
			areaOfNeed: 'communication_interaction',
			text: score.text,
			progress: score.progress,
			evidence: score.evidence ?? ''
		});
	}
	return meetingId;
}

beforeAll(async () => {
	database = await createTestDatabase();
	const organisation = await createOrganisation(database.db);
	childId = (await createChild(database.db, organisation.id)).id;
	const otherChild = (await createChild(database.db, organisation.id, { firstName: 'Jordan' })).id;
	// Entered out of date order, to show the history is sorted by date and not by insertion.
	await review('october', childId, '2025-10-14T09:00:00Z', 'closed', [
		{ id: 'help', text: 'Aaron will ask for help using signs or words', progress: 6 },
		{ id: 'new', text: 'Sit with the class for the story', progress: null }
	]);
	await review('march', childId, '2025-03-05T10:00:00Z', 'closed', [
		{ id: 'help', text: 'Aaron will ask for help', progress: 3, evidence: ' Signs at snack time ' },
		{ id: 'dropped', text: 'Use a now-and-next board', progress: 4 }
	]);
	// 23:30 UTC on 30 June is 1 July in the UK (British Summer Time).
	await review('june', childId, '2025-06-30T23:30:00Z', 'closed', [
		{ id: 'help', text: '', progress: 5 }
	]);
	const deleted = await review('deleted', childId, '2025-08-01T09:00:00Z', 'closed', [
		{ id: 'help', text: 'Deleted wording', progress: 9 }
	]);
	await database.db
		.update(meetings)
		.set({ deletedAt: new Date('2025-08-02T09:00:00Z') })
		.where(eq(meetings.id, deleted));
	await review('open', childId, '2026-03-01T09:00:00Z', 'in_progress', [
		{ id: 'help', text: 'Open wording', progress: 10 }
	]);
	await review('other', otherChild, '2025-05-01T09:00:00Z', 'closed', [
		{ id: 'help', text: 'Jordan’s outcome with the same id', progress: 1 }
	]);
});

afterAll(async () => {
	await database.close();
});

describe('loadProgressHistory', () => {
	it("follows each outcome through the child's closed reviews, oldest first", async () => {
		const history = await loadProgressHistory(database.db, childId);
		expect(history.map((outcome) => outcome.outcomeId)).toEqual(['dropped', 'help', 'new']);
		const help = history[1];
		expect(help).toMatchObject({
			text: 'Aaron will ask for help using signs or words',
			areaOfNeed: 'communication_interaction'
		});
		expect(help?.points).toEqual([
			{
				meetingId: ids.march,
				meetingType: 'ehcp_annual_review',
				meetingDate: '2025-03-05',
				score: 3,
				evidence: 'Signs at snack time'
			},
			{
				meetingId: ids.june,
				meetingType: 'ehcp_annual_review',
				meetingDate: '2025-07-01',
				score: 5,
				evidence: ''
			},
			{
				meetingId: ids.october,
				meetingType: 'ehcp_annual_review',
				meetingDate: '2025-10-14',
				score: 6,
				evidence: ''
			}
		]);
		expect(history[2]?.points).toEqual([expect.objectContaining({ score: null })]);
	});

	it("leaves out deleted and open meetings, and another child's outcome with the same id", async () => {
		const history = await loadProgressHistory(database.db, childId);
		const meetingIds = history.flatMap((outcome) => outcome.points.map((p) => p.meetingId));
		expect(meetingIds).not.toContain(ids.deleted);
		expect(meetingIds).not.toContain(ids.open);
		expect(meetingIds).not.toContain(ids.other);
		expect(JSON.stringify(history)).not.toMatch(/Deleted wording|Open wording|Jordan/);
	});

	it('stops at a date, and can leave a meeting out', async () => {
		const upToJune = await loadProgressHistory(database.db, childId, {
			upTo: new Date('2025-06-30T23:30:00Z')
		});
		expect(pointsByOutcome(upToJune).help?.map((point) => point.score)).toEqual([3, 5]);
		// With only the March review left, the wording is March's.
		const beforeJune = await loadProgressHistory(database.db, childId, {
			upTo: new Date('2025-06-30T23:30:00Z'),
			excludeMeetingId: ids.june
		});
		expect(beforeJune.find((o) => o.outcomeId === 'help')?.text).toBe('Aaron will ask for help');
		expect(pointsByOutcome(beforeJune).help?.map((point) => point.score)).toEqual([3]);
	});

	it('can be limited to some outcomes', async () => {
		const history = await loadProgressHistory(database.db, childId, { outcomeIds: ['dropped'] });
		expect(history.map((outcome) => outcome.outcomeId)).toEqual(['dropped']);
		expect(await loadProgressHistory(database.db, childId, { outcomeIds: [] })).toEqual([]);
	});
});
