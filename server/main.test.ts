import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingDocumentName } from '../src/lib/shared/collab/documentName.ts';
import {
	readMeetingDoc,
	readSchemaVersion,
	setFieldText
} from '../src/lib/shared/collab/meetingDoc.ts';
import { connectProvider, waitFor } from '../src/lib/server/collab/testing/collabTestServer.ts';
import { ensureFreshBuild } from '../scripts/lib/freshBuild.ts';
import {
	findDemoMeetingId,
	listeningPort,
	runEntry as run,
	signIn
} from '../scripts/lib/realServer.ts';
import { createTestDatabase } from '../src/lib/server/db/testing.ts';

/**
 * The production entry as an operator runs it: a real process, real signals, a real
 * embedded database on disk.
 */

// The entry runs the built app: test the app as it is now, never a stale build.
beforeAll(async () => {
	if (!(await ensureFreshBuild('ignore'))) throw new Error('vite build failed');
}, 300_000);

const dataRoot = mkdtempSync(join(tmpdir(), 'coplan-main-'));
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

describe('server/main.ts', () => {
	it.skipIf(!process.env.TEST_DATABASE_URL)(
		'on PostgreSQL without SMTP_URL keeps the outbox off and says that mail goes nowhere',
		async () => {
			const database = await createTestDatabase();
			const server = run({
				DATABASE_URL: database.url ?? '',
				DATA_DIR: join(dataRoot, 'postgres')
			});
			try {
				const port = await listeningPort(server);
				expect(server.output()).toContain('Email is not sent and not shown');
				expect((await fetch(`http://127.0.0.1:${port}/dev/outbox`)).status).toBe(404);
			} finally {
				server.process.kill('SIGTERM');
				await server.exited;
				await database.close();
			}
		},
		90_000
	);

	it('stops at once with one line naming a bad variable', async () => {
		const server = run({ PORT: 'eighty', DATA_DIR: join(dataRoot, 'unused') });
		expect(await server.exited).toBe(1);
		const lines = server.output().trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^Coplan cannot start: Invalid configuration: PORT must be a whole number/
		);
	});

	it('gives a clear error, not a stack trace, when PostgreSQL cannot be reached', async () => {
		const server = run({
			DATABASE_URL: 'postgres://postgres@127.0.0.1:1/coplan',
			DATABASE_WAIT_SECONDS: '0',
			DATA_DIR: join(dataRoot, 'unreachable')
		});
		expect(await server.exited).toBe(1);
		expect(server.output().trim()).toMatch(
			/^Coplan cannot start: Cannot reach the PostgreSQL database at 127\.0\.0\.1:1\/coplan: /
		);
		expect(server.output()).not.toMatch(/\n\s+at /);
	});

	it('waits for an unreachable PostgreSQL with a clear line every few seconds', async () => {
		const server = run({
			DATABASE_URL: 'postgres://postgres@127.0.0.1:1/coplan',
			DATABASE_WAIT_SECONDS: '4',
			DATA_DIR: join(dataRoot, 'waiting')
		});
		expect(await server.exited).toBe(1);
		const output = server.output();
		expect(output).toContain('Waiting for the database: trying again in 3 s (attempt 1).');
		expect(output.trim().split('\n').at(-1)).toMatch(
			/^Coplan cannot start: Cannot reach the PostgreSQL database at 127\.0\.0\.1:1\/coplan: /
		);
	});

	it('seeds a new embedded database, serves app and websocket on one port, stops cleanly and keeps data', async () => {
		const dataDir = join(dataRoot, 'lifecycle', 'data');
		const first = run({ DATA_DIR: dataDir });
		const port = await listeningPort(first);
		expect(first.output()).toContain('senco@demo.coplan.test');
		// The built server finds the bundled export worker (exportWorkerBuild.ts).
		expect(first.output()).not.toContain('no export worker was built');
		expect(first.output()).toContain(`Made a secret key in ${join(dataDir, 'secret-key')}`);

		const health = await fetch(`http://127.0.0.1:${port}/healthz`);
		expect(health.status).toBe(200);
		// A newcomer on the embedded demo database can follow the links Coplan "emails".
		expect(first.output()).toContain('every email, sign-in links and invitations');
		const outbox = await fetch(`http://127.0.0.1:${port}/dev/outbox`);
		expect(outbox.status).toBe(200);
		expect(await outbox.text()).toContain('Coplan does not send email here.');
		// Without METRICS_TOKEN there is no /metrics.
		expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);

		// A second process on the same data directory must refuse rather than corrupt it.
		const intruder = run({ DATA_DIR: dataDir });
		expect(await intruder.exited).toBe(1);
		expect(intruder.output()).toMatch(/already in use by another Coplan process/);

		const cookie = await signIn(port, 'senco@demo.coplan.test');
		const name = meetingDocumentName(await findDemoMeetingId(port, cookie));
		const writer = connectProvider({ url: `ws://127.0.0.1:${port}/collab`, name, cookie });
		await waitFor(() => readSchemaVersion(writer.document) !== null, 'the demo meeting to open');
		setFieldText(writer.document, 'familyViews', 'Written before the restart');
		await waitFor(() => writer.provider.isSynced && writer.provider.unsyncedChanges === 0, 'sync');

		const stoppedAt = Date.now();
		first.process.kill('SIGTERM');
		expect(await first.exited).toBe(0);
		expect(Date.now() - stoppedAt).toBeLessThan(10_000);
		writer.close();

		const metricsToken = 'a-metrics-token-of-some-length';
		const second = run({ DATA_DIR: dataDir, METRICS_TOKEN: metricsToken });
		const secondPort = await listeningPort(second);
		try {
			expect(second.output()).not.toContain('Demo accounts');
			expect(second.output()).not.toContain('Made a secret key');
			const reader = connectProvider({
				url: `ws://127.0.0.1:${secondPort}/collab`,
				name,
				cookie: await signIn(secondPort, 'senco@demo.coplan.test')
			});
			await waitFor(
				() => readMeetingDoc(reader.document).familyViews.text === 'Written before the restart',
				'the document to survive the restart'
			);
			const metricsUrl = `http://127.0.0.1:${secondPort}/metrics`;
			expect((await fetch(metricsUrl)).status).toBe(401);
			const scraped = await fetch(metricsUrl, {
				headers: { authorization: `Bearer ${metricsToken}` }
			});
			expect(scraped.status).toBe(200);
			expect(await scraped.text()).toMatch(/^coplan_collab_connections 1$/m);
			reader.close();
		} finally {
			second.process.kill('SIGTERM');
			expect(await second.exited).toBe(0);
		}
	}, 90_000);
});
