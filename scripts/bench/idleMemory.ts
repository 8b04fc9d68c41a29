/**
 * Idle memory of the built server (`npm start`'s process) on PostgreSQL and on the
 * embedded database, beside a bare Hocuspocus server started the same way in the same
 * run: resident memory once it has settled after starting, and again after it has served
 * a page (the sign-in page, rendered by SvelteKit). The issue's target: ≤ 150 MB idle on
 * PostgreSQL. PostgreSQL needs TEST_DATABASE_URL (or it is left out, with a reason).
 *
 * The embedded database is PostgreSQL compiled to WebAssembly, running inside the process:
 * its compiled module, its linear memory (128 MB to start, holding PostgreSQL's 128 MB of
 * shared buffers and each query's working memory; WebAssembly memory grows and never
 * shrinks) and, on the first start, initdb's module are all in this process's RSS, where
 * a PostgreSQL server's memory is in processes of its own.
 *
 *   npm run bench idleMemory
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFreshBuild } from '../lib/freshBuild.ts';
import { listeningPort, runEntry, type RunningServer } from '../lib/realServer.ts';
import { createTestDatabase } from '../../src/lib/server/db/testing.ts';

function rssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
	return kb / 1024;
}

/** Resident memory once five readings half a second apart agree within 1 MB (or after 20 s). */
async function settledRssMb(pid: number): Promise<number> {
	const readings: number[] = [];
	const deadline = Date.now() + 20_000;
	for (;;) {
		readings.push(rssMb(pid));
		const last = readings.slice(-5);
		if (last.length === 5 && Math.max(...last) - Math.min(...last) < 1) break;
		if (Date.now() > deadline) break;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return readings.at(-1) ?? Number.NaN;
}

async function stop(server: RunningServer): Promise<void> {
	server.process.kill('SIGTERM');
	await server.exited;
}

interface Measured {
	server: string;
	idleMb: number;
	afterPageMb: number | null;
}

async function measureEntry(label: string, env: Record<string, string>): Promise<Measured> {
	const server = runEntry(env);
	try {
		const port = await listeningPort(server);
		const pid = server.process.pid ?? 0;
		const idleMb = await settledRssMb(pid);
		const page = await fetch(`http://127.0.0.1:${port}/sign-in`);
		if (!page.ok) throw new Error(`${label}: /sign-in answered ${page.status}`);
		await page.text();
		return { server: label, idleMb, afterPageMb: await settledRssMb(pid) };
	} finally {
		await stop(server);
	}
}

/** A bare Hocuspocus server in a plain Node process: the baseline. */
async function measureBareHocuspocus(): Promise<Measured> {
	const child = spawn(
		process.execPath,
		[
			'--input-type=module',
			'-e',
			`import { Server } from '@hocuspocus/server';
			 const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
			 await server.listen();
			 console.log('listening');`
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] }
	);
	try {
		await new Promise<void>((resolve, reject) => {
			child.stdout.on('data', (chunk: Buffer) => {
				if (chunk.toString().includes('listening')) resolve();
			});
			child.once('exit', (code) => reject(new Error(`bare Hocuspocus exited with ${code}`)));
		});
		return { server: 'bare Hocuspocus', idleMb: await settledRssMb(child.pid ?? 0), afterPageMb: null };
	} finally {
		child.kill('SIGTERM');
	}
}

if (!(await ensureFreshBuild('inherit'))) throw new Error('vite build failed');
const dataRoot = mkdtempSync(join(tmpdir(), 'coplan-idle-'));
const results: Measured[] = [];
try {
	results.push(await measureBareHocuspocus());
	if (process.env.TEST_DATABASE_URL) {
		const database = await createTestDatabase();
		try {
			results.push(
				await measureEntry('Coplan, PostgreSQL', {
					DATABASE_URL: database.url ?? '',
					DATA_DIR: join(dataRoot, 'unused')
				})
			);
		} finally {
			await database.close();
		}
	} else {
		console.log('PostgreSQL left out: TEST_DATABASE_URL is not set.');
	}
	// The first start creates the database (initdb) and seeds the demo; the second opens it.
	results.push(
		await measureEntry('Coplan, embedded (PGlite), first start', {
			DATA_DIR: join(dataRoot, 'pglite')
		}),
		await measureEntry('Coplan, embedded (PGlite), restarted', {
			DATA_DIR: join(dataRoot, 'pglite')
		})
	);
} finally {
	rmSync(dataRoot, { recursive: true, force: true });
}

const baseline = results[0]?.idleMb ?? Number.NaN;
console.log('| server | idle RSS MB | after serving a page MB |');
console.log('|---|---|---|');
for (const result of results) {
	const ratio = result === results[0] ? '' : ` (${(result.idleMb / baseline).toFixed(1)}×)`;
	console.log(
		`| ${result.server} | ${result.idleMb.toFixed(0)}${ratio} | ${result.afterPageMb?.toFixed(0) ?? '–'} |`
	);
}
const postgres = results.find((result) => result.server === 'Coplan, PostgreSQL');
if (postgres) {
	console.log(`target ≤ 150 MB idle on PostgreSQL: ${postgres.idleMb <= 150 ? 'met' : 'NOT met'}`);
}
