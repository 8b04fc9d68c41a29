import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { sessions } from '../db/schema.ts';
import { invalidateAllSessions, sessionIdFromToken } from '../auth/session.ts';
import { meetingDocumentName } from '../../shared/collab/documentName.ts';
import { COLLAB_CLOSE_CODES } from '../../shared/collab/closeCodes.ts';
import { fieldText, setFieldText } from '../../shared/collab/meetingDoc.ts';
import { createMeeting, type SignedInUser } from '../testing/factories.ts';
import { collabTest } from './testing/collabTest.ts';
import { waitFor } from './testing/collabTestServer.ts';

/** The session id behind a test user's cookie (the hash of its token). */
function sessionOf(person: SignedInUser): string {
	const token = decodeURIComponent(person.cookie.split('=')[1] ?? '');
	return sessionIdFromToken(token);
}

const SESSION_ENDED = COLLAB_CLOSE_CODES.sessionEnded;

collabTest.override('serverOptions', { sessionCheckIntervalMs: 100 });

describe('live websockets end with their session', () => {
	collabTest(
		'signing out closes the websocket at once, with a code the page explains',
		async ({ database, team, clients, startServer }) => {
			// No periodic check within the test: only the sign-out's own call can close it.
			const server = await startServer({ sessionCheckIntervalMs: 60_000 });
			const meetingId = await createMeeting(database.db, team);
			const parent = await clients.openMeeting(team.member('parent'), meetingId, { server });
			const senco = await clients.openMeeting(team.member('senco'), meetingId, { server });

			await database.db.delete(sessions).where(eq(sessions.id, sessionOf(team.member('parent'))));
			await server.collab.live.sessionsEnded();
			await waitFor(
				() => parent.websocket.closeCodes.includes(SESSION_ENDED),
				'the signed-out websocket to close',
				1000
			);
			// Someone else's connection is untouched.
			expect(senco.websocket.closeCodes).toEqual([]);

			// The closed socket wrote nothing more: its later edit never reaches the server.
			setFieldText(parent.document, 'familyViews', 'Typed after signing out');
			setFieldText(senco.document, 'worries', 'Still here');
			const live = server.collab.hocuspocus.documents.get(meetingDocumentName(meetingId));
			await waitFor(
				() => live !== undefined && fieldText(live, 'worries') !== '',
				'the SENCo edit'
			);
			expect(live && fieldText(live, 'familyViews')).toBe('');
		}
	);
});

describe('sessions that end elsewhere', () => {
	collabTest(
		'a password reset on another instance or an expiry closes the websocket within a second',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const parent = await clients.openMeeting(team.member('parent'), meetingId);
			const salt = await clients.openMeeting(team.member('salt'), meetingId);

			// Nobody tells this server: it finds out by itself.
			await invalidateAllSessions(database.db, team.member('parent').id);
			await database.db
				.update(sessions)
				.set({ expiresAt: new Date(Date.now() - 1000) })
				.where(eq(sessions.id, sessionOf(team.member('salt'))));
			await waitFor(
				() =>
					parent.websocket.closeCodes.includes(SESSION_ENDED) &&
					salt.websocket.closeCodes.includes(SESSION_ENDED),
				'both websockets to close',
				1000
			);
			expect(parent.websocket.closeCodes).toEqual([SESSION_ENDED]);
			expect(salt.websocket.closeCodes).toEqual([SESSION_ENDED]);
		}
	);
});
