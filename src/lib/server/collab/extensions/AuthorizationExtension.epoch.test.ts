import type { connectedPayload, onAuthenticatePayload } from '@hocuspocus/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createChildWithTeam, createMeeting, type ChildWithTeam } from '../../testing/factories.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { createLogger } from '../../logger.ts';
import { AccessEpoch } from '../accessEpoch.ts';
import type { CollabContext } from '../context.ts';
import { AuthorizationExtension } from './AuthorizationExtension.ts';
import { OpeningAudit } from '../openingAudit.ts';

let database: TestDatabase;
let team: ChildWithTeam;

beforeAll(async () => {
	database = await createTestDatabase();
	team = await createChildWithTeam(database.db);
});

afterAll(async () => {
	await database.close();
});

/** What the extension reads and writes of a live connection. */
function fakeConnection(context: CollabContext) {
	return {
		context,
		readOnly: false,
		messageAddress: 'meeting',
		sent: 0,
		send() {
			this.sent += 1;
		},
		sendStateless() {},
		close() {}
	};
}

async function authenticate(extension: AuthorizationExtension, name: string) {
	const parent = team.member('parent');
	const context: CollabContext = {
		user: { id: parent.id, name: parent.name, email: parent.email } as CollabContext['user']
	};
	const connectionConfig = { readOnly: false, isAuthenticated: false };
	const added = await extension.onAuthenticate({
		documentName: name,
		context,
		connectionConfig
	} as unknown as onAuthenticatePayload<CollabContext>);
	return { ...context, ...added };
}

async function goLive(extension: AuthorizationExtension, name: string, context: CollabContext) {
	const connection = fakeConnection(context);
	// Only the parts of the payload the hook reads.
	await extension.connected({
		connection,
		context,
		documentName: name
	} as unknown as connectedPayload<CollabContext>);
	return connection;
}

describe('the decision at authentication, when the connection goes live', () => {
	it('stands when no access change was announced in between, and is made again when one was', async () => {
		const epoch = new AccessEpoch();
		const extension = new AuthorizationExtension(
			database.db,
			epoch,
			new OpeningAudit(database.db, createLogger('silent'))
		);
		const meetingId = await createMeeting(database.db, team);
		const name = meetingDocumentName(meetingId);

		// Closed behind the extension's back, with no announcement: the decision stands
		// (an announcement always follows a real change, and reaches live connections).
		const first = await authenticate(extension, name);
		await database.db.update(meetings).set({ status: 'closed' }).where(eq(meetings.id, meetingId));
		const unannounced = await goLive(extension, name, first);
		expect(unannounced.readOnly).toBe(false);

		// The same change, announced while the connection was authenticating: decided again.
		await database.db
			.update(meetings)
			.set({ status: 'in_progress' })
			.where(eq(meetings.id, meetingId));
		const second = await authenticate(extension, name);
		await database.db.update(meetings).set({ status: 'closed' }).where(eq(meetings.id, meetingId));
		epoch.bump();
		const announced = await goLive(extension, name, second);
		expect(announced.readOnly).toBe(true);
	});
});
