import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { meetings } from '../db/schema.ts';
import { COLLAB_DENIAL } from '../../shared/collab/closeCodes.ts';
import { meetingDocumentName } from '../../shared/collab/documentName.ts';
import { readMeetingDoc, setFieldText } from '../../shared/collab/meetingDoc.ts';
import { removeFromTeam, createMeeting } from '../testing/factories.ts';
import { collabTest } from './testing/collabTest.ts';
import { waitFor, waitForSaved } from './testing/collabTestServer.ts';

describe('access changes reach live connections', () => {
	collabTest(
		'disconnects someone removed from the team, and only them',
		async ({ database, server, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			const salt = await clients.openMeeting(team.member('salt'), meetingId);
			let refused: string | null = null;
			void salt.authenticationFailure.then((reason) => (refused = reason));

			await removeFromTeam(database.db, team, 'salt');
			await server.collab.live.childAccessChanged(team.childId);
			await waitFor(() => refused === COLLAB_DENIAL.forbidden, 'the removed therapist to be told');

			setFieldText(salt.document, 'worries', 'Written after removal');
			setFieldText(senco.document, 'familyViews', 'The team carries on');
			await waitForSaved(senco);
			const live = server.collab.hocuspocus.documents.get(meetingDocumentName(meetingId));
			expect(live && readMeetingDoc(live).familyViews.text).toBe('The team carries on');
			expect(live && readMeetingDoc(live).workingAndWorries.worries.text).toBe('');
			expect(senco.provider.authorizedScope).toBe('read-write');
		}
	);

	collabTest(
		'makes a meeting read-only when its status changes by any route',
		async ({ database, server, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const parent = await clients.openMeeting(team.member('parent'), meetingId);
			await database.db
				.update(meetings)
				.set({ status: 'closed' })
				.where(eq(meetings.id, meetingId));
			await server.collab.live.meetingAccessChanged(meetingId);
			await waitFor(() => parent.provider.authorizedScope === 'readonly', 'the parent to be told');
			expect(parent.notices.at(-1)).toMatchObject({ readOnly: true, reason: 'meeting-closed' });
		}
	);
});
