import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { collabClientToken } from '../../../shared/collab/clientToken.ts';
import { COLLAB_DENIAL } from '../../../shared/collab/closeCodes.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import {
	MEETING_DOC_SCHEMA_VERSION,
	readSchemaVersion
} from '../../../shared/collab/meetingDoc.ts';
import {
	connectProvider,
	startCollabTestServer,
	waitFor,
	type CollabTestServer
} from '../testing/collabTestServer.ts';
import { createChildWithTeam, createMeeting } from '../testing/meetingFixtures.ts';

let database: TestDatabase;
let server: CollabTestServer;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
	database = await createTestDatabase();
	server = await startCollabTestServer(database.db);
});

afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

afterAll(async () => {
	await server?.stop();
	await database?.close();
});

describe('client schema version', () => {
	it.each([
		['an older client', `coplan-schema:${MEETING_DOC_SCHEMA_VERSION - 1}`],
		['a newer client', `coplan-schema:${MEETING_DOC_SCHEMA_VERSION + 1}`],
		['a client that does not say', ''],
		['a token that is not a version', 'coplan-schema:banana']
	])('asks %s to reload, before it can write anything', async (_who, token) => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const cookie = team.people.senco?.cookie;
		const old = connectProvider({
			url: server.url,
			name: meetingDocumentName(meetingId),
			cookie,
			token
		});
		cleanups.push(old.close);
		expect(await old.authenticationFailure).toBe(COLLAB_DENIAL.schemaMismatch);
		expect(old.document.share.size).toBe(0);
	});

	it('lets a client built for the current version in', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const current = connectProvider({
			url: server.url,
			name: meetingDocumentName(meetingId),
			cookie: team.people.senco?.cookie,
			token: collabClientToken('meeting')
		});
		cleanups.push(current.close);
		await waitFor(() => readSchemaVersion(current.document) !== null, 'the document');
		expect(readSchemaVersion(current.document)).toBe(MEETING_DOC_SCHEMA_VERSION);
	});
});
