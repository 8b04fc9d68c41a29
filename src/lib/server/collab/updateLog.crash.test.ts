import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ensureFreshBuild } from '../../../../scripts/lib/freshBuild.ts';
import { listeningPort, runEntry, type RunningServer } from '../../../../scripts/lib/realServer.ts';
import { openDatabase } from '../db/client.ts';
import { createTestDatabase } from '../db/testing.ts';
import { createChildWithTeam, createMeeting, type ChildWithTeam } from '../testing/factories.ts';
import { meetingDocumentName } from '../../shared/collab/documentName.ts';
import { addDecision, readDecisions, readSchemaVersion } from '../../shared/collab/meetingDoc.ts';
import { connectProvider, waitFor, type TestConnection } from './testing/collabTestServer.ts';

/**
 * A crash, for real: the built server in its own process, ten clients typing into one
 * meeting, `kill -9` at a seeded random moment, a restart on the same data. Every edit a
 * client was told is stored must be in the database (read through the restarted server
 * before any client reconnects) exactly once, and once the clients reconnect, everything
 * anyone typed is in every copy exactly once.
 */

const CLIENTS = 10;
const ROUNDS = 3;
const SEED = 20261203;

function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Typist {
	doc: Y.Doc;
	connection: TestConnection;
	/** Each token typed and the client's clock just after it. */
	typed: { token: string; clock: number }[];
}

interface Place {
	/** Environment for the server: DATA_DIR or DATABASE_URL. */
	env: Record<string, string>;
	team: ChildWithTeam;
	meetings: string[];
	close(): Promise<void>;
}

const dataRoot = mkdtempSync(join(tmpdir(), 'coplan-crash-'));
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

beforeAll(async () => {
	if (!(await ensureFreshBuild('ignore'))) throw new Error('vite build failed');
}, 300_000);

async function prepare(database: Awaited<ReturnType<typeof openDatabase>>) {
	const team = await createChildWithTeam(database.db);
	const meetings: string[] = [];
	for (let round = 0; round < ROUNDS; round++)
		meetings.push(await createMeeting(database.db, team));
	return { team, meetings };
}

async function embeddedPlace(): Promise<Place> {
	const dataDir = join(dataRoot, 'pglite');
	const database = await openDatabase({ dataDir });
	await database.migrate();
	const prepared = await prepare(database);
	// The server owns the directory while it runs.
	await database.close();
	return { env: { DATA_DIR: dataDir }, ...prepared, close: async () => {} };
}

async function postgresPlace(): Promise<Place> {
	const database = await createTestDatabase();
	const prepared = await prepare(database);
	return {
		env: { DATABASE_URL: database.url ?? '', DATA_DIR: join(dataRoot, 'postgres') },
		...prepared,
		close: () => database.close()
	};
}

const texts = (doc: Y.Doc) => readDecisions(doc).map((decision) => decision.text.text);

function connect(port: number, place: Place, name: string, document?: Y.Doc): TestConnection {
	return connectProvider({
		url: `ws://127.0.0.1:${port}/collab`,
		name,
		cookie: place.team.member('senco').cookie,
		document
	});
}

async function crashRound(place: Place, round: number, next: () => number) {
	const name = meetingDocumentName(place.meetings[round] ?? '');
	let server: RunningServer = runEntry(place.env);
	let port = await listeningPort(server);
	const typists: Typist[] = [];
	for (let index = 0; index < CLIENTS; index++) {
		const connection = connect(port, place, name);
		typists.push({ doc: connection.document, connection, typed: [] });
	}
	await waitFor(
		() =>
			typists.every(
				({ doc, connection }) => connection.provider.isSynced && readSchemaVersion(doc) !== null
			),
		'every client to open the meeting',
		20_000
	);

	// Everyone types until the crash, at a random moment between 0.3 and 1.5 s.
	const crashAfter = 300 + Math.floor(next() * 1200);
	const startedAt = Date.now();
	let count = 0;
	while (Date.now() - startedAt < crashAfter) {
		const typist = typists[Math.floor(next() * CLIENTS)] as Typist;
		const token = `r${round}-t${count++}`;
		addDecision(typist.doc, token);
		typist.typed.push({ token, clock: Y.getState(typist.doc.store, typist.doc.clientID) });
		await new Promise((resolve) => setImmediate(resolve));
		if (count % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
	}
	server.process.kill('SIGKILL');
	await server.exited;
	const confirmed = typists.flatMap(({ typed, connection, doc }) =>
		typed.filter(({ clock }) => (connection.stored.get(doc.clientID) ?? 0) >= clock)
	);
	for (const typist of typists) typist.connection.close();

	server = runEntry(place.env);
	try {
		port = await listeningPort(server);
		// What the database holds, before any client can send anything again.
		const reader = connect(port, place, name);
		await waitFor(() => reader.provider.isSynced, 'the reader to open the meeting', 20_000);
		const stored = texts(reader.document);
		for (const { token } of confirmed) {
			expect(
				stored.filter((text) => text === token),
				`${token} in the database`
			).toHaveLength(1);
		}
		reader.close();

		// The clients come back: everything anyone typed ends up everywhere, exactly once.
		const again = typists.map((typist) => connect(port, place, name, typist.doc));
		const everything = typists.flatMap(({ typed }) => typed.map(({ token }) => token)).sort();
		const late = connect(port, place, name);
		await waitFor(
			() =>
				[...again, late].every(
					(connection) =>
						connection.provider.isSynced && texts(connection.document).length === everything.length
				),
			'every copy to converge',
			20_000
		);
		for (const connection of [...again, late]) {
			expect([...texts(connection.document)].sort()).toEqual(everything);
		}
		for (const connection of [...again, late]) connection.close();
		return { typed: everything.length, confirmed: confirmed.length };
	} finally {
		server.process.kill('SIGTERM');
		await server.exited;
	}
}

const places: [string, () => Promise<Place>][] = [['embedded PGlite', embeddedPlace]];
if (process.env.TEST_DATABASE_URL) places.push(['PostgreSQL', postgresPlace]);

describe.each(places)('kill -9 of the server on %s', (label, makePlace) => {
	it(`loses no edit a client was told is stored (${ROUNDS} seeded rounds, ${CLIENTS} clients)`, async () => {
		const place = await makePlace();
		const next = random(SEED);
		try {
			const results = [];
			for (let round = 0; round < ROUNDS; round++)
				results.push(await crashRound(place, round, next));
			const typed = results.reduce((sum, result) => sum + result.typed, 0);
			const confirmed = results.reduce((sum, result) => sum + result.confirmed, 0);
			console.log(
				`crash on ${label}: ${ROUNDS} rounds, ${typed} edits typed, ${confirmed} confirmed stored before kill -9, all present once after restart`
			);
			expect(confirmed).toBeGreaterThan(0);
		} finally {
			await place.close();
		}
	}, 240_000);
});
