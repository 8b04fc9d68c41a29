/**
 * The web server for end-to-end tests (Playwright's `webServer`): runs the built app,
 * `node server/main.ts`, against a database made fresh for this run, and removes that
 * database when it is stopped.
 *
 * - TEST_DATABASE_URL set: a new PostgreSQL database `coplan_e2e_<hex>` on that server,
 *   migrated and seeded by `node scripts/seed.ts`, dropped afterwards.
 * - Otherwise: embedded PGlite in a new temporary DATA_DIR (the server migrates and
 *   seeds it itself), deleted afterwards.
 *
 * The app runs from a copy of `build/` taken at start-up (under .test-output/, so Node
 * still finds node_modules and package.json above it): `npm test` runs Vitest alongside,
 * and the entry's own test may rebuild `build/` while the journeys are half-way through.
 *
 * SIGTERM/SIGINT stop the app (SIGKILL after a deadline), then clean up. Playwright
 * signals the whole process group and allows 10 s, so the app runs in its own process
 * group (it is signalled once, by us) and our deadline leaves time for the clean-up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

const STOP_DEADLINE_MS = 8_000;
const BUILD_COPIES = '.test-output';

interface Workspace {
	env: NodeJS.ProcessEnv;
	cleanup(): Promise<void>;
}

function log(message: string): void {
	console.error(`[e2e server] ${message}`);
}

async function withAdmin(serverUrl: string, statement: string): Promise<void> {
	const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
	try {
		await sql.unsafe(statement);
	} finally {
		await sql.end({ timeout: 5 });
	}
}

async function postgresWorkspace(serverUrl: string, dataDir: string): Promise<Workspace> {
	const name = `coplan_e2e_${randomBytes(6).toString('hex')}`;
	await withAdmin(serverUrl, `create database "${name}"`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	log(`using a fresh PostgreSQL database ${name} on ${url.host}`);
	return {
		env: { ...process.env, DATABASE_URL: url.toString(), DATA_DIR: dataDir },
		async cleanup() {
			await withAdmin(serverUrl, `drop database if exists "${name}" with (force)`);
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

function pgliteWorkspace(dataDir: string): Workspace {
	const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
	delete env.DATABASE_URL;
	log(`using embedded PGlite in ${dataDir}`);
	return {
		env,
		async cleanup() {
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

function exited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves with the exit code (1 when killed by a signal) once the child has exited. */
function whenExited(child: ChildProcess): Promise<number> {
	const code = () => child.exitCode ?? 1;
	if (exited(child)) return Promise.resolve(code());
	return new Promise((resolve) => child.once('exit', () => resolve(code())));
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || exited(child)) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		child.kill(signal);
	}
}

function startNode(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
	// process.execPath: the same Node 24 that runs this file.
	const child = spawn(process.execPath, args, {
		env,
		stdio: ['ignore', 'inherit', 'inherit'],
		detached: true
	});
	child.on('error', (error) => log(`could not start ${args.join(' ')}: ${error.message}`));
	return child;
}

async function stop(child: ChildProcess): Promise<void> {
	signalGroup(child, 'SIGTERM');
	const deadline = setTimeout(() => {
		log(`the server did not stop within ${STOP_DEADLINE_MS / 1000} s: killing it`);
		signalGroup(child, 'SIGKILL');
	}, STOP_DEADLINE_MS);
	await whenExited(child);
	clearTimeout(deadline);
}

/** A private copy of the build this run serves; removed by the caller. */
function copyOfBuild(): string {
	if (!existsSync(join('build', 'handler.js'))) {
		throw new Error('No build found in build/: run "npx vite build" first (npm test does).');
	}
	mkdirSync(BUILD_COPIES, { recursive: true });
	const copy = mkdtempSync(join(BUILD_COPIES, 'e2e-build-'));
	cpSync('build', copy, { recursive: true });
	return copy;
}

async function main(): Promise<void> {
	const buildCopy = copyOfBuild();
	process.on('exit', () => rmSync(buildCopy, { recursive: true, force: true }));
	const dataDir = mkdtempSync(join(tmpdir(), 'coplan-e2e-'));
	const serverUrl = process.env.TEST_DATABASE_URL;
	let workspace: Workspace;
	try {
		workspace = serverUrl ? await postgresWorkspace(serverUrl, dataDir) : pgliteWorkspace(dataDir);
	} catch (error) {
		rmSync(dataDir, { recursive: true, force: true });
		throw error;
	}

	let current: ChildProcess | undefined;
	let finishing = false;
	const finish = async (code: number, child?: ChildProcess) => {
		if (finishing) return;
		finishing = true;
		if (child) await stop(child);
		try {
			await workspace.cleanup();
		} catch (error) {
			log(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`);
			code = code || 1;
		}
		process.exit(code);
	};
	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		process.on(signal, () => void finish(0, current));
	}
	process.on('exit', () => {
		if (current) signalGroup(current, 'SIGKILL');
	});

	if (serverUrl) {
		current = startNode(['scripts/lib/viteRun.ts', 'scripts/seed.ts'], workspace.env);
		const seeded = await whenExited(current);
		if (finishing) return;
		if (seeded !== 0) {
			log(`seeding failed (exit code ${seeded})`);
			return finish(seeded);
		}
	}
	// The journeys follow emailed links from /dev/outbox, which production hides unless asked.
	current = startNode(['server/main.ts'], {
		...workspace.env,
		COPLAN_DEV_OUTBOX: '1',
		// Lets the journeys move the scheduler's clock (POST /dev/clock, server/devClock.ts).
		COPLAN_DEV_CLOCK: '1',
		COPLAN_BUILD_DIR: buildCopy
	});
	const code = await whenExited(current);
	if (finishing) return;
	log(`the server exited by itself (exit code ${code})`);
	await finish(code);
}

main().catch((error: unknown) => {
	log(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exit(1);
});
