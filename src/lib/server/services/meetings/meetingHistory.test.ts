import { describe, expect } from 'vitest';
import * as Y from 'yjs';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import {
	addAction,
	addOutcome,
	initMeetingDoc,
	setFieldText
} from '../../../shared/collab/meetingDoc.ts';
import { appendUpdates } from '../../collab/documentStore.ts';
import { collabTest } from '../../collab/testing/collabTest.ts';
import { waitForSaved } from '../../collab/testing/collabTestServer.ts';
import type { TestDatabase } from '../../db/testing.ts';
import { createMeeting, createUser } from '../../testing/factories.ts';
import { meetingAsOf, meetingTimeline } from './meetingHistory.ts';

// The longest batch the live server allows, so a read that does not flush would miss it.
collabTest.override('serverOptions', { updateLogDelayMs: 250 });

/**
 * Records changes the way the live server logs them: each change made on a replica is
 * one update, with its author and the time it arrived.
 */
async function recordMeeting(
	database: TestDatabase,
	meetingId: string,
	steps: [string | null, string, (doc: Y.Doc) => void][]
) {
	const doc = new Y.Doc();
	const rows: Parameters<typeof appendUpdates>[1] = [];
	doc.on('update', (update: Uint8Array, origin: { userId: string | null; at: string }) => {
		rows.push({
			documentName: meetingDocumentName(meetingId),
			update,
			userId: origin.userId,
			receivedAt: new Date(origin.at)
		});
	});
	for (const [userId, at, change] of steps) doc.transact(() => change(doc), { userId, at });
	await appendUpdates(database.db, rows);
	return doc;
}

describe('meeting history', () => {
	collabTest(
		'tells who changed which sections, grouped by person and minute',
		async ({ database, server }) => {
			const meetingId = crypto.randomUUID();
			const priya = (await createUser(database.db, { name: 'Priya Shah' })).id;
			const sam = (await createUser(database.db, { name: 'Sam Okafor' })).id;
			await recordMeeting(database, meetingId, [
				[
					null,
					'2026-11-24T10:00:05Z',
					(doc) =>
						initMeetingDoc(doc, {
							meetingId,
							childId: 'c',
							meetingType: 'ehcp_annual_review',
							agenda: [{ title: 'Welcome' }],
							attendees: [],
							contributions: [],
							carriedActions: []
						})
				],
				[priya, '2026-11-24T10:01:10Z', (doc) => setFieldText(doc, 'familyViews', 'Signs at home')],
				[
					priya,
					'2026-11-24T10:01:40Z',
					(doc) => addOutcome(doc, { areaOfNeed: null, text: 'Ask for help' })
				],
				[
					sam,
					'2026-11-24T10:01:50Z',
					(doc) => addAction(doc, { text: 'Booklet' }, { userId: sam })
				],
				[priya, '2026-11-24T10:03:00Z', (doc) => setFieldText(doc, 'worries', 'Assemblies')]
			]);

			const timeline = await meetingTimeline(database.db, server.collab.live, meetingId);
			expect(
				timeline.map((entry) => [
					entry.userName,
					entry.minute.toISOString(),
					entry.sections,
					entry.updates
				])
			).toEqual([
				[null, '2026-11-24T10:00:00.000Z', ['agenda'], 1],
				['Priya Shah', '2026-11-24T10:01:00.000Z', ['familyViews', 'outcomes'], 2],
				['Sam Okafor', '2026-11-24T10:01:00.000Z', ['actions'], 1],
				['Priya Shah', '2026-11-24T10:03:00.000Z', ['workingAndWorries'], 1]
			]);
			expect(timeline[1]?.userId).toBe(priya);
			expect(timeline[1]?.firstAt.toISOString()).toBe('2026-11-24T10:01:10.000Z');
			expect(timeline[1]?.lastAt.toISOString()).toBe('2026-11-24T10:01:40.000Z');
		}
	);

	collabTest('shows the document as it was at a chosen time', async ({ database, server }) => {
		const meetingId = crypto.randomUUID();
		const priya = (await createUser(database.db, { name: 'Priya Shah' })).id;
		await recordMeeting(database, meetingId, [
			[priya, '2026-11-24T10:00:00Z', (doc) => setFieldText(doc, 'familyViews', 'First draft')],
			[priya, '2026-11-24T10:05:00Z', (doc) => setFieldText(doc, 'familyViews', 'Second draft')],
			[
				priya,
				'2026-11-24T10:10:00Z',
				(doc) => addAction(doc, { text: 'Later action' }, { userId: priya })
			]
		]);
		expect(
			await meetingAsOf(
				database.db,
				server.collab.live,
				meetingId,
				new Date('2026-11-24T09:59:59Z')
			)
		).toBeNull();
		const early = await meetingAsOf(
			database.db,
			server.collab.live,
			meetingId,
			new Date('2026-11-24T10:04:00Z')
		);
		expect(early?.familyViews.text).toBe('First draft');
		expect(early?.actions).toEqual([]);
		const middle = await meetingAsOf(
			database.db,
			server.collab.live,
			meetingId,
			new Date('2026-11-24T10:05:00Z')
		);
		expect(middle?.familyViews.text).toBe('Second draft');
		const now = await meetingAsOf(
			database.db,
			server.collab.live,
			meetingId,
			new Date('2026-11-25T00:00:00Z')
		);
		expect(now?.actions.map((action) => action.text.text)).toEqual(['Later action']);
	});

	collabTest(
		'includes an edit the live server received a moment ago',
		async ({ database, server, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const parent = team.member('parent');
			const connection = await clients.openMeeting(parent, meetingId);
			setFieldText(connection.document, 'familyViews', 'Written just now');
			await waitForSaved(connection);

			const timeline = await meetingTimeline(database.db, server.collab.live, meetingId);
			expect(timeline.at(-1)).toMatchObject({ userId: parent.id, sections: ['familyViews'] });
			const asNow = await meetingAsOf(
				database.db,
				server.collab.live,
				meetingId,
				new Date(Date.now() + 1000)
			);
			expect(asNow?.familyViews.text).toBe('Written just now');
		}
	);
});
