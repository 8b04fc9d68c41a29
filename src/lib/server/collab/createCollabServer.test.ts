import { WebSocketStatus } from '@hocuspocus/provider';
import { randomUUID } from 'node:crypto';
import { describe, expect, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { loadStoredDoc, readLog } from './documentStore.ts';
import { COLLAB_DENIAL, MAX_MESSAGE_BYTES } from '../../shared/collab/closeCodes.ts';
import { meetingDocumentName } from '../../shared/collab/documentName.ts';
import { encodeStoreRequest } from '../../shared/collab/savingNotices.ts';
import {
	addAction,
	fieldFragment,
	moveListItem,
	readMeetingDoc,
	removeListItem,
	setActionStatus,
	setFieldText,
	type ActionStatus
} from '../../shared/collab/meetingDoc.ts';
import { createMeeting, createSignedInUser } from '../testing/factories.ts';
import { collabTest } from './testing/collabTest.ts';
import {
	ownEditsStored,
	waitFor,
	waitForSaved,
	type CollabTestServer,
	type TestConnection
} from './testing/collabTestServer.ts';

// Each test has its own child (the `team` fixture): a child's later meeting carries the
// earlier one's actions.

/** The character-level text node of a field's first paragraph. */
function textOf(doc: Y.Doc, fieldId: string): Y.XmlText {
	const paragraph = fieldFragment(doc, fieldId)?.get(0);
	const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
	if (!(text instanceof Y.XmlText)) throw new Error(`no text in ${fieldId}`);
	return text;
}

const snapshot = (connection: TestConnection) => readMeetingDoc(connection.document);

describe('collaboration server on /collab', () => {
	collabTest('syncs one meeting between two team members', async ({ database, team, clients }) => {
		const meetingId = await createMeeting(database.db, team);
		const senco = await clients.openMeeting(team.member('senco'), meetingId);
		const parent = await clients.openMeeting(team.member('parent'), meetingId);
		setFieldText(senco.document, 'familyViews', 'Aaron uses signs at home');
		await waitFor(
			() => snapshot(parent).familyViews.text === 'Aaron uses signs at home',
			'the parent to receive the SENCo’s edit'
		);
		addAction(
			parent.document,
			{ text: 'Share the home signs' },
			{ userId: team.member('parent').id }
		);
		await waitFor(
			() => snapshot(senco).actions.some((a) => a.text.text === 'Share the home signs'),
			'the SENCo to receive the parent’s action'
		);
		expect(snapshot(senco)).toEqual(snapshot(parent));
	});

	collabTest(
		'brings ten clients typing and adding at once to the same document',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const keys = ['senco', 'parent', 'salt', 'socialWorker'];
			const connections = await Promise.all(
				Array.from({ length: 10 }, (_, index) =>
					clients.openMeeting(team.member(keys[index % keys.length] ?? 'senco'), meetingId)
				)
			);
			const [first] = connections;
			if (!first) throw new Error('no clients');
			setFieldText(first.document, 'childViews', '|');
			await waitFor(
				() => connections.every((c) => snapshot(c).childViews.text === '|'),
				'everyone to see the field'
			);
			connections.forEach((client, index) => {
				textOf(client.document, 'childViews').insert(0, `c${index};`);
				addAction(client.document, { text: `Action from client ${index}` }, { userId: null });
			});
			await waitFor(
				() =>
					connections.every(
						(c) =>
							snapshot(c).actions.length === 10 &&
							JSON.stringify(snapshot(c)) === JSON.stringify(snapshot(first))
					),
				'all ten clients to converge'
			);
			const text = snapshot(first).childViews.text;
			for (let index = 0; index < 10; index++) expect(text).toContain(`c${index};`);
		}
	);

	collabTest(
		'merges concurrent edits to the same text and the same list',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const a = await clients.openMeeting(team.member('senco'), meetingId);
			const b = await clients.openMeeting(team.member('salt'), meetingId);
			const first = addAction(a.document, { text: 'Make a booklet' }, { userId: null });
			const second = addAction(a.document, { text: 'Visit home' }, { userId: null });
			setFieldText(a.document, 'working', 'Visual timetable');
			await waitFor(() => snapshot(b).actions.length === 2, 'B to receive the actions');
			await waitFor(() => snapshot(b).workingAndWorries.working.text !== '', 'B to get the text');

			// Both edit before either hears of the other's change.
			textOf(a.document, 'working').insert(0, 'Daily ');
			textOf(b.document, 'working').insert('Visual timetable'.length, ' and signs');
			removeListItem(a.document, 'actions', first);
			setFieldText(b.document, `actions:${first}:text`, 'Make a signs booklet');
			moveListItem(b.document, 'actions', second, 0);
			addAction(a.document, { text: 'From A' }, { userId: null });
			addAction(b.document, { text: 'From B' }, { userId: null });

			await waitFor(
				() => JSON.stringify(snapshot(a)) === JSON.stringify(snapshot(b)),
				'A and B to converge'
			);
			const merged = snapshot(a);
			expect(merged.workingAndWorries.working.text).toBe('Daily Visual timetable and signs');
			expect(merged.actions.map((action) => action.text.text).sort()).toEqual(
				['From A', 'From B', 'Visit home'].sort()
			);
			expect(merged.actions.map((action) => action.id)).not.toContain(first);
		}
	);

	collabTest(
		'refuses a connection without a session cookie, with a coded reason',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const anonymous = clients.connect({ name: meetingDocumentName(meetingId) });
			expect(await anonymous.authenticationFailure).toBe(COLLAB_DENIAL.unauthenticated);
		}
	);

	collabTest('refuses a tampered session cookie', async ({ clients }) => {
		const forged = clients.connect({
			name: meetingDocumentName(randomUUID()),
			cookie: 'coplan_session=' + 'a'.repeat(32)
		});
		expect(await forged.authenticationFailure).toBe(COLLAB_DENIAL.unauthenticated);
	});

	collabTest(
		'refuses document names of an unknown shape and meetings that do not exist',
		async ({ database, team, clients }) => {
			const { cookie } = await createSignedInUser(database.db);
			const odd = clients.connect({ name: '../../etc/passwd', cookie });
			expect(await odd.authenticationFailure).toBe(COLLAB_DENIAL.unknownDocument);
			const missing = clients.connect({
				name: meetingDocumentName(randomUUID()),
				cookie: team.member('senco').cookie
			});
			expect(await missing.authenticationFailure).toBe(COLLAB_DENIAL.unknownDocument);
		}
	);

	collabTest(
		'refuses __proto__ and constructor quietly, and the socket’s meeting carries on',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const websocket = clients.openWebsocket({ cookie: team.member('senco').cookie });
			const meeting = await clients.openMeeting(team.member('senco'), meetingId, { websocket });
			const errors: unknown[] = [];
			const spy = vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
			try {
				for (const name of ['__proto__', 'constructor', 'hasOwnProperty']) {
					const odd = clients.connect({ name, cookie: team.member('senco').cookie, websocket });
					expect(await odd.authenticationFailure).toBe(COLLAB_DENIAL.unknownDocument);
				}
			} finally {
				spy.mockRestore();
			}
			expect(errors).toEqual([]);
			expect(websocket.closeCodes).toEqual([]);
			setFieldText(meeting.document, 'familyViews', 'Still connected');
			await waitForSaved(meeting);
		}
	);

	collabTest(
		'rejects an upgrade from another site’s page (cross-site websocket hijacking)',
		async ({ database, server }) => {
			const { cookie } = await createSignedInUser(database.db);
			const response = await new Promise<number>((resolve, reject) => {
				const socket = new WebSocket(server.url, {
					headers: { cookie, origin: 'https://evil.example' }
				});
				socket.on('unexpected-response', (_request, res) => resolve(res.statusCode ?? 0));
				socket.on('open', () => reject(new Error('upgrade should have been refused')));
				socket.on('error', () => {});
			});
			expect(response).toBe(403);
		}
	);

	collabTest(
		'keeps the state and the update log across a server restart',
		async ({ database, team, clients, startServer }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const before = await startServer();
			const writer = await clients.openMeeting(team.member('senco'), meetingId, { server: before });
			setFieldText(writer.document, 'familyViews', 'Kept after restart');
			await waitForSaved(writer);
			await before.stop();
			const logBefore = await readLog(database.db, name);
			const after = await startServer();
			const reader = await clients.openMeeting(team.member('parent'), meetingId, { server: after });
			expect(snapshot(reader).familyViews.text).toBe('Kept after restart');
			// One document, created once: the restart did not seed the casework a second time.
			expect(snapshot(reader).agenda.items).toHaveLength(2);
			const logAfter = await readLog(database.db, name);
			expect(logAfter.slice(0, logBefore.length)).toEqual(logBefore);
			expect(logBefore.some((row) => row.userId === team.member('senco').id)).toBe(true);
		}
	);
});

describe('bad input', () => {
	function rawSocket(server: CollabTestServer, cookie: string): Promise<WebSocket> {
		return new Promise((resolve, reject) => {
			const socket = new WebSocket(server.url, { headers: { cookie } });
			socket.on('open', () => resolve(socket));
			socket.on('error', reject);
		});
	}

	function closed(socket: WebSocket): Promise<number> {
		return new Promise((resolve) => socket.on('close', (code) => resolve(code)));
	}

	collabTest(
		'closes only the socket that sends a message over the message limit, with code 1009',
		async ({ database, server, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const bystander = await clients.openMeeting(team.member('salt'), meetingId);
			const socket = await rawSocket(server, team.member('senco').cookie);
			const code = closed(socket);
			socket.send(new Uint8Array(MAX_MESSAGE_BYTES + 1));
			expect(await code).toBe(1009);
			setFieldText(bystander.document, 'worries', 'Still here');
			await waitForSaved(bystander, 'the bystander to keep saving');
			expect(bystander.websocket.closeCodes).toEqual([]);
		}
	);

	collabTest(
		'survives malformed frames without affecting anyone else',
		async ({ database, server, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const bystander = await clients.openMeeting(team.member('salt'), meetingId);
			const socket = await rawSocket(server, team.member('senco').cookie);
			socket.on('error', () => {});
			const name = new TextEncoder().encode(meetingDocumentName(meetingId));
			const garbage = [
				new Uint8Array([]),
				new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]),
				new Uint8Array([name.length, ...name]),
				new Uint8Array([name.length, ...name, 0, 2, 0xff, 0xff, 0x01]),
				new Uint8Array([name.length, ...name, 42]),
				new Uint8Array([200, 1, 2, 3])
			];
			for (const frame of garbage) if (socket.readyState === WebSocket.OPEN) socket.send(frame);
			socket.close();
			setFieldText(bystander.document, 'worries', 'Unaffected');
			await waitForSaved(bystander, 'the bystander to keep saving');
			const again = await clients.openMeeting(team.member('parent'), meetingId);
			expect(snapshot(again).workingAndWorries.worries.text).toBe('Unaffected');
		}
	);
});

describe('random concurrent editing with disconnects', () => {
	/** mulberry32: a small seeded generator, so that a failure can be replayed. */
	function random(seed: number): () => number {
		let state = seed;
		return () => {
			state = (state + 0x6d2b79f5) | 0;
			let t = Math.imul(state ^ (state >>> 15), 1 | state);
			t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
	}

	/** connect() is ignored until the closing socket has closed, so wait for that first. */
	async function reconnect(client: TestConnection): Promise<void> {
		await waitFor(
			() => client.websocket.provider.status === WebSocketStatus.Disconnected,
			'the socket to close'
		);
		void client.websocket.provider.connect();
	}

	for (const seed of [20261124, 20261203, 1234567]) {
		collabTest(
			`ends with identical documents on every client and in the database (seed ${seed})`,
			async ({ database, team, clients }) => {
				const next = random(seed);
				const pick = <T>(items: T[]): T | undefined => items[Math.floor(next() * items.length)];
				const meetingId = await createMeeting(database.db, team);
				const keys = ['senco', 'parent', 'salt', 'socialWorker'];
				const connections = await Promise.all(
					keys.map((key) => clients.openMeeting(team.member(key), meetingId))
				);
				const [first] = connections;
				if (!first) throw new Error('no clients');
				setFieldText(first.document, 'familyViews', 'Start');
				await waitFor(
					() => connections.every((c) => snapshot(c).familyViews.text === 'Start'),
					'everyone to see the field'
				);
				const offline = new Set<TestConnection>();
				const statuses: ActionStatus[] = ['open', 'in_progress', 'done', 'dropped'];

				for (let step = 0; step < 150; step++) {
					const client = pick(connections);
					if (!client) continue;
					const doc = client.document;
					const actions = readMeetingDoc(doc).actions;
					const roll = next();
					if (roll < 0.08) {
						if (offline.has(client)) {
							offline.delete(client);
							await reconnect(client);
						} else {
							offline.add(client);
							client.websocket.provider.disconnect();
						}
					} else if (roll < 0.45) {
						const text = textOf(doc, 'familyViews');
						text.insert(
							Math.floor(next() * (text.length + 1)),
							String.fromCharCode(97 + (step % 26))
						);
					} else if (roll < 0.55) {
						const text = textOf(doc, 'familyViews');
						if (text.length > 2) text.delete(Math.floor(next() * (text.length - 1)), 1);
					} else if (roll < 0.7) {
						addAction(doc, { text: `Step ${step}` }, { userId: null });
					} else if (roll < 0.78) {
						const action = pick(actions);
						if (action) removeListItem(doc, 'actions', action.id);
					} else if (roll < 0.88) {
						const action = pick(actions);
						if (action)
							moveListItem(doc, 'actions', action.id, Math.floor(next() * actions.length));
					} else {
						const action = pick(actions);
						const status = pick(statuses);
						if (action && status) setActionStatus(doc, action.id, status, { userId: null });
					}
					// Let some messages through between steps, so edits interleave with delivery.
					if (step % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
				}
				for (const client of offline) await reconnect(client);
				await waitFor(
					() => connections.every((c) => c.provider.isSynced && c.provider.unsyncedChanges === 0),
					'every client to reconnect and be saved',
					15_000
				);
				await waitFor(
					() =>
						connections.every(
							(c) => JSON.stringify(snapshot(c)) === JSON.stringify(snapshot(first))
						),
					'every client to converge',
					15_000
				);
				const expected = snapshot(first);
				expect(expected.actions.length).toBeGreaterThan(0);

				// Once every client has been told its edits are stored, the database holds them all.
				await waitFor(
					() => connections.every((c) => ownEditsStored(c)),
					'every client to be told its edits are stored',
					15_000
				);
				// Deletions move no clock: a store request is answered once everything is written.
				first.provider.sendStateless(encodeStoreRequest(1));
				await waitFor(() => first.answeredRequests.includes(1), 'the store request');
				const name = meetingDocumentName(meetingId);
				expect(readMeetingDoc(await loadStoredDoc(database.db, name))).toEqual(expected);
			},
			60_000
		);
	}
});
