import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import * as Y from 'yjs';
import { readLog } from '../documentStore.ts';
import { actions, documents, meetingInvitees } from '../../db/schema.ts';
import { COLLAB_DENIAL } from '../../../shared/collab/closeCodes.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import {
	addAction,
	MEETING_DOC_SCHEMA_VERSION,
	readMeetingDoc,
	setActionStatus
} from '../../../shared/collab/meetingDoc.ts';
import { createMeeting } from '../../testing/factories.ts';
import { collabTest } from '../testing/collabTest.ts';
import { waitUntil, waitForSaved } from '../testing/collabTestServer.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('creating the meeting document from the casework', () => {
	collabTest(
		'fills agenda, attendees, apologies, contributions and carries open actions forward',
		async ({ database, server, team, clients }) => {
			const senco = team.member('senco');
			const salt = team.member('salt');

			// The previous meeting, with one open and one finished action.
			const previousId = await createMeeting(database.db, team, {
				startsAt: new Date(Date.now() - 90 * DAY)
			});
			const previous = await clients.openMeeting(senco, previousId);
			const open = addAction(
				previous.document,
				{
					text: 'Teach staff the home signs',
					ownerUserId: salt.id,
					ownerAgency: 'NHS SaLT',
					dueDate: '2026-12-01'
				},
				{ userId: senco.id }
			);
			const finished = addAction(
				previous.document,
				{ text: 'Order a visual timetable' },
				{ userId: senco.id }
			);
			setActionStatus(previous.document, finished, 'done', { userId: senco.id });
			await waitForSaved(previous);
			await waitUntil(
				async () =>
					(await database.db.select().from(actions).where(eq(actions.meetingId, previousId)))
						.length === 2,
				'the previous meeting’s actions to be projected',
				8000
			);

			const meetingId = await createMeeting(database.db, team, {
				agenda: [
					{ id: 'a1', title: 'What people like about Aaron' },
					{ id: 'a2', title: 'Aaron’s views' }
				]
			});
			await database.db.insert(meetingInvitees).values([
				{
					meetingId,
					userId: salt.id,
					rsvp: 'cannot_attend',
					contribution: 'Aaron now uses 20 signs.',
					contributionAt: new Date('2026-11-20T09:00:00Z')
				},
				{ meetingId, userId: senco.id, rsvp: 'attending' }
			]);
			const live = await clients.openMeeting(team.member('parent'), meetingId);
			const meeting = readMeetingDoc(live.document);

			expect(meeting.meetingId).toBe(meetingId);
			expect(meeting.childId).toBe(team.childId);
			expect(meeting.agenda.items.map((item) => [item.id, item.title])).toEqual([
				['a1', 'What people like about Aaron'],
				['a2', 'Aaron’s views']
			]);
			expect(meeting.attendance.map((a) => [a.userId, a.role, a.status]).sort()).toEqual(
				[
					[senco.id, 'senco', 'expected'],
					[team.member('parent').id, 'parent_carer', 'expected'],
					[salt.id, 'salt', 'apologies'],
					[team.member('socialWorker').id, 'social_worker', 'expected']
				].sort()
			);
			expect(meeting.contributions).toMatchObject([
				{
					authorUserId: salt.id,
					role: 'salt',
					submittedAt: '2026-11-20T09:00:00.000Z',
					text: { text: 'Aaron now uses 20 signs.' }
				}
			]);

			expect(meeting.actions).toHaveLength(1);
			const [carried] = meeting.actions;
			expect(carried).toMatchObject({
				text: { text: 'Teach staff the home signs' },
				ownerUserId: salt.id,
				dueDate: '2026-12-01',
				status: 'open',
				carriedFrom: { actionId: open, meetingId: previousId }
			});
			expect(
				carried?.history.map((entry) => [entry.kind, entry.byUserId, entry.meetingId])
			).toEqual([
				['created', senco.id, previousId],
				['carried_forward', null, meetingId]
			]);
			// Created by the server, so the first log row has no author.
			await server.collab.flushUpdateLog();
			const log = await readLog(database.db, meetingDocumentName(meetingId));
			expect(log).toHaveLength(1);
			expect(log[0]?.userId).toBeNull();
		}
	);
});

describe('migrating stored documents', () => {
	collabTest(
		'upgrades a version-0 document when it is loaded, before anyone receives it',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const old = new Y.Doc();
			const agenda = old.getArray<Y.Map<unknown>>('agenda');
			const item = new Y.Map<unknown>();
			agenda.push([item]);
			item.set('id', 'only');
			item.set('title', 'Written by the prototype');
			await database.db.insert(documents).values({ name, state: Y.encodeStateAsUpdate(old) });

			const live = await clients.openMeeting(team.member('senco'), meetingId);
			expect(readMeetingDoc(live.document).schemaVersion).toBe(MEETING_DOC_SCHEMA_VERSION);
			expect(readMeetingDoc(live.document).agenda.items.map((i) => i.title)).toEqual([
				'Written by the prototype'
			]);
			await waitUntil(
				async () => (await readLog(database.db, name)).length === 2,
				'the migration in the log'
			);
		}
	);

	collabTest(
		'refuses a document written by a newer version of Coplan',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const newer = new Y.Doc();
			newer.getMap('meta').set('schemaVersion', MEETING_DOC_SCHEMA_VERSION + 1);
			await database.db
				.insert(documents)
				.values({ name: meetingDocumentName(meetingId), state: Y.encodeStateAsUpdate(newer) });
			const client = clients.connect({
				name: meetingDocumentName(meetingId),
				cookie: team.member('senco').cookie
			});
			expect(await client.authenticationFailure).toBe(COLLAB_DENIAL.schemaMismatch);
		}
	);
});
