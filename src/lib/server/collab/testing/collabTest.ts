import { test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createChildWithTeam, type ChildWithTeam } from '../../testing/factories.ts';
import {
	startCollabTestServer,
	type CollabTestServer,
	type TestServerOptions
} from './collabTestServer.ts';
import { liveClients, type LiveClients } from './liveClients.ts';

/** What a collaboration test can ask for; helpers take the parts they need (Pick<…>). */
export interface CollabFixtures {
	serverOptions: TestServerOptions;
	database: TestDatabase;
	server: CollabTestServer;
	startServer(options?: TestServerOptions): Promise<CollabTestServer>;
	clients: LiveClients;
	team: ChildWithTeam;
}

/**
 * Vitest fixtures for collaboration tests. For each test file: a fresh database and a
 * real collaboration server on port 0 (started on first use, with `serverOptions`, which
 * a file may override), both stopped when the file is done. For each test: `clients`,
 * whose connections are all closed when the test ends; `team`, a new child with the
 * usual signed-in team; and `startServer`, for a test that must stop a server of its own
 * (stopped when the test ends if the test has not).
 *
 * Kept apart from collabTestServer.ts, which the Playwright journeys import and which
 * therefore must not import Vitest.
 */
export const collabTest = test
	.extend<'serverOptions', TestServerOptions>('serverOptions', { scope: 'file' }, {})
	// Vitest reads which fixtures a fixture needs from its first parameter's pattern: none.
	// eslint-disable-next-line no-empty-pattern
	.extend('database', { scope: 'file' }, async ({}, { onCleanup }): Promise<TestDatabase> => {
		const database = await createTestDatabase();
		onCleanup(() => database.close());
		return database;
	})
	.extend('server', { scope: 'file' }, async ({ database, serverOptions }, { onCleanup }) => {
		const server = await startCollabTestServer(database.db, serverOptions);
		onCleanup(() => server.stop());
		return server;
	})
	// Set up before `clients` (so torn down after): a test's connections close before its
	// own servers stop.
	.extend('startServer', async ({ database, serverOptions }, { onCleanup }) => {
		const started: CollabTestServer[] = [];
		onCleanup(async () => {
			await Promise.all(started.map((server) => server.stop()));
		});
		return async (options: TestServerOptions = serverOptions): Promise<CollabTestServer> => {
			const server = await startCollabTestServer(database.db, options);
			started.push(server);
			return server;
		};
	})
	.extend('clients', async ({ server }, { onCleanup }): Promise<LiveClients> => {
		const clients = liveClients(server);
		onCleanup(() => clients.closeAll());
		return clients;
	})
	.extend('team', async ({ database }): Promise<ChildWithTeam> => createChildWithTeam(database.db));

// Creating and migrating a database can take half a minute on a busy machine: create it
// before the file's first test, under the hook timeout, rather than in that test's own
// time. Asking for the fixture is what creates it. The hook belongs to the test file that
// imports this module (each test file imports it afresh).
collabTest.beforeAll(({ database }) => {
	void database;
});
