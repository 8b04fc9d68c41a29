import { eq } from 'drizzle-orm';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	startCollabTestServer,
	waitFor,
	type CollabTestServer
} from '$lib/server/collab/testing/collabTestServer.ts';
import {
	createChildWithTeam,
	createMeeting,
	type ChildFixture,
	type TestPerson
} from '$lib/server/collab/testing/meetingFixtures.ts';
import { meetings } from '../../server/db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../server/db/testing.ts';
import { COLLAB_DENIAL_MESSAGES } from '../../shared/collab/closeCodes.ts';
import { meetingDocumentName, restrictedDocumentName } from '../../shared/collab/documentName.ts';
import {
	addAction,
	addDecision,
	readActions,
	readDecisions,
	readLockedSections,
	readSchemaVersion,
	setSectionLocked
} from '../../shared/collab/meetingDoc.ts';
import { CollabSession } from './CollabSession.svelte.ts';
import { LiveMeetingDoc } from './LiveMeetingDoc.svelte.ts';

/**
 * The browser's session against a real collaboration server on port 0 (no mocks): what
 * the page shows — status words, presence, read-only — follows what the server does.
 * Node has no IndexedDB, so the offline store is covered by the end-to-end test.
 */

let database: TestDatabase;
let server: CollabTestServer;
let fixture: ChildFixture;
const sessions: CollabSession[] = [];

beforeAll(async () => {
	database = await createTestDatabase();
	server = await startCollabTestServer(database.db);
	fixture = await createChildWithTeam(database.db);
});

afterEach(() => {
	while (sessions.length > 0) sessions.pop()?.destroy();
});

afterAll(async () => {
	await server?.stop();
	await database?.close();
});

function person(key: string): TestPerson {
	const found = fixture.people[key];
	if (!found) throw new Error(`no ${key} in the fixture`);
	return found;
}

/** A WebSocket that sends the person's session cookie, as the browser does. */
function cookieWebSocket(cookie: string) {
	return class CookieWebSocket extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers: { cookie } });
		}
	};
}

function open(key: string, meetingId: string, kind: 'meeting' | 'restricted' = 'meeting') {
	const who = person(key);
	const session = new CollabSession({
		documentName:
			kind === 'meeting' ? meetingDocumentName(meetingId) : restrictedDocumentName(meetingId),
		kind,
		user: { userId: who.userId, name: who.name, role: key, roleLabel: key, color: '#005ea5' },
		offlineStoreName: null,
		viewOnly: false,
		closedAtStart: false,
		url: server.url,
		WebSocketPolyfill: cookieWebSocket(who.cookie)
	});
	sessions.push(session);
	return session;
}

const ready = (session: CollabSession) =>
	waitFor(
		() => session.status.text === 'All changes saved' && readSchemaVersion(session.doc) !== null,
		'the meeting to open'
	);

describe('CollabSession against the collaboration server', () => {
	it('opens the meeting, says "All changes saved" and shares edits with others', async () => {
		const meetingId = await createMeeting(database.db, fixture);
		const senco = open('senco', meetingId);
		const salt = open('salt', meetingId);
		expect(senco.status.text).toBe('Connecting to the meeting…');
		await ready(senco);
		await ready(salt);

		const authors: string[][] = [];
		salt.onRemoteChange((names) => authors.push(names));
		const id = addAction(
			senco.doc,
			{ text: 'Share Aaron’s signs' },
			{ userId: person('senco').userId }
		);
		await waitFor(() => readActions(salt.doc).some((action) => action.id === id), 'the action');
		expect(authors.at(-1)).toEqual([person('senco').name + ' (senco)']);
		await waitFor(() => senco.status.text === 'All changes saved', 'the server to confirm');
	});

	it('shows who is here and what they are editing, and forgets people who leave', async () => {
		const meetingId = await createMeeting(database.db, fixture);
		const senco = open('senco', meetingId);
		const salt = open('salt', meetingId);
		await ready(senco);
		await ready(salt);
		await waitFor(() => senco.participants.length === 2, 'both people to be present');
		expect(senco.participants.map((p) => [p.name, p.isSelf])).toEqual([
			[person('senco').name, true],
			[person('salt').name, false]
		]);

		salt.setEditing({ fieldId: 'childViews', label: 'Aaron’s views' });
		await waitFor(
			() => senco.participants.some((p) => p.editing?.label === 'Aaron’s views'),
			'the editing field to arrive'
		);
		salt.clearEditing('childViews');
		await waitFor(() => senco.participants.every((p) => p.editing === null), 'editing to clear');

		salt.destroy();
		await waitFor(() => senco.participants.length === 1, 'the SaLT to leave');
	});

	it('announces who added an action through the live document view', async () => {
		const meetingId = await createMeeting(database.db, fixture);
		const senco = open('senco', meetingId);
		const parent = open('parent', meetingId);
		await ready(senco);
		await ready(parent);
		await waitFor(() => parent.participants.length === 2, 'presence');
		const live = new LiveMeetingDoc(parent, () => 'someone');
		try {
			addAction(senco.doc, { text: 'Book the next review' }, { userId: person('senco').userId });
			await waitFor(() => live.announcements.length > 0, 'an announcement');
			expect(live.announcements.map((a) => a.text)).toEqual([
				`${person('senco').name} (senco) added an action`
			]);
		} finally {
			live.destroy();
		}
	});

	it('turns read-only for everyone when the meeting is closed, and back when reopened', async () => {
		const meetingId = await createMeeting(database.db, fixture);
		const senco = open('senco', meetingId);
		const parent = open('parent', meetingId);
		await ready(senco);
		await ready(parent);

		await database.db.update(meetings).set({ status: 'closed' }).where(eq(meetings.id, meetingId));
		await server.collab.live.meetingAccessChanged(meetingId);
		for (const session of [senco, parent]) {
			await waitFor(() => session.status.text === 'You can view but not edit', 'read-only');
			expect(session.readOnly).toBe(true);
			expect(session.closed).toBe(true);
		}

		await database.db
			.update(meetings)
			.set({ status: 'in_progress' })
			.where(eq(meetings.id, meetingId));
		await server.collab.live.meetingAccessChanged(meetingId);
		await waitFor(() => parent.status.text === 'All changes saved', 'editable again');
		expect(parent.closed).toBe(false);
	});

	it('tells the author in words when the server undoes a change to a locked section', async () => {
		const meetingId = await createMeeting(database.db, fixture);
		const senco = open('senco', meetingId);
		const salt = open('salt', meetingId);
		await ready(senco);
		await ready(salt);
		const messages: string[] = [];
		salt.onReverted((message) => messages.push(message));

		setSectionLocked(senco.doc, 'decisions', true);
		await waitFor(() => readLockedSections(salt.doc).includes('decisions'), 'the lock');
		addDecision(salt.doc, 'Decided after the lock');

		await waitFor(() => messages.length === 1, 'the notice');
		expect(messages).toEqual([
			'Your change to Decisions was undone: the chair has locked that section.'
		]);
		await waitFor(() => readDecisions(salt.doc).length === 0, 'the decision to be undone');
	});

	it('starts read-only for a meeting closed before the page opened', async () => {
		const meetingId = await createMeeting(database.db, fixture, { status: 'closed' });
		const salt = open('salt', meetingId);
		await waitFor(() => salt.everSynced, 'the closed meeting to open');
		// The read-only scope comes with authentication, before the first sync.
		expect(salt.status.text).toBe('You can view but not edit');
		// The reason is a separate notice sent once the connection is live, so it may
		// arrive just after the first sync (the page knows it from its load already).
		await waitFor(() => salt.closed, 'the server to say the meeting is closed');
		expect(salt.readOnlyReason).toBe('meeting-closed');
	});

	it('puts a refusal of the restricted document into words', async () => {
		const meetingId = await createMeeting(database.db, fixture);
		const parent = open('parent', meetingId, 'restricted');
		await waitFor(() => parent.denial !== null, 'the refusal');
		expect(parent.status).toEqual({
			tone: 'refused',
			text: COLLAB_DENIAL_MESSAGES['restricted-forbidden']
		});
		expect(parent.doc.share.size).toBe(0);
	});
});
