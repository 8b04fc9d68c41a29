import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { meetingDocumentName } from '../src/lib/shared/collab/documentName.ts';
import { fieldFragment, fieldText } from '../src/lib/shared/collab/meetingDoc/fields.ts';
import {
	connectProvider,
	ownEditsStored,
	waitFor,
	type TestConnection
} from '../src/lib/server/collab/testing/collabTestServer.ts';
import { loadStoredDoc } from '../src/lib/server/collab/documentStore.ts';
import { createTestDatabase, type TestDatabase } from '../src/lib/server/db/testing.ts';
import { createChildWithTeam, createMeeting } from '../src/lib/server/testing/factories.ts';
import { testRedisPrefix, testRedisUrl } from '../src/lib/server/testing/redis.ts';
import { ensureFreshBuild } from '../scripts/lib/freshBuild.ts';
import { listeningPort, runEntry, type RunningServer } from '../scripts/lib/realServer.ts';

/**
 * Three production server processes on one PostgreSQL and one Redis, as behind a load
 * balancer: people spread across them write one meeting at the same time, one server is
 * killed outright, and its people carry on through another with nothing lost.
 */

const redisUrl = testRedisUrl();
const databaseUrl = process.env.TEST_DATABASE_URL;
if (redisUrl && !databaseUrl) {
	console.log('Skipped: three servers share one database only on PostgreSQL (TEST_DATABASE_URL)');
}

const dataRoot = mkdtempSync(join(tmpdir(), 'coplan-scale-out-'));
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

/** The fields the people on each server write in (document-wide field ids). */
const FIELDS = ['familyViews', 'childViews', 'worries'] as const;

/** Adds a paragraph, as typing on a new line does: everyone's survive side by side. */
function appendParagraph(doc: Y.Doc, field: string, words: string): void {
	const fragment = fieldFragment(doc, field);
	if (!fragment) throw new Error(`no field ${field}`);
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(words)]);
	fragment.push([paragraph]);
}

describe.skipIf(!redisUrl || !databaseUrl)('three servers behind a load balancer', () => {
	let database: TestDatabase;
	const servers: RunningServer[] = [];

	beforeAll(async () => {
		if (!(await ensureFreshBuild('ignore'))) throw new Error('vite build failed');
		database = await createTestDatabase();
	}, 300_000);

	afterAll(async () => {
		for (const server of servers) {
			if (server.process.exitCode === null && server.process.signalCode === null) {
				server.process.kill('SIGTERM');
			}
		}
		await Promise.all(servers.map((server) => server.exited));
		await database?.close();
	});

	it('converges edits made through all three, and loses nothing when one is killed', async () => {
		const shared = {
			DATABASE_URL: database.url ?? '',
			REDIS_URL: redisUrl ?? '',
			// Every instance must share the key (known devices, two-factor secrets).
			SECRET_KEY: randomBytes(32).toString('base64')
		};
		// Each run keys Redis its own way, so runs side by side do not meet.
		const prefix = testRedisPrefix();
		for (let index = 0; index < 3; index += 1) {
			servers.push(
				runEntry({ ...shared, REDIS_PREFIX: prefix, DATA_DIR: join(dataRoot, `${index}`) })
			);
		}
		const ports = await Promise.all(servers.map((server) => listeningPort(server)));
		for (const server of servers) {
			expect(server.output()).toContain('Sharing live meetings with other Coplan servers');
		}
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const name = meetingDocumentName(meetingId);
		const people = ['senco', 'parent', 'salt', 'socialWorker', 'senco', 'parent'] as const;
		const connect = (index: number, port: number, document?: Y.Doc): TestConnection =>
			connectProvider({
				url: `ws://127.0.0.1:${port}/collab`,
				name,
				cookie: team.member(people[index] ?? 'senco').cookie,
				...(document ? { document } : {})
			});
		// Two people on each server.
		let clients = people.map((_, index) => connect(index, ports[index % 3] ?? 0));
		await waitFor(() => clients.every((c) => c.provider.isSynced), 'everyone to open', 20_000);

		const typed: string[][] = people.map(() => []);
		const fieldOf = (index: number) => FIELDS[index % 3] ?? 'familyViews';
		const typeRound = (round: number) => {
			clients.forEach((client, index) => {
				const words = `${people[index]}-${index}-round-${round}`;
				typed[index]?.push(words);
				appendParagraph(client.document, fieldOf(index), words);
			});
		};
		const holdsAll = (doc: Y.Doc) =>
			typed.every((words, index) =>
				words.every((line) => fieldText(doc, fieldOf(index)).includes(line))
			);
		const everyoneHasAll = () => clients.every((client) => holdsAll(client.document));
		for (let round = 0; round < 5; round += 1) typeRound(round);
		await waitFor(everyoneHasAll, 'every copy to hold every edit', 20_000);

		// Server 0 dies at once, mid-meeting, right after its people typed.
		typeRound(5);
		servers[0]?.process.kill('SIGKILL');
		await servers[0]?.exited;
		// Its people's pages reconnect, through the balancer, to another server.
		clients = clients.map((client, index) => {
			if (index % 3 !== 0) return client;
			client.close();
			return connect(index, ports[1] ?? 0, client.document);
		});
		await waitFor(() => clients.every((c) => c.provider.isSynced), 'everyone to reconnect', 20_000);
		typeRound(6);
		await waitFor(everyoneHasAll, 'every copy to hold every edit after the kill', 20_000);
		await waitFor(
			() => clients.every((client) => ownEditsStored(client)),
			'everyone to hear their edits are stored',
			// Edits relayed by the killed server are checked every 10 s (relaySettler.ts).
			45_000
		);

		// What the database holds is everything anyone typed.
		const stored = await loadStoredDoc(database.db, name);
		expect(holdsAll(stored)).toBe(true);
		const live = clients[1]?.document;
		expect(live && FIELDS.map((field) => fieldText(live, field))).toEqual(
			FIELDS.map((field) => fieldText(stored, field))
		);
		for (const client of clients) client.close();
	}, 180_000);
});
