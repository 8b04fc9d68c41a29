import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	startCollabTestServer,
	waitFor,
	waitForSaved,
	waitUntil,
	type CollabTestServer
} from '$lib/server/collab/testing/collabTestServer.ts';
import { openMeeting } from '$lib/server/collab/testing/liveMeeting.ts';
import {
	createChildWithTeam,
	createMeeting,
	createOrganisationMember,
	type ChildFixture,
	type TestPerson
} from '$lib/server/collab/testing/meetingFixtures.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import {
	addAction,
	readActions,
	setActionDueDate,
	setActionOwner
} from '../../../shared/collab/meetingDoc.ts';
import { readLog } from '../../collab/documentStore.ts';
import { actions, auditEvents } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { loadActor } from '../../policy.ts';
import { closeMeeting } from '../meetings/closeMeeting.ts';
import { listCaseloadActions } from './caseloadActions.ts';
import { completeAction } from './completeAction.ts';
import { listMyActions } from './myActions.ts';
import { dueGroup } from './openActions.ts';

let database: TestDatabase;
let server: CollabTestServer;
const cleanups: (() => void)[] = [];
const NOW = new Date('2027-03-15T09:00:00Z');

beforeAll(async () => {
	database = await createTestDatabase();
	server = await startCollabTestServer(database.db);
});

afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

afterAll(async () => {
	await server?.stop();
	await database?.close();
});

function person(team: ChildFixture, key: string): TestPerson {
	const found = team.people[key];
	if (!found) throw new Error(`no ${key}`);
	return found;
}

const editor = (who: TestPerson) => ({ id: who.userId, name: who.name, email: 'e@x.test' });

/** A meeting whose live document has these actions, owned by the SaLT, projected. */
async function meetingWithActions(team: ChildFixture, dueDates: (string | null)[]) {
	const meetingId = await createMeeting(database.db, team);
	const senco = await openMeeting(server, person(team, 'senco'), meetingId, cleanups);
	const author = { userId: person(team, 'senco').userId, at: new Date('2027-03-01T10:00:00Z') };
	const ids = dueDates.map((dueDate, index) => {
		const id = addAction(senco.document, { text: `Action ${index + 1}` }, author);
		setActionOwner(
			senco.document,
			id,
			{ userId: person(team, 'salt').userId, agency: 'NHS Speech and Language Therapy' },
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
	it('lists the open actions someone owns, grouped, for the children whose team they are in', async () => {
		const team = await createChildWithTeam(database.db);
		await meetingWithActions(team, ['2027-03-10', '2027-03-18', null]);
		const mine = await listMyActions(database.db, person(team, 'salt').userId, NOW);
		expect(mine.overdue.map((a) => [a.text, a.childName, a.daysOpen])).toEqual([
			['Action 1', 'Aaron', 14]
		]);
		expect(mine.dueThisWeek.map((a) => a.text)).toEqual(['Action 2']);
		expect(mine.later.map((a) => a.text)).toEqual(['Action 3']);
		const senco = await listMyActions(database.db, person(team, 'senco').userId, NOW);
		expect([...senco.overdue, ...senco.dueThisWeek, ...senco.later]).toEqual([]);
	});
});

describe('marking an action done', () => {
	it('changes the closed meeting’s live document as the owner, with evidence, and the projection follows', async () => {
		const team = await createChildWithTeam(database.db);
		const { meetingId, ids, senco } = await meetingWithActions(team, ['2027-03-10']);
		const chair = await loadActor(database.db, person(team, 'senco').userId);
		await closeMeeting(database.db, server.collab.live, chair, meetingId);
		await waitFor(() => senco.provider.authorizedScope === 'readonly', 'the meeting to close');

		const salt = person(team, 'salt');
		const actor = await loadActor(database.db, salt.userId);
		const actionId = ids[0] ?? '';
		expect(
			await completeAction(
				database.db,
				server.collab.live,
				actor,
				editor(salt),
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
			byUserId: salt.userId,
			at: NOW.toISOString()
		});
		const log = await readLog(database.db, meetingDocumentName(meetingId));
		expect(log.at(-1)?.userId).toBe(salt.userId);
		const [row] = await database.db.select().from(actions).where(eq(actions.id, actionId));
		expect(row).toMatchObject({ status: 'done', evidence: 'Taught 5 signs' });
		const mine = await listMyActions(database.db, salt.userId, NOW);
		expect(mine.overdue).toEqual([]);
		const [audit] = await database.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.subjectId, actionId), eq(auditEvents.action, 'action.completed')));
		expect(audit?.actorId).toBe(salt.userId);

		expect(
			await completeAction(
				database.db,
				server.collab.live,
				actor,
				editor(salt),
				actionId,
				'Again',
				NOW
			)
		).toEqual({
			ok: false,
			problem: 'already_done'
		});
	});

	it('is refused to people who neither own the action nor organise the meetings', async () => {
		const team = await createChildWithTeam(database.db);
		const { ids } = await meetingWithActions(team, ['2027-03-10']);
		const parent = person(team, 'parent');
		const actor = await loadActor(database.db, parent.userId);
		expect(
			await completeAction(
				database.db,
				server.collab.live,
				actor,
				editor(parent),
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
				editor(parent),
				'no-such-action',
				'Done',
				NOW
			)
		).toEqual({ ok: false, problem: 'not_found' });
	});
});

describe('the coordinator’s caseload of actions', () => {
	it('groups every open action of the children they organise by owner and agency', async () => {
		const team = await createChildWithTeam(database.db);
		await meetingWithActions(team, ['2027-03-10', '2027-04-01']);
		const coordinator = await createOrganisationMember(
			database.db,
			team.organisationId,
			'coordinator'
		);
		const actor = await loadActor(database.db, coordinator.userId);
		const all = await listCaseloadActions(database.db, actor, { overdueOnly: false }, NOW);
		expect(all.childCount).toBe(1);
		expect(all.owners.map((o) => [o.ownerName, o.agency, o.actions.length, o.overdue])).toEqual([
			[person(team, 'salt').name, 'NHS Speech and Language Therapy', 2, 1]
		]);
		const overdue = await listCaseloadActions(database.db, actor, { overdueOnly: true }, NOW);
		expect(overdue.owners[0]?.actions.map((a) => a.text)).toEqual(['Action 1']);
		expect([overdue.openCount, overdue.overdueCount]).toEqual([2, 1]);

		const salt = await loadActor(database.db, person(team, 'salt').userId);
		expect(
			(await listCaseloadActions(database.db, salt, { overdueOnly: false }, NOW)).childCount
		).toBe(0);
	});
});
