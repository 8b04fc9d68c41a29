import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { addAction, initMeetingDoc } from '../../../shared/collab/meetingDoc.ts';
import { appendUpdates, writeState } from '../../collab/documentStore.ts';
import { actions } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { loadActor } from '../../policy.ts';
import { loadMeetingDocSeed } from '../meetings/meetingDocSeed.ts';
import { projectMeetingDoc } from '../meetings/projectMeetingDoc.ts';
import { createMeeting } from '../meetings/scheduleMeeting.ts';
import {
	addTeamMember,
	createChild,
	createOrganisation,
	createUser,
	type TestUser
} from '../../testing/factories.ts';
import { loadCaseload } from './caseload.ts';
import { listMyActions } from './familyHome.ts';

/**
 * An open action carried from one meeting into the next exists twice in the projection
 * (once per meeting); dashboards must count the later copy only. The copy is made as in
 * the live server: the later meeting's document starts from its casework seed, which
 * carries the earlier meeting's open actions, and is then projected into the tables.
 */
let database: TestDatabase;
let coordinator: TestUser;
let owner: TestUser;
let childId: string;
let firstCopyId: string;
let carriedCopyId: string;
const now = new Date('2026-11-23T12:00:00Z');

async function review(startsAt: string): Promise<string> {
	return createMeeting(database.db, childId, coordinator.id, {
		type: 'ehcp_annual_review',
		transfer: null,
		startsAt: new Date(startsAt),
		durationMinutes: 60,
		location: 'School',
		onlineLink: null,
		chairId: coordinator.id,
		inviteeIds: [coordinator.id],
		agenda: ['Welcome']
	});
}

/** Opens a meeting's document as the collaboration server does the first time: from its seed. */
async function openNewDocument(meetingId: string): Promise<Y.Doc> {
	const seed = await loadMeetingDocSeed(database.db, meetingId, now);
	if (!seed) throw new Error('meeting has no seed');
	const doc = new Y.Doc();
	initMeetingDoc(doc, seed);
	return doc;
}

/** Stores and projects a document as the collaboration server does after each change. */
async function storeAndProject(meetingId: string, doc: Y.Doc): Promise<void> {
	const name = meetingDocumentName(meetingId);
	const state = Y.encodeStateAsUpdate(doc);
	const seq = await appendUpdates(database.db, [
		{ documentName: name, update: state, userId: coordinator.id, receivedAt: now }
	]);
	if (seq !== null) await writeState(database.db, name, state, seq);
	await projectMeetingDoc(database.db, { id: meetingId, childId }, doc);
}

beforeAll(async () => {
	database = await createTestDatabase();
	const school = await createOrganisation(database.db, { name: 'Oakfield' });
	coordinator = await createUser(database.db, {
		name: 'Priya Shah',
		membership: { organisationId: school.id, role: 'coordinator' }
	});
	owner = await createUser(database.db, { name: 'Sam Okafor' });
	childId = (await createChild(database.db, school.id, { firstName: 'Aaron' })).id;
	await addTeamMember(database.db, childId, owner.id, 'salt');
	const earlier = await review('2026-06-01T10:00:00Z');
	const later = await review('2026-12-10T10:00:00Z');

	const earlierDoc = await openNewDocument(earlier);
	firstCopyId = addAction(
		earlierDoc,
		{ text: 'Teach the class Aaron’s signs', ownerUserId: owner.id, dueDate: '2026-11-01' },
		{ userId: coordinator.id }
	);
	await storeAndProject(earlier, earlierDoc);
	const laterDoc = await openNewDocument(later);
	await storeAndProject(later, laterDoc);

	const rows = await database.db
		.select({ id: actions.id, meetingId: actions.meetingId, carriedFromId: actions.carriedFromId })
		.from(actions)
		.where(eq(actions.childId, childId));
	// The precondition of every test below: the action is in both meetings.
	expect(rows).toHaveLength(2);
	const inMeeting = (meetingId: string) => rows.find((row) => row.meetingId === meetingId);
	expect(inMeeting(earlier)).toEqual({ id: firstCopyId, meetingId: earlier, carriedFromId: null });
	expect(inMeeting(later)?.carriedFromId).toBe(firstCopyId);
	carriedCopyId = inMeeting(later)?.id ?? '';
});

afterAll(async () => {
	await database?.close();
});

describe('carried-forward actions on dashboards', () => {
	it('are counted once in the caseload', async () => {
		const actor = await loadActor(database.db, coordinator.id);
		const query = { sort: 'child', planType: null, overdueOnly: false } as const;
		const { rows } = await loadCaseload(database.db, actor, query, now);
		expect(rows[0]).toMatchObject({ openActions: 1, overdueActions: 1 });
	});

	it('are listed once among the owner’s actions', async () => {
		const mine = await listMyActions(database.db, owner.id, now);
		expect(mine.map((action) => action.id)).toEqual([carriedCopyId]);
	});
});
