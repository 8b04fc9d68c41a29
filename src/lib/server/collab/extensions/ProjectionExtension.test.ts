import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { actions, outcomes } from '../../db/schema.ts';
import { type TestDatabase } from '../../db/testing.ts';
import {
	addAction,
	addOutcome,
	removeListItem,
	setActionOwner,
	setActionStatus,
	setFieldText,
	setOutcomeProgress
} from '../../../shared/collab/meetingDoc.ts';
import { waitForSaved, waitUntil, type CollabTestServer } from '../testing/collabTestServer.ts';
import { openMeeting } from '../testing/liveMeeting.ts';
import { createChildWithTeam, createMeeting } from '../testing/meetingFixtures.ts';
import { teamMember as person, useCollabTestSuite } from '../testing/collabTestSuite.ts';

let database: TestDatabase;
let server: CollabTestServer;
const cleanups: (() => void)[] = [];

useCollabTestSuite((started) => ({ database, server } = started), cleanups);

const actionRows = (meetingId: string) =>
	database.db.select().from(actions).where(eq(actions.meetingId, meetingId));

/** The debounced store runs within ~1–5 s of the last change; the projection follows it. */
const STORE_WINDOW_MS = 8000;

describe('projecting actions and outcomes', () => {
	it('copies actions and outcomes into their tables and follows changes and removals', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const senco = person(team, 'senco');
		const salt = person(team, 'salt');
		const live = await openMeeting(server, senco, meetingId, cleanups);
		const outcome = addOutcome(live.document, {
			areaOfNeed: 'communication_interaction',
			text: 'Aaron will ask for help using signs'
		});
		setOutcomeProgress(live.document, outcome, 4);
		const kept = addAction(
			live.document,
			{ text: 'Make a signs booklet', dueDate: '2027-01-15', outcomeId: outcome },
			{ userId: senco.userId }
		);
		setActionOwner(
			live.document,
			kept,
			{ userId: salt.userId, agency: 'NHS SaLT' },
			{ userId: senco.userId }
		);
		const removed = addAction(live.document, { text: 'Soon removed' }, { userId: senco.userId });
		await waitForSaved(live);
		await waitUntil(
			async () => (await actionRows(meetingId)).length === 2,
			'two action rows',
			STORE_WINDOW_MS
		);

		removeListItem(live.document, 'actions', removed);
		setActionStatus(live.document, kept, 'done', { userId: salt.userId });
		setFieldText(live.document, `actions:${kept}:evidence`, 'Booklet seen at home');
		await waitForSaved(live);
		await waitUntil(
			async () => {
				const rows = await actionRows(meetingId);
				return rows.length === 1 && rows[0]?.status === 'done';
			},
			'the projection to follow the changes',
			STORE_WINDOW_MS
		);
		const [row] = await actionRows(meetingId);
		expect(row).toMatchObject({
			id: kept,
			childId: team.childId,
			text: 'Make a signs booklet',
			ownerId: salt.userId,
			ownerAgency: 'NHS SaLT',
			dueDate: '2027-01-15',
			status: 'done',
			outcomeId: outcome,
			evidence: 'Booklet seen at home',
			carriedFromId: null
		});
		const [outcomeRow] = await database.db
			.select()
			.from(outcomes)
			.where(eq(outcomes.meetingId, meetingId));
		expect(outcomeRow).toMatchObject({
			id: outcome,
			childId: team.childId,
			areaOfNeed: 'communication_interaction',
			text: 'Aaron will ask for help using signs',
			progress: 4
		});
	});

	it('never gives an action to someone outside the team, nor lets an id overwrite another meeting’s row', async () => {
		const team = await createChildWithTeam(database.db);
		const other = await createChildWithTeam(database.db);
		const otherMeeting = await createMeeting(database.db, other);
		const otherLive = await openMeeting(server, person(other, 'senco'), otherMeeting, cleanups);
		const victim = addAction(
			otherLive.document,
			{ text: 'Another child’s action' },
			{ userId: null }
		);
		await waitForSaved(otherLive);
		await waitUntil(
			async () => (await actionRows(otherMeeting)).length === 1,
			'the other row',
			STORE_WINDOW_MS
		);

		const meetingId = await createMeeting(database.db, team);
		const live = await openMeeting(server, person(team, 'senco'), meetingId, cleanups);
		const outsider = person(other, 'salt');
		const mine = addAction(live.document, { text: 'Ours' }, { userId: null }, 'mine-1');
		setActionOwner(
			live.document,
			mine,
			{ userId: outsider.userId, agency: 'Elsewhere' },
			{ userId: null }
		);
		// A modified client can write anything into the shared types, bypassing meetingDoc.
		const raw = live.document
			.getArray<Y.Map<unknown>>('actions')
			.toArray()
			.find((item) => item.get('id') === mine);
		raw?.set('dueDate', 'next Tuesday');
		addAction(live.document, { text: 'Hijack attempt' }, { userId: null }, victim);
		await waitForSaved(live);
		await waitUntil(
			async () => (await actionRows(meetingId)).length === 1,
			'our row',
			STORE_WINDOW_MS
		);

		const [ours] = await actionRows(meetingId);
		expect(ours).toMatchObject({ id: 'mine-1', ownerId: null, ownerAgency: '', dueDate: null });
		const [theirs] = await actionRows(otherMeeting);
		expect(theirs).toMatchObject({
			id: victim,
			text: 'Another child’s action',
			childId: other.childId
		});
	});
});
