import { eq } from 'drizzle-orm';
import WebSocket from 'ws';
import { describe, expect } from 'vitest';
import { collabTest } from '$lib/server/collab/testing/collabTest.ts';
import {
	startCollabTestServer,
	waitFor,
	type CollabTestServer
} from '$lib/server/collab/testing/collabTestServer.ts';
import { switchableDatabase } from '$lib/server/collab/testing/switchableDatabase.ts';
import { createMeeting, type ChildWithTeam } from '$lib/server/testing/factories.ts';
import { loadStoredDoc, readLog } from '../../server/collab/documentStore.ts';
import { meetings } from '../../server/db/schema.ts';
import { COLLAB_DENIAL_MESSAGES } from '../../shared/collab/closeCodes.ts';
import { meetingDocumentName, restrictedDocumentName } from '../../shared/collab/documentName.ts';
import {
	addAction,
	addDecision,
	fieldText,
	readActions,
	readDecisions,
	readLockedSections,
	readSchemaVersion,
	setFieldText,
	setSectionLocked
} from '../../shared/collab/meetingDoc.ts';
import { CollabSession } from './CollabSession.svelte.ts';
import { LiveMeetingDoc } from './LiveMeetingDoc.svelte.ts';

/**
 * The browser's session against a real collaboration server on port 0 (no mocks): what
 * the page shows — status words, presence, read-only, what was not saved — follows what
 * the server does. Node has no IndexedDB, so the offline store is covered by the
 * end-to-end test.
 */

/** A WebSocket that sends the person's session cookie, as the browser does. */
function cookieWebSocket(cookie: string) {
	return class CookieWebSocket extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers: { cookie } });
		}
	};
}

interface OpenOptions {
	kind?: 'meeting' | 'restricted';
	server?: CollabTestServer;
	onDeviceCopyReset?: () => void;
}

type Open = (key: string, meetingId: string, options?: OpenOptions) => CollabSession;

/** `open`: a CollabSession as the page makes it, for one of the team; all closed after the test. */
const sessionTest = collabTest.extend(
	'open',
	async ({ server, team }, { onCleanup }): Promise<Open> => {
		const sessions: CollabSession[] = [];
		onCleanup(() => {
			while (sessions.length > 0) sessions.pop()?.destroy();
		});
		return (key, meetingId, options = {}) => {
			const who = team.member(key);
			const kind = options.kind ?? 'meeting';
			const session = new CollabSession({
				documentName:
					kind === 'meeting' ? meetingDocumentName(meetingId) : restrictedDocumentName(meetingId),
				kind,
				user: { userId: who.id, name: who.name, role: key, roleLabel: key, color: '#005ea5' },
				offlineStoreName: null,
				viewOnly: false,
				closedAtStart: false,
				url: (options.server ?? server).url,
				WebSocketPolyfill: cookieWebSocket(who.cookie),
				onDeviceCopyReset: options.onDeviceCopyReset ?? (() => {})
			});
			sessions.push(session);
			return session;
		};
	}
);

const ready = (session: CollabSession) =>
	waitFor(
		() => session.status.text === 'Saved' && readSchemaVersion(session.doc) !== null,
		'the meeting to open'
	);

const nameOf = (team: ChildWithTeam, key: string) => team.member(key).name;

describe('CollabSession against the collaboration server', () => {
	sessionTest(
		'opens the meeting, says "Saved" and shares edits with others',
		async ({ database, team, open }) => {
			const meetingId = await createMeeting(database.db, team);
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
				{ userId: team.member('senco').id }
			);
			await waitFor(() => readActions(salt.doc).some((action) => action.id === id), 'the action');
			expect(authors.at(-1)).toEqual([nameOf(team, 'senco') + ' (senco)']);
			await waitFor(() => senco.status.text === 'Saved', 'the server to confirm');
		}
	);

	sessionTest(
		'shows who is here and what they are editing, and forgets people who leave',
		async ({ database, team, open }) => {
			const meetingId = await createMeeting(database.db, team);
			const senco = open('senco', meetingId);
			const salt = open('salt', meetingId);
			await ready(senco);
			await ready(salt);
			await waitFor(() => senco.participants.length === 2, 'both people to be present');
			expect(senco.participants.map((p) => [p.name, p.isSelf])).toEqual([
				[nameOf(team, 'senco'), true],
				[nameOf(team, 'salt'), false]
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
		}
	);

	sessionTest(
		'announces who added an action through the live document view',
		async ({ database, team, open }) => {
			const meetingId = await createMeeting(database.db, team);
			const senco = open('senco', meetingId);
			const parent = open('parent', meetingId);
			await ready(senco);
			await ready(parent);
			await waitFor(() => parent.participants.length === 2, 'presence');
			const live = new LiveMeetingDoc(parent, () => 'someone');
			try {
				addAction(senco.doc, { text: 'Book the next review' }, { userId: team.member('senco').id });
				await waitFor(() => live.announcements.length > 0, 'an announcement');
				expect(live.announcements.map((a) => a.text)).toEqual([
					`${nameOf(team, 'senco')} (senco) added an action`
				]);
			} finally {
				live.destroy();
			}
		}
	);

	sessionTest(
		'turns read-only for everyone when the meeting is closed, and back when reopened',
		async ({ database, server, team, open }) => {
			const meetingId = await createMeeting(database.db, team);
			const senco = open('senco', meetingId);
			const parent = open('parent', meetingId);
			await ready(senco);
			await ready(parent);

			await database.db
				.update(meetings)
				.set({ status: 'closed' })
				.where(eq(meetings.id, meetingId));
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
			await waitFor(() => parent.status.text === 'Saved', 'editable again');
			expect(parent.closed).toBe(false);
		}
	);

	sessionTest(
		'tells the author in words when the server undoes a change to a locked section',
		async ({ database, team, open }) => {
			const meetingId = await createMeeting(database.db, team);
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
		}
	);

	sessionTest(
		'starts read-only for a meeting closed before the page opened',
		async ({ database, team, open }) => {
			const meetingId = await createMeeting(database.db, team, { status: 'closed' });
			const salt = open('salt', meetingId);
			await waitFor(() => salt.everSynced, 'the closed meeting to open');
			// The read-only scope comes with authentication, before the first sync.
			expect(salt.status.text).toBe('You can view but not edit');
			// The reason is a separate notice sent once the connection is live, so it may
			// arrive just after the first sync (the page knows it from its load already).
			await waitFor(() => salt.closed, 'the server to say the meeting is closed');
			expect(salt.readOnlyReason).toBe('meeting-closed');
		}
	);

	sessionTest(
		'puts a refusal of the restricted document into words',
		async ({ database, team, open }) => {
			const meetingId = await createMeeting(database.db, team);
			const parent = open('parent', meetingId, { kind: 'restricted' });
			await waitFor(() => parent.denial !== null, 'the refusal');
			expect(parent.status).toEqual({
				tone: 'refused',
				text: COLLAB_DENIAL_MESSAGES['restricted-forbidden']
			});
			expect(parent.doc.share.size).toBe(0);
		}
	);
});

describe('saved means stored', () => {
	sessionTest(
		'says "Saving…" until the edit is in the database, deletions too, then "Saved"',
		async ({ database, team, open }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const senco = open('senco', meetingId);
			await ready(senco);

			setFieldText(senco.doc, 'familyViews', 'Stored before it says so');
			expect(senco.status.text).toBe('Saving…');
			await waitFor(() => senco.status.text === 'Saved', 'the edit to be stored');
			const logged = await readLog(database.db, name);
			expect(
				logged.some((row) => Buffer.from(row.update).includes('Stored before it says so'))
			).toBe(true);

			// A deletion moves no clock: "Saved" waits for the server's answer to a request.
			const rows = logged.length;
			setFieldText(senco.doc, 'familyViews', '');
			expect(senco.status.text).toBe('Saving…');
			await waitFor(() => senco.status.text === 'Saved', 'the deletion to be stored');
			expect((await readLog(database.db, name)).length).toBeGreaterThan(rows);
		}
	);

	sessionTest(
		'goes read-only with a notice while the database fails, and sends what it kept when it is back',
		async ({ database, team, open }) => {
			const meetingId = await createMeeting(database.db, team);
			const { db, state } = switchableDatabase(database.db);
			const server = await startCollabTestServer(db, {
				updateLogLimits: { pauseAfterFailingMs: 200, retryDelayMs: 50, maxRetryDelayMs: 100 }
			});
			try {
				const senco = open('senco', meetingId, { server });
				const parent = open('parent', meetingId, { server });
				await ready(senco);
				await ready(parent);

				state.down = true;
				setFieldText(senco.doc, 'worries', 'Typed as the database failed');
				// Deadlines are generous: this runs beside the browser tests on 2 cores.
				await waitFor(() => senco.saving.paused, 'saving to pause', 15_000);
				expect(senco.readOnly).toBe(true);
				expect(senco.status).toEqual({
					tone: 'paused',
					text: 'Saving paused — 1 change kept on this device'
				});
				await waitFor(() => parent.readOnly, 'everyone to be read-only', 15_000);

				state.down = false;
				await waitFor(() => !senco.saving.paused, 'saving to resume', 15_000);
				expect(senco.readOnly).toBe(false);
				await waitFor(() => senco.status.text === 'Saved', 'the kept edit to be stored', 15_000);
				expect(fieldText(parent.doc, 'worries')).toBe('Typed as the database failed');
			} finally {
				await server.stop();
			}
		}
	);

	sessionTest(
		'shows what was typed offline into a meeting the chair closed meanwhile, and drops it here',
		async ({ database, server, team, open }) => {
			const meetingId = await createMeeting(database.db, team);
			let resets = 0;
			const salt = open('salt', meetingId, { onDeviceCopyReset: () => (resets += 1) });
			await ready(salt);

			const websocket = salt.provider.configuration.websocketProvider;
			websocket.disconnect();
			await waitFor(() => salt.connection.state === 'offline', 'the SaLT to be offline');
			setFieldText(salt.doc, 'childViews', 'Aaron likes the quiet room at lunchtime.');
			expect(salt.status.text).toBe('Offline — 1 change kept on this device');

			await database.db
				.update(meetings)
				.set({ status: 'closed' })
				.where(eq(meetings.id, meetingId));
			await server.collab.live.meetingAccessChanged(meetingId);
			void websocket.connect();

			await waitFor(() => salt.refused.refusal !== null, 'the refusal', 10_000);
			expect(salt.refused.refusal).toEqual({
				reason: 'meeting-closed',
				sections: [
					{
						section: 'childViews',
						label: 'The child’s views',
						text: 'Aaron likes the quiet room at lunchtime.'
					}
				]
			});
			await waitFor(() => resets === 1, 'the device copy to be brought in line');
			await server.collab.flushUpdateLog();
			const stored = await loadStoredDoc(database.db, meetingDocumentName(meetingId));
			expect(fieldText(stored, 'childViews')).toBe('');
		}
	);

	sessionTest(
		'keeps nothing refused when the edit reached the server before the meeting closed',
		async ({ database, server, team, open }) => {
			const meetingId = await createMeeting(database.db, team);
			const salt = open('salt', meetingId);
			await ready(salt);
			setFieldText(salt.doc, 'childViews', 'Typed just before the close');
			// The server has applied it (in memory, perhaps not yet stored) when the chair closes.
			const live = server.collab.hocuspocus.documents.get(meetingDocumentName(meetingId));
			await waitFor(
				() => live !== undefined && fieldText(live, 'childViews') !== '',
				'the server to apply the edit'
			);
			await database.db
				.update(meetings)
				.set({ status: 'closed' })
				.where(eq(meetings.id, meetingId));
			await server.collab.live.meetingAccessChanged(meetingId);
			await waitFor(
				() => salt.closed && salt.status.text === 'You can view but not edit',
				'closed'
			);
			await waitFor(() => salt.unsyncedChanges === 0, 'the edit to be stored');
			expect(salt.refused.refusal).toBeNull();
		}
	);

	sessionTest(
		'tells the person what was not kept when they add more than their budget at once',
		async ({ database, team, open, startServer }) => {
			const server = await startServer({
				editBudget: { burstBytes: 16 * 1024, refillBytesPerSecond: 1 }
			});
			const meetingId = await createMeeting(database.db, team);
			let resets = 0;
			const senco = open('senco', meetingId, { server, onDeviceCopyReset: () => (resets += 1) });
			await ready(senco);
			const pasted = 'A very long report. '.repeat(1200);
			setFieldText(senco.doc, 'familyViews', pasted);
			await waitFor(() => senco.refused.refusal !== null, 'the refusal');
			expect(senco.refused.refusal?.reason).toBe('too-much-at-once');
			expect(senco.refused.refusal?.sections.map((section) => section.text)).toEqual([
				pasted.trim()
			]);
			await waitFor(() => resets === 1, 'the device copy to be brought in line');
		}
	);
});
