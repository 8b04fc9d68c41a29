import { describe, expect } from 'vitest';
import * as Y from 'yjs';
import {
	appendUpdates,
	loadStoredDoc,
	readLog,
	readStoredDocument,
	writeState
} from '../documentStore.ts';
import { documents } from '../../db/schema.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import {
	addDecision,
	initMeetingDoc,
	readMeetingDoc,
	setFieldText
} from '../../../shared/collab/meetingDoc.ts';
import { createMeeting } from '../../testing/factories.ts';
import { collabTest, type CollabFixtures } from '../testing/collabTest.ts';
import { ownEditsStored, waitFor, waitUntil } from '../testing/collabTestServer.ts';
import { encodeStoreRequest } from '../../../shared/collab/savingNotices.ts';

async function meetingOf({ database, team }: Pick<CollabFixtures, 'database' | 'team'>) {
	const meetingId = await createMeeting(database.db, team);
	return { meetingId, name: meetingDocumentName(meetingId) };
}

const mentions = (update: Uint8Array, text: string) =>
	Buffer.from(update).includes(Buffer.from(text, 'utf8'));

async function readLogMentions(
	database: CollabFixtures['database'],
	name: string,
	text: string
): Promise<boolean> {
	return (await readLog(database.db, name)).some((row) => mentions(row.update, text));
}

describe('the update log', () => {
	collabTest(
		'writes each received update with its author within a second',
		async ({ database, team, clients }) => {
			const { meetingId, name } = await meetingOf({ database, team });
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			const salt = await clients.openMeeting(team.member('salt'), meetingId);

			const typedAt = Date.now();
			setFieldText(senco.document, 'familyViews', 'Typed by the SENCo');
			await waitUntil(
				async () => (await readLog(database.db, name)).some((row) => mentions(row.update, 'SENCo')),
				'the SENCo’s update in the log',
				1000
			);
			expect(Date.now() - typedAt).toBeLessThan(1000);
			setFieldText(salt.document, 'worries', 'Typed by the therapist');
			await waitUntil(
				async () =>
					(await readLog(database.db, name)).some((row) => mentions(row.update, 'therapist')),
				'the therapist’s update in the log',
				1000
			);

			const log = await readLog(database.db, name);
			const authorOf = (text: string) => log.find((row) => mentions(row.update, text))?.userId;
			expect(authorOf('Typed by the SENCo')).toBe(team.member('senco').id);
			expect(authorOf('Typed by the therapist')).toBe(team.member('salt').id);
			// The document was created from casework by the server itself: no author.
			expect(log[0]?.userId).toBeNull();
			expect(log.map((row) => row.seq)).toEqual(
				[...log.map((row) => row.seq)].sort((a, b) => a - b)
			);
		}
	);

	collabTest(
		'writes everything received, log and state, when the server stops',
		async ({ database, team, clients, startServer }) => {
			const { meetingId, name } = await meetingOf({ database, team });
			// A server of this test's own, since the test stops it.
			const server = await startServer();
			const senco = await clients.openMeeting(team.member('senco'), meetingId, { server });
			addDecision(senco.document, 'Decided just before shutdown');
			const live = () => server.collab.hocuspocus.documents.get(name);
			await waitFor(() => {
				const document = live();
				return document !== undefined && readMeetingDoc(document).decisions.length === 1;
			}, 'the server to apply the decision');
			// Stop at once: inside the batching window, before any timer has fired.
			await server.stop();
			const log = await readLog(database.db, name);
			expect(log.some((row) => mentions(row.update, 'shutdown'))).toBe(true);
			const stored = await readStoredDocument(database.db, name);
			expect(stored.compactedSeq).toBe(log.at(-1)?.seq);
			expect(stored.pending).toEqual([]);
			const state = new Y.Doc();
			if (stored.state) Y.applyUpdate(state, stored.state);
			expect(readMeetingDoc(state).decisions[0]?.text.text).toBe('Decided just before shutdown');
		}
	);

	collabTest(
		'loads the state plus the log written after it',
		async ({ database, team, clients }) => {
			const { meetingId, name } = await meetingOf({ database, team });
			// A stored state, then two later updates that only the log holds.
			const base = new Y.Doc();
			initMeetingDoc(base, {
				meetingId,
				childId: 'ignored',
				meetingType: 'ehcp_annual_review',
				agenda: [{ title: 'From the stored state' }],
				attendees: [],
				contributions: [],
				carriedActions: []
			});
			const first = await appendUpdates(database.db, [
				{
					documentName: name,
					update: Y.encodeStateAsUpdate(base),
					userId: null,
					receivedAt: new Date()
				}
			]);
			await writeState(database.db, name, Y.encodeStateAsUpdate(base), first ?? 0);
			const before = Y.encodeStateVector(base);
			addDecision(base, 'Only in the log');
			await appendUpdates(database.db, [
				{
					documentName: name,
					update: Y.encodeStateAsUpdate(base, before),
					userId: team.member('senco').id,
					receivedAt: new Date()
				}
			]);
			const reader = await clients.openMeeting(team.member('parent'), meetingId);
			const meeting = readMeetingDoc(reader.document);
			expect(meeting.agenda.items.map((item) => item.title)).toEqual(['From the stored state']);
			expect(meeting.decisions.map((decision) => decision.text.text)).toEqual(['Only in the log']);
		}
	);

	collabTest(
		'adopts a state saved before the log existed as the log’s first, unattributed row',
		async ({ database, team, clients }) => {
			const { meetingId, name } = await meetingOf({ database, team });
			const legacy = new Y.Doc();
			initMeetingDoc(legacy, {
				meetingId,
				childId: 'ignored',
				meetingType: 'ehcp_annual_review',
				agenda: [{ title: 'Legacy agenda' }],
				attendees: [],
				contributions: [],
				carriedActions: []
			});
			await database.db.insert(documents).values({ name, state: Y.encodeStateAsUpdate(legacy) });
			const reader = await clients.openMeeting(team.member('senco'), meetingId);
			expect(readMeetingDoc(reader.document).agenda.items[0]?.title).toBe('Legacy agenda');
			const log = await readLog(database.db, name);
			expect(log).toHaveLength(1);
			expect(log[0]?.userId).toBeNull();
			const replayed = await loadStoredDoc(database.db, name);
			expect(readMeetingDoc(replayed).agenda.items[0]?.title).toBe('Legacy agenda');
		}
	);
});

describe('telling each client which of its edits are stored', () => {
	collabTest(
		'a stored notice covers an edit only once its update is in the log',
		async ({ database, team, clients }) => {
			const { meetingId, name } = await meetingOf({ database, team });
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			// The first notice lists the whole stored state vector.
			await waitFor(() => senco.storedNotices.full > 0, 'the full stored state vector');

			setFieldText(senco.document, 'familyViews', 'Stored before it says so');
			expect(ownEditsStored(senco)).toBe(false);
			await waitFor(() => ownEditsStored(senco), 'the edit to be reported stored');
			// Reported stored: it must already be in the database.
			const log = await readLog(database.db, name);
			expect(log.some((row) => mentions(row.update, 'Stored before it says so'))).toBe(true);
		}
	);

	collabTest(
		'a reconnecting client learns that what it sent before is stored',
		async ({ database, team, clients }) => {
			const { meetingId } = await meetingOf({ database, team });
			const first = await clients.openMeeting(team.member('senco'), meetingId);
			setFieldText(first.document, 'worries', 'Sent, then the page closed');
			await waitFor(() => ownEditsStored(first), 'the edit to be stored');
			const typedBy = first.document.clientID;
			const clock = first.stored.get(typedBy);
			first.close();

			const again = await clients.openMeeting(team.member('senco'), meetingId);
			await waitFor(() => again.stored.has(typedBy), 'the full stored state vector');
			expect(again.stored.get(typedBy)).toBe(clock);
		}
	);

	collabTest(
		'a store request is answered once everything sent before it is written (a deletion too)',
		async ({ database, team, clients }) => {
			const { meetingId, name } = await meetingOf({ database, team });
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			setFieldText(senco.document, 'familyViews', 'Soon deleted');
			await waitFor(() => ownEditsStored(senco), 'the text to be stored');
			const rowsBefore = (await readLog(database.db, name)).length;

			setFieldText(senco.document, 'familyViews', '');
			senco.provider.sendStateless(encodeStoreRequest(7));
			await waitFor(() => senco.answeredRequests.includes(7), 'the store request to be answered');
			// The deletion moved no clock, yet it was written before the answer came.
			expect((await readLog(database.db, name)).length).toBeGreaterThan(rowsBefore);
		}
	);

	collabTest(
		'only the connections whose edits a batch holds are told it is stored',
		async ({ database, team, clients }) => {
			const { meetingId, name } = await meetingOf({ database, team });
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			const parent = await clients.openMeeting(team.member('parent'), meetingId);
			await waitFor(() => parent.storedNotices.full > 0, 'the full stored state vector');

			setFieldText(senco.document, 'familyViews', 'Typed by the SENCo');
			await waitFor(() => ownEditsStored(senco), 'the SENCo’s edit to be stored');
			await waitFor(
				() => readMeetingDoc(parent.document).familyViews.text === 'Typed by the SENCo',
				'the edit to reach the parent'
			);
			// Anything sent to the parent with the SENCo's notice arrives before this answer.
			parent.provider.sendStateless(encodeStoreRequest(1));
			await waitFor(() => parent.answeredRequests.includes(1), 'the parent’s store request');
			// The parent has the text from the server: nothing of theirs waited to be stored.
			expect(parent.storedNotices.changes).toBe(0);
			expect(parent.stored.has(senco.document.clientID)).toBe(false);

			setFieldText(parent.document, 'worries', 'Typed by the parent');
			await waitFor(() => ownEditsStored(parent), 'the parent’s edit to be stored');
			expect(parent.storedNotices.changes).toBeGreaterThan(0);
			expect(await readLogMentions(database, name, 'Typed by the parent')).toBe(true);
		}
	);
});
