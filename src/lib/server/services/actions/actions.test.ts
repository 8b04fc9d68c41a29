import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import {
	addAction,
	readActions,
	setActionDueDate,
	setActionOwner
} from '../../../shared/collab/meetingDoc.ts';
import { readLog } from '../../collab/documentStore.ts';
import { collabTest, type CollabFixtures } from '../../collab/testing/collabTest.ts';
import { waitFor, waitForSaved, waitUntil } from '../../collab/testing/collabTestServer.ts';
import { actions, auditEvents } from '../../db/schema.ts';
import { loadActor } from '../../policy.ts';
import { createMeeting, createSignedInUser } from '../../testing/factories.ts';
import { closeMeeting } from '../meetings/closeMeeting.ts';
import { listCaseloadActions } from './caseloadActions.ts';
import { completeAction } from './completeAction.ts';
import { listMyActions } from './myActions.ts';
import { dueGroup } from './openActions.ts';

const NOW = new Date('2027-03-15T09:00:00Z');

/** A meeting whose live document has these actions, owned by the SaLT, projected. */
async function meetingWithActions(
	{ database, team, clients }: Pick<CollabFixtures, 'database' | 'team' | 'clients'>,
	dueDates: (string | null)[]
) {
	const meetingId = await createMeeting(database.db, team);
	const senco = await clients.openMeeting(team.member('senco'), meetingId);
	const author = { userId: team.member('senco').id, at: new Date('2027-03-01T10:00:00Z') };
	const ids = dueDates.map((dueDate, index) => {
		const id = addAction(senco.document, { text: `Action ${index + 1}` }, author);
		setActionOwner(
			senco.document,
			id,
			{ userId: team.member('salt').id, agency: 'NHS Speech and Language Therapy' },
			author
		);
		if (dueDate) setActionDueDate(senco.document, id, dueDate, author);
		return id;
	});
	await waitForSaved(senco);
	await waitUntil(
		async () =>
			(await database.db.select().from(actions).where(eq(actions.meetingId, meetingId))).length ===
			ids.length,
		'the actions to be projected'
	);
	return { meetingId, ids, senco };
}

describe('grouping by due date', () => {
	it('puts each action in overdue, due this week or later, in UK days', () => {
		expect(dueGroup('2027-03-14', NOW)).toBe('overdue');
		expect(dueGroup('2027-03-15', NOW)).toBe('dueThisWeek');
		expect(dueGroup('2027-03-22', NOW)).toBe('dueThisWeek');
		expect(dueGroup('2027-03-23', NOW)).toBe('later');
		expect(dueGroup(null, NOW)).toBe('later');
	});
});

describe('my actions', () => {
	collabTest(
		'lists the open actions someone owns, grouped, for the children whose team they are in',
		async ({ database, team, clients }) => {
			await meetingWithActions({ database, team, clients }, ['2027-03-10', '2027-03-18', null]);
			const mine = await listMyActions(database.db, team.member('salt').id, NOW);
			expect(mine.overdue.map((a) => [a.text, a.childName, a.daysOpen])).toEqual([
				['Action 1', 'Aaron', 14]
			]);
			expect(mine.dueThisWeek.map((a) => a.text)).toEqual(['Action 2']);
			expect(mine.later.map((a) => a.text)).toEqual(['Action 3']);
			const senco = await listMyActions(database.db, team.member('senco').id, NOW);
			expect([...senco.overdue, ...senco.dueThisWeek, ...senco.later]).toEqual([]);
		}
	);
});

describe('marking an action done', () => {
	collabTest(
		'changes the closed meeting’s live document as the owner, with evidence, and the projection follows',
		async ({ database, server, team, clients }) => {
			const { meetingId, ids, senco } = await meetingWithActions({ database, team, clients }, [
				'2027-03-10'
			]);
			const chair = await loadActor(database.db, team.member('senco').id);
			await closeMeeting(database.db, server.collab.live, chair, meetingId);
			await waitFor(() => senco.provider.authorizedScope === 'readonly', 'the meeting to close');

			const salt = team.member('salt');
			const actor = await loadActor(database.db, salt.id);
			const actionId = ids[0] ?? '';
			expect(
				await completeAction(
					database.db,
					server.collab.live,
					actor,
					salt,
					actionId,
					'Taught 5 signs',
					NOW
				)
			).toEqual({ ok: true });

			// Everyone with the meeting open sees it at once, with its trail.
			await waitFor(
				() => readActions(senco.document)[0]?.status === 'done',
				'the chair to see the action done'
			);
			const action = readActions(senco.document)[0];
			expect(action?.evidence.text).toBe('Taught 5 signs');
			expect(action?.history.at(-1)).toMatchObject({
				kind: 'status',
				value: 'done',
				byUserId: salt.id,
				at: NOW.toISOString()
			});
			const log = await readLog(database.db, meetingDocumentName(meetingId));
			expect(log.at(-1)?.userId).toBe(salt.id);
			const [row] = await database.db.select().from(actions).where(eq(actions.id, actionId));
			expect(row).toMatchObject({ status: 'done', evidence: 'Taught 5 signs' });
			const mine = await listMyActions(database.db, salt.id, NOW);
			expect(mine.overdue).toEqual([]);
			const [audit] = await database.db
				.select()
				.from(auditEvents)
				.where(
					and(eq(auditEvents.subjectId, actionId), eq(auditEvents.action, 'action.completed'))
				);
			expect(audit?.actorId).toBe(salt.id);

			expect(
				await completeAction(database.db, server.collab.live, actor, salt, actionId, 'Again', NOW)
			).toEqual({
				ok: false,
				problem: 'already_done'
			});
		}
	);

	collabTest(
		'is refused to people who neither own the action nor organise the meetings',
		async ({ database, server, team, clients }) => {
			const { ids } = await meetingWithActions({ database, team, clients }, ['2027-03-10']);
			const parent = team.member('parent');
			const actor = await loadActor(database.db, parent.id);
			expect(
				await completeAction(
					database.db,
					server.collab.live,
					actor,
					parent,
					ids[0] ?? '',
					'Done',
					NOW
				)
			).toEqual({ ok: false, problem: 'forbidden' });
			expect(
				await completeAction(
					database.db,
					server.collab.live,
					actor,
					parent,
					'no-such-action',
					'Done',
					NOW
				)
			).toEqual({ ok: false, problem: 'not_found' });
		}
	);
});

describe('the coordinator’s caseload of actions', () => {
	collabTest(
		'groups every open action of the children they organise by owner and agency',
		async ({ database, team, clients }) => {
			await meetingWithActions({ database, team, clients }, ['2027-03-10', '2027-04-01']);
			const coordinator = await createSignedInUser(database.db, {
				membership: { organisationId: team.organisationId, role: 'coordinator' }
			});
			const actor = await loadActor(database.db, coordinator.id);
			const all = await listCaseloadActions(database.db, actor, { overdueOnly: false }, NOW);
			expect(all.childCount).toBe(1);
			expect(all.owners.map((o) => [o.ownerName, o.agency, o.actions.length, o.overdue])).toEqual([
				[team.member('salt').name, 'NHS Speech and Language Therapy', 2, 1]
			]);
			const overdue = await listCaseloadActions(database.db, actor, { overdueOnly: true }, NOW);
			expect(overdue.owners[0]?.actions.map((a) => a.text)).toEqual(['Action 1']);
			expect([overdue.openCount, overdue.overdueCount]).toEqual([2, 1]);

			const salt = await loadActor(database.db, team.member('salt').id);
			expect(
				(await listCaseloadActions(database.db, salt, { overdueOnly: false }, NOW)).childCount
			).toBe(0);
		}
	);
});
