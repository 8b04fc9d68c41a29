import { afterAll, afterEach, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import {
	startCollabTestServer,
	type CollabTestServer,
	type TestServerOptions
} from './collabTestServer.ts';
import type { ChildFixture, TestPerson } from './meetingFixtures.ts';

/**
 * The set-up every collaboration test file shares: a fresh database and a real
 * collaboration server on port 0 for the file, connections closed after each test, and
 * both stopped at the end. Kept apart from collabTestServer.ts, which the Playwright
 * journeys import and which therefore must not import Vitest.
 */
export function useCollabTestSuite(
	started: (suite: { database: TestDatabase; server: CollabTestServer }) => void,
	cleanups: (() => void)[],
	options: TestServerOptions = {}
): void {
	let database: TestDatabase | undefined;
	let server: CollabTestServer | undefined;
	beforeAll(async () => {
		database = await createTestDatabase();
		server = await startCollabTestServer(database.db, options);
		started({ database, server });
	});
	afterEach(() => {
		while (cleanups.length > 0) cleanups.pop()?.();
	});
	afterAll(async () => {
		await server?.stop();
		await database?.close();
	});
}

/** A person of a child's team fixture, by key ('senco', 'parent', 'salt', …). */
export function teamMember(team: ChildFixture, key: string): TestPerson {
	const found = team.people[key];
	if (!found) throw new Error(`no ${key} in the team`);
	return found;
}
