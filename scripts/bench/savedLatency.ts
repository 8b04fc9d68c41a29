/**
 * From a keystroke to "Saved": how long until the server says a keystroke is stored in
 * the database (its StoredNotice covers it), beside the plain echo — the same keystroke
 * reaching another person's copy — measured in the same run, on embedded PGlite and, when
 * TEST_DATABASE_URL (or DATABASE_URL) points at one, on PostgreSQL. A real collaboration
 * server on port 0 with every extension, two real providers over websockets.
 *
 *   npm run bench savedLatency
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import {
	connectProvider,
	startCollabTestServer,
	waitFor
} from '$lib/server/collab/testing/collabTestServer.ts';
import { createTestDatabase } from '$lib/server/db/testing.ts';
import { createChildWithTeam, createMeeting } from '$lib/server/testing/factories.ts';
import { meetingDocumentName } from '$lib/shared/collab/documentName.ts';
import { fieldFragment, readSchemaVersion } from '$lib/shared/collab/meetingDoc.ts';

const KEYSTROKES = 400;
const INTERVAL_MS = 20;

function percentile(values: number[], fraction: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN;
}

async function measure(label: string, databaseUrl: string | undefined) {
	const previous = process.env.TEST_DATABASE_URL;
	if (databaseUrl) process.env.TEST_DATABASE_URL = databaseUrl;
	else delete process.env.TEST_DATABASE_URL;
	const database = await createTestDatabase();
	if (previous === undefined) delete process.env.TEST_DATABASE_URL;
	else process.env.TEST_DATABASE_URL = previous;

	const server = await startCollabTestServer(database.db);
	try {
		const team = await createChildWithTeam(database.db);
		const name = meetingDocumentName(await createMeeting(database.db, team));
		const typist = connectProvider({ url: server.url, name, cookie: team.member('senco').cookie });
		const reader = connectProvider({ url: server.url, name, cookie: team.member('salt').cookie });
		await waitFor(
			() => [typist, reader].every((client) => readSchemaVersion(client.document) !== null),
			'both to open the meeting',
			20_000
		);
		const fragment = fieldFragment(typist.document, 'familyViews');
		if (!fragment) throw new Error('no familyViews field');
		const text = new Y.XmlText();
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [text]);
		fragment.insert(fragment.length, [paragraph]);

		const client = typist.document.clientID;
		const pending: { clock: number; at: number; echoed?: number; stored?: number }[] = [];
		const echo: number[] = [];
		const stored: number[] = [];
		reader.document.on('update', () => {
			const seen = Y.getState(reader.document.store, client);
			for (const keystroke of pending) {
				if (keystroke.echoed === undefined && seen >= keystroke.clock) {
					keystroke.echoed = performance.now();
					echo.push(keystroke.echoed - keystroke.at);
				}
			}
		});
		typist.provider.on('stateless', () => {
			const confirmed = typist.stored.get(client) ?? 0;
			for (const keystroke of pending) {
				if (keystroke.stored === undefined && confirmed >= keystroke.clock) {
					keystroke.stored = performance.now();
					stored.push(keystroke.stored - keystroke.at);
				}
			}
		});
		for (let index = 0; index < KEYSTROKES; index++) {
			const at = performance.now();
			text.insert(text.length, 'a');
			pending.push({ clock: Y.getState(typist.document.store, client), at });
			await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
		}
		await waitFor(
			() => stored.length === KEYSTROKES && echo.length === KEYSTROKES,
			'every keystroke to be echoed and stored',
			30_000
		);
		typist.close();
		reader.close();
		const row = (what: string, values: number[]) =>
			`  ${label.padEnd(10)} ${what.padEnd(20)} p50 ${percentile(values, 0.5).toFixed(1).padStart(6)} ms   p99 ${percentile(values, 0.99).toFixed(1).padStart(6)} ms`;
		console.log(row('echo to another', echo));
		console.log(row('keystroke to stored', stored));
		console.log(
			`  ${label.padEnd(10)} ratio stored/echo   p50 ${(percentile(stored, 0.5) / percentile(echo, 0.5)).toFixed(1)}×   p99 ${(percentile(stored, 0.99) / percentile(echo, 0.99)).toFixed(1)}×`
		);
	} finally {
		await server.stop();
		await database.close();
	}
}

console.log(
	`${KEYSTROKES} keystrokes, one every ${INTERVAL_MS} ms; "stored" waits for the update log's ~50 ms tick and its insert`
);
await measure('PGlite', undefined);
const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (postgresUrl) await measure('PostgreSQL', postgresUrl);
else console.log('  PostgreSQL: skipped (set TEST_DATABASE_URL to measure it)');
