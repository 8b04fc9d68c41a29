import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ensureFreshBuild } from '../../../../scripts/lib/freshBuild.ts';
import { listeningPort, runEntry } from '../../../../scripts/lib/realServer.ts';
import { createTestDatabase } from '../db/testing.ts';
import { createChildWithTeam, createMeeting } from '../testing/factories.ts';
import { startTcpProxy } from '../testing/tcpProxy.ts';
import { meetingDocumentName } from '../../shared/collab/documentName.ts';
import { addDecision, readDecisions, readSchemaVersion } from '../../shared/collab/meetingDoc.ts';
import {
	connectProvider,
	waitFor,
	waitUntil,
	type TestConnection
} from './testing/collabTestServer.ts';

/**
 * A PostgreSQL outage, for real: the built server reaches its database through a TCP
 * proxy that the test cuts for several seconds while people type, then restores.
 */

const OUTAGE_MS = 6000;
const dataRoot = mkdtempSync(join(tmpdir(), 'coplan-outage-'));
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

beforeAll(async () => {
	if (!process.env.TEST_DATABASE_URL) return;
	if (!(await ensureFreshBuild('ignore'))) throw new Error('vite build failed');
}, 300_000);

const texts = (doc: Y.Doc) => readDecisions(doc).map((decision) => decision.text.text);

/** What the page does when saving resumes: send again whatever the server dropped. */
function resendOnResume(connection: TestConnection): () => void {
	let seen = 0;
	const timer = setInterval(() => {
		for (; seen < connection.savingPaused.length; seen++) {
			if (connection.savingPaused[seen] === false) connection.provider.forceSync();
		}
	}, 20);
	return () => clearInterval(timer);
}

describe('a PostgreSQL outage', () => {
	it.skipIf(!process.env.TEST_DATABASE_URL)(
		`pauses editing with a notice and /readyz 503, loses nothing, and resumes by itself (${OUTAGE_MS / 1000} s)`,
		async () => {
			const database = await createTestDatabase();
			const team = await createChildWithTeam(database.db);
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const target = new URL(database.url ?? '');
			const proxy = await startTcpProxy({
				host: target.hostname,
				port: Number(target.port || 5432)
			});
			const viaProxy = new URL(target);
			viaProxy.port = String(proxy.port);
			const server = runEntry({
				DATABASE_URL: viaProxy.toString(),
				DATA_DIR: join(dataRoot, 'data')
			});
			const stops: (() => void)[] = [];
			try {
				const port = await listeningPort(server);
				const url = `ws://127.0.0.1:${port}/collab`;
				const typists = ['senco', 'salt', 'parent'].map((role) =>
					connectProvider({ url, name, cookie: team.member(role).cookie })
				);
				for (const typist of typists) stops.push(resendOnResume(typist));
				await waitFor(
					() => typists.every((typist) => readSchemaVersion(typist.document) !== null),
					'everyone to open the meeting',
					20_000
				);
				const typed: string[] = [];
				let count = 0;
				const type = () => {
					const typist = typists[count % typists.length] as TestConnection;
					const token = `edit ${count++}`;
					addDecision(typist.document, token);
					typed.push(token);
				};
				for (let index = 0; index < 10; index++) type();

				proxy.cut();
				const cutAt = Date.now();
				const typing = setInterval(type, 100);
				await waitFor(
					() => typists.every((typist) => typist.savingPaused.at(-1) === true),
					'saving to pause for everyone',
					15_000
				);
				const readiness = await fetch(`http://127.0.0.1:${port}/readyz`);
				expect(readiness.status).toBe(503);
				await waitFor(
					() => Date.now() - cutAt >= OUTAGE_MS,
					'the outage to last',
					OUTAGE_MS + 1000
				);
				clearInterval(typing);

				proxy.restore();
				await waitFor(
					() => typists.every((typist) => typist.savingPaused.at(-1) === false),
					'saving to resume by itself',
					20_000
				);
				// Readiness also pings the database on its own connection, which may come back a
				// moment after the update log's: it must turn 200 by itself soon after.
				await waitUntil(
					async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200,
					'/readyz to answer 200 again',
					10_000
				);
				for (let index = 0; index < 10; index++) type();

				// Everything typed — before, during and after the outage — is stored once.
				await waitFor(
					() =>
						typists.every((typist) => {
							const stored = typist.stored.get(typist.document.clientID) ?? 0;
							return stored >= Y.getState(typist.document.store, typist.document.clientID);
						}),
					'every edit to be reported stored',
					20_000
				);
				const reader = connectProvider({ url, name, cookie: team.member('senco').cookie });
				await waitFor(
					() => reader.provider.isSynced && texts(reader.document).length >= typed.length,
					'the stored meeting',
					20_000
				);
				expect([...texts(reader.document)].sort()).toEqual([...typed].sort());
				console.log(
					`PostgreSQL outage: ${OUTAGE_MS / 1000} s survived, ${typed.length} edits typed around it, none lost`
				);
				reader.close();
				for (const typist of typists) typist.close();
			} finally {
				for (const stop of stops) stop();
				server.process.kill('SIGTERM');
				await server.exited;
				await proxy.close();
				await database.close();
			}
		},
		120_000
	);
});
