import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOutcome, initMeetingDoc } from '../../../shared/collab/meetingDoc.ts';
import { outcomes } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createChild, createMeeting, createOrganisation } from '../../testing/factories.ts';
import { loadMinutesCasework } from './minutesCasework.ts';

let database: TestDatabase;
let childId: string;

async function closedReview(
	startsAt: string,
	progress: number,
	status: 'closed' | 'in_progress' = 'closed'
) {
	const meetingId = await createMeeting(
		database.db,
		{ childId, people: {} },
		{ startsAt: new Date(startsAt), status }
	);
	await database.db
		.insert(outcomes)
		.values({ id: 'help', meetingId, childId, text: 'Ask for help', progress });
	return meetingId;
}

beforeAll(async () => {
	database = await createTestDatabase();
	const organisation = await createOrganisation(database.db);
	childId = (await createChild(database.db, organisation.id)).id;
});

afterAll(async () => {
	await database.close();
});

describe("the minutes' casework", () => {
	it("holds each outcome's scores from earlier closed reviews, not this one's or later ones", async () => {
		await closedReview('2026-03-05T10:00:00Z', 3);
		await closedReview('2026-10-14T10:00:00Z', 5);
		const thisMeeting = await closedReview('2027-03-12T10:00:00Z', 6);
		await closedReview('2027-06-01T10:00:00Z', 9);
		const doc = new Y.Doc();
		initMeetingDoc(doc, {
			meetingId: thisMeeting,
			childId,
			meetingType: 'ehcp_annual_review',
			agenda: [],
			attendees: [],
			contributions: [],
			carriedActions: []
		});
		addOutcome(doc, { areaOfNeed: null, text: 'Ask for help', progress: 6 }, 'help');
		const casework = await loadMinutesCasework(database.db, thisMeeting, doc);
		expect(casework?.earlierProgress).toEqual({
			help: [
				{ meetingDate: '2026-03-05', score: 3 },
				{ meetingDate: '2026-10-14', score: 5 }
			]
		});
	});
});
