import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import type * as Y from 'yjs';
import { actions, outcomes } from '../../db/schema.ts';
import type { TestDatabase } from '../../db/testing.ts';
import {
	addAction,
	addOutcome,
	removeListItem,
	setActionOwner,
	setActionStatus,
	setFieldText,
	setOutcomeProgress
} from '../../../shared/collab/meetingDoc.ts';
import { createChildWithTeam, createMeeting } from '../../testing/factories.ts';
import { collabTest } from '../testing/collabTest.ts';
import { waitForSaved, waitUntil } from '../testing/collabTestServer.ts';

const actionRows = (database: TestDatabase, meetingId: string) =>
	database.db.select().from(actions).where(eq(actions.meetingId, meetingId));

/** The debounced store runs within ~1–5 s of the last change; the projection follows it. */
const STORE_WINDOW_MS = 8000;

describe('projecting actions and outcomes', () => {
	collabTest(
		'copies actions and outcomes into their tables and follows changes and removals',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const senco = team.member('senco');
			const salt = team.member('salt');
			const live = await clients.openMeeting(senco, meetingId);
			const outcome = addOutcome(live.document, {
				areaOfNeed: 'communication_interaction',
				text: 'Aaron will ask for help using signs'
			});
			setOutcomeProgress(live.document, outcome, 4);
			const kept = addAction(
				live.document,
				{ text: 'Make a signs booklet', dueDate: '2027-01-15', outcomeId: outcome },
				{ userId: senco.id }
			);
			setActionOwner(
				live.document,
				kept,
				{ userId: salt.id, agency: 'NHS SaLT' },
				{ userId: senco.id }
			);
			const removed = addAction(live.document, { text: 'Soon removed' }, { userId: senco.id });
			await waitForSaved(live);
			await waitUntil(
				async () => (await actionRows(database, meetingId)).length === 2,
				'two action rows',
				STORE_WINDOW_MS
			);

			removeListItem(live.document, 'actions', removed);
			setActionStatus(live.document, kept, 'done', { userId: salt.id });
			setFieldText(live.document, `actions:${kept}:evidence`, 'Booklet seen at home');
			await waitForSaved(live);
			await waitUntil(
				async () => {
					const rows = await actionRows(database, meetingId);
					return rows.length === 1 && rows[0]?.status === 'done';
				},
				'the projection to follow the changes',
				STORE_WINDOW_MS
			);
			const [row] = await actionRows(database, meetingId);
			expect(row).toMatchObject({
				id: kept,
				childId: team.childId,
				text: 'Make a signs booklet',
				ownerId: salt.id,
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
		}
	);

	collabTest(
		'never gives an action to someone outside the team, nor lets an id overwrite another meeting’s row',
		async ({ database, team, clients }) => {
			const other = await createChildWithTeam(database.db);
			const otherMeeting = await createMeeting(database.db, other);
			const otherLive = await clients.openMeeting(other.member('senco'), otherMeeting);
			const victim = addAction(
				otherLive.document,
				{ text: 'Another child’s action' },
				{ userId: null }
			);
			await waitForSaved(otherLive);
			await waitUntil(
				async () => (await actionRows(database, otherMeeting)).length === 1,
				'the other row',
				STORE_WINDOW_MS
			);

			const meetingId = await createMeeting(database.db, team);
			const live = await clients.openMeeting(team.member('senco'), meetingId);
			const outsider = other.member('salt');
			const mine = addAction(live.document, { text: 'Ours' }, { userId: null }, 'mine-1');
			setActionOwner(
				live.document,
				mine,
				{ userId: outsider.id, agency: 'Elsewhere' },
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
				async () => (await actionRows(database, meetingId)).length === 1,
				'our row',
				STORE_WINDOW_MS
			);

			const [ours] = await actionRows(database, meetingId);
			expect(ours).toMatchObject({ id: 'mine-1', ownerId: null, ownerAgency: '', dueDate: null });
			const [theirs] = await actionRows(database, otherMeeting);
			expect(theirs).toMatchObject({
				id: victim,
				text: 'Another child’s action',
				childId: other.childId
			});
		}
	);
});
