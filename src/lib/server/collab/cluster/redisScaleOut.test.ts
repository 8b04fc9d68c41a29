import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import * as Y from 'yjs';
import { children, documents, documentUpdates, meetings, sessions } from '../../db/schema.ts';
import { COLLAB_DENIAL } from '../../../shared/collab/closeCodes.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { readMeetingDoc, setFieldText } from '../../../shared/collab/meetingDoc.ts';
import { loadStoredDoc } from '../documentStore.ts';
import { encodeStoreRequest } from '../../../shared/collab/savingNotices.ts';
import { removeFromTeam, createMeeting, documentEditorOf } from '../../testing/factories.ts';
import { testRedisPrefix, testRedisUrl } from '../../testing/redis.ts';
import { collabTest, type CollabFixtures } from '../testing/collabTest.ts';
import {
	connectProvider,
	ownEditsStored,
	startCollabTestServer,
	waitFor,
	waitUntil,
	type CollabTestServer,
	type TestServerOptions
} from '../testing/collabTestServer.ts';
import type { CollabContext } from '../context.ts';
import { switchableDatabase } from '../testing/switchableDatabase.ts';

const redisUrl = testRedisUrl();

/** Two servers sharing one database and one Redis, as two instances behind a balancer. */
async function twoServers(
	{ startServer }: Pick<CollabFixtures, 'startServer'>,
	options: TestServerOptions = {}
) {
	const shared: TestServerOptions = {
		redis: { url: redisUrl ?? '', prefix: testRedisPrefix() },
		relaySettling: { settleAfterMs: 300, checkEveryMs: 100 },
		...options
	};
	return Promise.all([startServer(shared), startServer(shared)]);
}

/** Who has a live connection to the meeting on one server. */
function usersConnected(server: CollabTestServer, meetingId: string): (string | undefined)[] {
	const live = server.collab.hocuspocus.documents.get(meetingDocumentName(meetingId));
	return (live?.getConnections() ?? []).map(
		(connection) => (connection.context as CollabContext).user?.id
	);
}

async function unattributedRows(db: CollabFixtures['database']['db'], name: string) {
	return (
		await db
			.select({ seq: documentUpdates.seq })
			.from(documentUpdates)
			.where(and(eq(documentUpdates.documentName, name), isNull(documentUpdates.userId)))
	).length;
}

describe.skipIf(!redisUrl)('several servers sharing meetings through Redis', () => {
	collabTest(
		'edits and presence cross between servers, and each edit is logged once, by its author',
		async ({ database, team, clients, startServer }) => {
			const [a, b] = await twoServers({ startServer });
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const parent = await clients.openMeeting(team.member('parent'), meetingId, { server: a });
			const salt = await clients.openMeeting(team.member('salt'), meetingId, { server: b });
			await Promise.all([a.collab.flushUpdateLog(), b.collab.flushUpdateLog()]);
			const createdBy = await unattributedRows(database.db, name);

			setFieldText(parent.document, 'familyViews', 'Typed on the first server');
			setFieldText(salt.document, 'worries', 'Typed on the second server');
			parent.provider.setAwarenessField('user', { name: 'Parent' });
			await waitFor(
				() =>
					readMeetingDoc(salt.document).familyViews.text === 'Typed on the first server' &&
					readMeetingDoc(parent.document).workingAndWorries.worries.text ===
						'Typed on the second server',
				'each to see the other’s edit'
			);
			await waitFor(
				() =>
					[...(salt.provider.awareness?.getStates().values() ?? [])].some(
						(state) => (state.user as { name?: string } | undefined)?.name === 'Parent'
					),
				'the parent’s presence to reach the other server'
			);
			await waitFor(
				() => ownEditsStored(parent) && ownEditsStored(salt),
				'both to hear their edits are stored'
			);
			// Every edit written by its own server, then every relayed edit checked against
			// the database at once: nothing is logged twice.
			await Promise.all([a.collab.flushUpdateLog(), b.collab.flushUpdateLog()]);
			await Promise.all([a.collab.settleRelayedEdits(), b.collab.settleRelayedEdits()]);
			const rows = await database.db
				.select({ userId: documentUpdates.userId })
				.from(documentUpdates)
				.where(eq(documentUpdates.documentName, name));
			const byParent = rows.filter((row) => row.userId === team.member('parent').id).length;
			const bySalt = rows.filter((row) => row.userId === team.member('salt').id).length;
			expect(byParent).toBeGreaterThan(0);
			expect(bySalt).toBeGreaterThan(0);
			expect(await unattributedRows(database.db, name)).toBe(createdBy);
			const stored = await loadStoredDoc(database.db, name);
			expect(readMeetingDoc(stored).familyViews.text).toBe('Typed on the first server');
			expect(readMeetingDoc(stored).workingAndWorries.worries.text).toBe(
				'Typed on the second server'
			);
		}
	);

	collabTest(
		'a change the server makes reaches a meeting open only on another server',
		async ({ database, team, clients, startServer }) => {
			const [a, b] = await twoServers({ startServer });
			const meetingId = await createMeeting(database.db, team);
			const parent = await clients.openMeeting(team.member('parent'), meetingId, { server: b });
			await a.collab.live.change(
				meetingDocumentName(meetingId),
				documentEditorOf(team, 'senco'),
				(doc) => setFieldText(doc, 'familyViews', 'Changed from the first server')
			);
			await waitFor(
				() => readMeetingDoc(parent.document).familyViews.text === 'Changed from the first server',
				'the change to reach the parent on the second server'
			);
			expect(readMeetingDoc(parent.document).familyViews.text).toBe(
				'Changed from the first server'
			);
		}
	);

	collabTest(
		'an access change reaches connections on every server before it resolves',
		async ({ database, team, clients, startServer }) => {
			const [a, b] = await twoServers({ startServer });
			const meetingId = await createMeeting(database.db, team);
			const salt = await clients.openMeeting(team.member('salt'), meetingId, { server: b });
			let refused: string | null = null;
			void salt.authenticationFailure.then((reason) => (refused = reason));
			await removeFromTeam(database.db, team, 'salt');
			await a.collab.live.childAccessChanged(team.childId);
			// By the time it resolves, the other server has let the connection go.
			expect(usersConnected(b, meetingId)).not.toContain(team.member('salt').id);
			await waitFor(() => refused === COLLAB_DENIAL.forbidden, 'the therapist to be told');
		}
	);

	collabTest(
		'closing a meeting and signing out reach connections on another server at once',
		async ({ database, team, clients, startServer }) => {
			// Sessions are checked rarely here: only the announcement can close the socket.
			const [a, b] = await twoServers({ startServer }, { sessionCheckIntervalMs: 60_000 });
			const meetingId = await createMeeting(database.db, team);
			const parent = await clients.openMeeting(team.member('parent'), meetingId, { server: b });
			const salt = await clients.openMeeting(team.member('salt'), meetingId, { server: b });
			await database.db
				.update(meetings)
				.set({ status: 'closed' })
				.where(eq(meetings.id, meetingId));
			await a.collab.live.meetingAccessChanged(meetingId);
			const live = b.collab.hocuspocus.documents.get(meetingDocumentName(meetingId));
			expect(live?.getConnections().every((connection) => connection.readOnly)).toBe(true);
			await waitFor(() => parent.provider.authorizedScope === 'readonly', 'the parent to be told');

			await database.db.delete(sessions).where(eq(sessions.userId, team.member('salt').id));
			await a.collab.live.sessionsEnded();
			await waitFor(() => salt.websocket.closeCodes.length > 0, 'the signed-out socket to close');
		}
	);

	collabTest(
		'an erasure stops every server writing the document before it resolves',
		async ({ database, team, clients, startServer }) => {
			// Every store writes the state: a server not told would write it back.
			const [a, b] = await twoServers({ startServer }, { compactEveryRows: 1 });
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			await clients.openMeeting(team.member('parent'), meetingId, { server: b });
			// As an erasure does: nobody may open the record again.
			await database.db
				.update(children)
				.set({ deletedAt: new Date() })
				.where(eq(children.id, team.childId));
			await a.collab.live.childAccessChanged(team.childId);
			await a.collab.live.erase([name]);
			expect(b.collab.hocuspocus.getConnectionsCount()).toBe(0);
			await database.db.delete(documentUpdates).where(eq(documentUpdates.documentName, name));
			await database.db.delete(documents).where(eq(documents.name, name));
			// Once the other server has let the document go, nothing of it came back.
			await waitFor(() => !b.collab.hocuspocus.documents.has(name), 'the document to go', 10_000);
			const rows = await database.db
				.select({ seq: documentUpdates.seq })
				.from(documentUpdates)
				.where(eq(documentUpdates.documentName, name));
			expect(rows).toEqual([]);
			expect(await database.db.select().from(documents).where(eq(documents.name, name))).toEqual(
				[]
			);
		}
	);

	collabTest(
		'an edit relayed by a server that could not write it is logged by another',
		async ({ database, team, startServer }) => {
			const relayed = await relayedButUnwritten({ database, team, startServer }, 300);
			try {
				await waitUntil(
					async () =>
						readMeetingDoc(await loadStoredDoc(database.db, relayed.name)).familyViews.text ===
						SAID,
					'the other server to log the relayed edit'
				);
				expect(await unattributedRows(database.db, relayed.name)).toBeGreaterThan(
					relayed.unattributedBefore
				);
				// The parent, reconnecting to the server still up, hears that it is stored.
				const again = relayed.reconnect();
				await waitFor(() => ownEditsStored(again), 'the parent to hear it is stored');
				again.close();
			} finally {
				await relayed.stopFailingServer();
			}
		}
	);

	collabTest(
		'a store request after reconnecting is answered only once relayed edits are logged',
		async ({ database, team, startServer }) => {
			// Long enough that only the store request can settle the relayed edit.
			const relayed = await relayedButUnwritten({ database, team, startServer }, 60_000);
			try {
				const again = relayed.reconnect();
				await waitFor(() => again.provider.isSynced, 'the parent to reconnect');
				again.provider.sendStateless(encodeStoreRequest(1));
				await waitFor(() => again.answeredRequests.includes(1), 'the store request to be answered');
				const stored = await loadStoredDoc(database.db, relayed.name);
				expect(readMeetingDoc(stored).familyViews.text).toBe(SAID);
				again.close();
			} finally {
				await relayed.stopFailingServer();
			}
		}
	);
});

const SAID = 'Said just before the server went';

/**
 * The parent types on a server that can no longer write to the database (as one about
 * to die), and the edit is relayed to a second server where the SENCo is.
 */
async function relayedButUnwritten(
	{ database, team, startServer }: Pick<CollabFixtures, 'database' | 'team' | 'startServer'>,
	settleAfterMs: number
) {
	const options: TestServerOptions = {
		redis: { url: redisUrl ?? '', prefix: testRedisPrefix() },
		relaySettling: { settleAfterMs, checkEveryMs: 100 }
	};
	const failing = switchableDatabase(database.db);
	const a = await startCollabTestServer(failing.db, options);
	const b = await startServer(options);
	const meetingId = await createMeeting(database.db, team);
	const name = meetingDocumentName(meetingId);
	const parentDoc = new Y.Doc();
	const cookie = team.member('parent').cookie;
	const onA = connectProvider({ url: a.url, name, cookie, document: parentDoc });
	await waitFor(() => onA.provider.isSynced, 'the parent to open the meeting');
	const senco = connectProvider({ url: b.url, name, cookie: team.member('senco').cookie });
	await waitFor(() => senco.provider.isSynced, 'the SENCo to open the meeting');
	await a.collab.flushUpdateLog();
	const unattributedBefore = await unattributedRows(database.db, name);
	failing.state.down = true;
	setFieldText(parentDoc, 'familyViews', SAID);
	await waitFor(
		() => readMeetingDoc(senco.document).familyViews.text === SAID,
		'the edit to be relayed'
	);
	// Gone, as far as the parent can tell.
	onA.close();
	return {
		name,
		unattributedBefore,
		reconnect: () => connectProvider({ url: b.url, name, cookie, document: parentDoc }),
		async stopFailingServer() {
			senco.close();
			failing.state.down = false;
			await a.stop();
		}
	};
}

describe.skipIf(!redisUrl)('a new meeting opened on two servers at once', () => {
	collabTest('is created once', async ({ database, team, startServer }) => {
		const [a, b] = await twoServers({ startServer });
		for (let attempt = 0; attempt < 5; attempt += 1) {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const [onA, onB] = await Promise.all([
				a.collab.hocuspocus.openDirectConnection(name, { user: null }),
				b.collab.hocuspocus.openDirectConnection(name, { user: null })
			]);
			await waitFor(
				() =>
					!!onA.document &&
					!!onB.document &&
					JSON.stringify(readMeetingDoc(onA.document)) ===
						JSON.stringify(readMeetingDoc(onB.document)),
				'both copies to agree'
			);
			const items = onA.document ? readMeetingDoc(onA.document).agenda.items : [];
			expect(items.length).toBeGreaterThan(0);
			expect(new Set(items.map((item) => item.title)).size).toBe(items.length);
			await Promise.all([onA.disconnect(), onB.disconnect()]);
		}
	});
});

describe('a server whose Redis is unreachable', () => {
	collabTest(
		'still opens meetings and stores edits, alone, and refuses to erase',
		async ({ database, team, clients, startServer }) => {
			const alone = await startServer({
				redis: {
					url: 'redis://127.0.0.1:1',
					prefix: testRedisPrefix(),
					joinWithinMs: 200,
					ackTimeoutMs: 300
				}
			});
			const meetingId = await createMeeting(database.db, team);
			const parent = await clients.openMeeting(team.member('parent'), meetingId, { server: alone });
			setFieldText(parent.document, 'familyViews', 'Written while Redis was away');
			await waitFor(() => ownEditsStored(parent), 'the edit to be stored');
			const stored = await loadStoredDoc(database.db, meetingDocumentName(meetingId));
			expect(readMeetingDoc(stored).familyViews.text).toBe('Written while Redis was away');
			// Applied here, even though the others cannot be told.
			await database.db
				.update(meetings)
				.set({ status: 'closed' })
				.where(eq(meetings.id, meetingId));
			await alone.collab.live.meetingAccessChanged(meetingId);
			await waitFor(() => parent.provider.authorizedScope === 'readonly', 'the parent to be told');
			await expect(alone.collab.live.erase([meetingDocumentName(meetingId)])).rejects.toThrow(
				/Redis|in time/
			);
		}
	);
});
