import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { addAction, setActionOwner, setFieldText } from '../../../shared/collab/meetingDoc.ts';
import { addRestrictedNote, readRestrictedDoc } from '../../../shared/collab/restrictedDoc.ts';
import { collabTest } from '../../collab/testing/collabTest.ts';
import { waitFor, waitForSaved } from '../../collab/testing/collabTestServer.ts';
import { meetings, minutesVersions } from '../../db/schema.ts';
import { fingerprint } from '../../minutes/fingerprint.ts';
import { loadActor } from '../../policy.ts';
import { createMeeting } from '../../testing/factories.ts';
import { closeMeeting, reopenMeeting } from '../meetings/closeMeeting.ts';
import {
	changesSincePrevious,
	freezeMinutes,
	listMinutesVersions,
	loadMinutesVersion
} from './minutesVersions.ts';

describe('closing a meeting freezes its minutes', () => {
	collabTest(
		'stores version 1 with what everyone wrote, who closed it and a fingerprint',
		async ({ database, server, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const parent = await clients.openMeeting(team.member('parent'), meetingId);
			const social = clients.connectRestricted(team.member('socialWorker'), meetingId);
			await waitFor(() => social.provider.isSynced, 'the restricted document to open');
			addRestrictedNote(social.document, {
				category: 'safeguarding',
				text: 'Known to children’s services',
				authorUserId: team.member('socialWorker').id,
				authorName: team.member('socialWorker').name
			});
			await waitForSaved(social);
			// Typed just before the close: still only in the server's memory, not yet stored.
			setFieldText(parent.document, 'familyViews', 'He is happier at school');
			await waitFor(() => parent.provider.unsyncedChanges === 0, 'the edit to reach the server');

			const chair = await loadActor(database.db, team.member('senco').id);
			expect(await closeMeeting(database.db, server.collab.live, chair, meetingId)).toEqual({
				ok: true
			});

			const versions = await listMinutesVersions(database.db, meetingId);
			expect(versions).toHaveLength(1);
			expect(versions[0]).toMatchObject({ version: 1, closedByName: team.member('senco').name });
			const frozen = await loadMinutesVersion(database.db, meetingId, 1);
			expect(frozen?.minutes.familyViews).toBe('He is happier at school');
			expect(frozen?.minutes.child.firstName).toBe('Aaron');
			expect(frozen?.contentHash).toBe(fingerprint(frozen?.minutes));
			expect(frozen?.restricted?.notes.map((note) => note.text)).toEqual([
				'Known to children’s services'
			]);
			expect(frozen?.restrictedHash).toBe(fingerprint(frozen?.restricted));
			const [meeting] = await database.db.select().from(meetings).where(eq(meetings.id, meetingId));
			expect(versions[0]?.closedAt).toEqual(meeting?.closedAt);
			// The stored Yjs state is the document at the close.
			const [row] = await database.db
				.select()
				.from(minutesVersions)
				.where(eq(minutesVersions.meetingId, meetingId));
			expect(row?.documentState.length).toBeGreaterThan(100);
			expect(readRestrictedDoc(social.document).notes).toHaveLength(1);
		}
	);

	collabTest(
		'makes version 2 after reopening, keeps version 1 as it was and says what changed',
		async ({ database, server, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const chair = await loadActor(database.db, team.member('senco').id);
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			setFieldText(senco.document, 'childViews', 'I like drums');
			await waitForSaved(senco);
			await closeMeeting(database.db, server.collab.live, chair, meetingId);
			const first = await loadMinutesVersion(database.db, meetingId, 1);

			await reopenMeeting(database.db, server.collab.live, chair, meetingId, 'We forgot an action');
			await waitFor(() => senco.provider.authorizedScope === 'read-write', 'editing again');
			const author = { userId: team.member('senco').id };
			const actionId = addAction(senco.document, { text: 'Book a hearing test' }, author);
			setActionOwner(
				senco.document,
				actionId,
				{ userId: team.member('salt').id, agency: 'NHS' },
				author
			);
			await waitForSaved(senco);
			await closeMeeting(
				database.db,
				server.collab.live,
				chair,
				meetingId,
				new Date(Date.now() + 1000)
			);

			expect((await listMinutesVersions(database.db, meetingId)).map((v) => v.version)).toEqual([
				1, 2
			]);
			expect(await loadMinutesVersion(database.db, meetingId, 1)).toEqual(first);
			const second = await loadMinutesVersion(database.db, meetingId, 2);
			expect(second?.minutes.actions.map((a) => [a.text, a.ownerName])).toEqual([
				['Book a hearing test', team.member('salt').name]
			]);
			expect(second?.contentHash).not.toBe(first?.contentHash);
			expect(await changesSincePrevious(database.db, meetingId, 2)).toEqual([
				{
					section: 'Actions',
					changes: [{ kind: 'added', subject: 'Action 1: Book a hearing test', details: [] }]
				}
			]);
			expect(await changesSincePrevious(database.db, meetingId, 1)).toBeNull();
		}
	);

	collabTest(
		'stores one version per close however often it is asked',
		async ({ database, server, team }) => {
			const meetingId = await createMeeting(database.db, team);
			const closedAt = new Date('2027-03-12T11:00:00Z');
			const request = { meetingId, closedBy: team.member('senco').id, closedAt };
			const [a, b] = await Promise.all([
				freezeMinutes(database.db, server.collab.live, request),
				freezeMinutes(database.db, server.collab.live, request)
			]);
			expect(a).toEqual(b);
			expect(await listMinutesVersions(database.db, meetingId)).toHaveLength(1);
			// Nobody opened this meeting: its minutes show what it starts with from casework.
			const frozen = await loadMinutesVersion(database.db, meetingId, 1);
			expect(frozen?.minutes.attendees.map((a) => a.name).sort()).toEqual(
				Object.values(team.people)
					.map((p) => p.name)
					.sort()
			);
			expect(frozen?.restricted).toBeNull();
		}
	);
});
