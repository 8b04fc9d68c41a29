import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { meetings, teamMembers } from '../db/schema.ts';
import { type TestDatabase } from '../db/testing.ts';
import { COLLAB_DENIAL } from '../../shared/collab/closeCodes.ts';
import { meetingDocumentName } from '../../shared/collab/documentName.ts';
import { readMeetingDoc, setFieldText } from '../../shared/collab/meetingDoc.ts';
import { waitFor, waitForSaved, type CollabTestServer } from './testing/collabTestServer.ts';
import { openMeeting } from './testing/liveMeeting.ts';
import { createChildWithTeam, createMeeting } from './testing/meetingFixtures.ts';
import { teamMember as person, useCollabTestSuite } from './testing/collabTestSuite.ts';

let database: TestDatabase;
let server: CollabTestServer;
const cleanups: (() => void)[] = [];

useCollabTestSuite((started) => ({ database, server } = started), cleanups);

describe('access changes reach live connections', () => {
	it('disconnects someone removed from the team, and only them', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const senco = await openMeeting(server, person(team, 'senco'), meetingId, cleanups);
		const salt = await openMeeting(server, person(team, 'salt'), meetingId, cleanups);
		let refused: string | null = null;
		void salt.authenticationFailure.then((reason) => (refused = reason));

		await database.db
			.delete(teamMembers)
			.where(
				and(
					eq(teamMembers.childId, team.childId),
					eq(teamMembers.userId, person(team, 'salt').userId)
				)
			);
		await server.collab.live.childAccessChanged(team.childId);
		await waitFor(() => refused === COLLAB_DENIAL.forbidden, 'the removed therapist to be told');

		setFieldText(salt.document, 'worries', 'Written after removal');
		setFieldText(senco.document, 'familyViews', 'The team carries on');
		await waitForSaved(senco);
		const live = server.collab.hocuspocus.documents.get(meetingDocumentName(meetingId));
		expect(live && readMeetingDoc(live).familyViews.text).toBe('The team carries on');
		expect(live && readMeetingDoc(live).workingAndWorries.worries.text).toBe('');
		expect(senco.provider.authorizedScope).toBe('read-write');
	});

	it('makes a meeting read-only when its status changes by any route', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const parent = await openMeeting(server, person(team, 'parent'), meetingId, cleanups);
		await database.db.update(meetings).set({ status: 'closed' }).where(eq(meetings.id, meetingId));
		await server.collab.live.meetingAccessChanged(meetingId);
		await waitFor(() => parent.provider.authorizedScope === 'readonly', 'the parent to be told');
		expect(parent.notices.at(-1)).toMatchObject({ readOnly: true, reason: 'meeting-closed' });
	});
});
