/**
 * `npm test`: every check Coplan has, in one run (see main() for what runs when). Static
 * checks print their output as one block when they finish; Vitest and Playwright stream
 * theirs, Playwright's lines marked "e2e". The run goes on after a failure so one report
 * shows everything. It ends with one plain line, `N passed, N failed`, which the CI reads.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

const OUTPUT_DIR = '.test-output';
const VITEST_JSON = `${OUTPUT_DIR}/vitest.json`;
const PLAYWRIGHT_JSON = `${OUTPUT_DIR}/playwright.json`;
/** Playwright runs alongside Vitest: its lines are marked so the two can be told apart. */
const E2E_PREFIX = 'e2e │ ';

interface SuiteResult {
	name: string;
	passed: number;
	failed: number;
	skipped: number;
	/** Counted tests come from a test runner, not from a single pass/fail step. */
	runner: boolean;
	note?: string;
}

type Env = NodeJS.ProcessEnv;

function banner(title: string): void {
	console.log(`\n=== ${title} ===`);
}

/**
 * Runs a command with its output streamed and resolves with its exit code (1 if it died).
 * With a prefix, each line is marked with it, so that a runner working alongside another
 * one can be told apart in the log.
 */
function run(command: string, args: string[], env: Env = process.env, prefix?: string) {
	return new Promise<number>((resolve) => {
		const child = spawn(command, args, {
			stdio: prefix === undefined ? 'inherit' : ['ignore', 'pipe', 'pipe'],
			env
		});
		for (const stream of [child.stdout, child.stderr]) {
			if (!stream) continue;
			createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) =>
				process.stdout.write(`${prefix}${line}\n`)
			);
		}
		child.on('error', (error) => {
			console.error(`Could not start ${command}: ${error.message}`);
			resolve(1);
		});
		// 'close', not 'exit': by then every line of piped output has been read.
		child.on('close', (code, signal) => {
			if (signal) console.error(`${command} ${args.join(' ')} was killed by ${signal}`);
			resolve(code ?? 1);
		});
	});
}

interface CapturedRun {
	code: number;
	/** Standard output and standard error, interleaved as they came. */
	output: string;
}

/** Runs a command with its output held back, so that concurrent steps do not interleave. */
function runCaptured(command: string, args: string[]): Promise<CapturedRun> {
	return new Promise((resolve) => {
		// Colours survive the pipe when the run itself is watched in a terminal.
		const env: Env = process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env;
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
		const chunks: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.on('error', (error) => {
			chunks.push(Buffer.from(`Could not start ${command}: ${error.message}\n`));
		});
		// 'close', not 'exit': by then every byte of output has been read.
		child.on('close', (code, signal) => {
			if (signal)
				chunks.push(Buffer.from(`${command} ${args.join(' ')} was killed by ${signal}\n`));
			resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString() });
		});
	});
}

/** A pass/fail step, run alongside others: its output is printed in one block at its end. */
async function step(name: string, command: string, args: string[]): Promise<SuiteResult> {
	const startedAt = performance.now();
	const { code, output } = await runCaptured(command, args);
	const seconds = Math.round((performance.now() - startedAt) / 1000);
	banner(`${name} (${code === 0 ? 'ok' : 'FAILED'}, ${seconds} s)`);
	process.stdout.write(output.endsWith('\n') || output === '' ? output : `${output}\n`);
	const ok = code === 0;
	return { name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, runner: false };
}

/** Prettier, ESLint and knip (dead code): independent of each other and of the build. */
function lintChecks(): Promise<SuiteResult[]> {
	return Promise.all([
		step('prettier', 'npx', ['prettier', '--check', '.']),
		step('eslint', 'npx', ['eslint', '.']),
		step('knip', 'npx', ['knip'])
	]);
}

function readJson(path: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
		return typeof value === 'object' && value !== null
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

function count(source: Record<string, unknown> | undefined, key: string): number {
	const value = source?.[key];
	return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function crashed(name: string, note: string): SuiteResult {
	return { name, passed: 0, failed: 1, skipped: 0, runner: true, note };
}

/** A runner that exits non-zero without a failed test (a broken file, a global error). */
function withExitCode(result: SuiteResult, code: number): SuiteResult {
	if (code === 0 || result.failed > 0) return result;
	return { ...result, failed: 1, note: `exited with code ${code} without a failed test` };
}

async function vitest(): Promise<SuiteResult> {
	banner('vitest (the end-to-end journeys run alongside, their lines marked "e2e")');
	rmSync(VITEST_JSON, { force: true });
	const code = await run('npx', [
		'vitest',
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile=${VITEST_JSON}`
	]);
	const report = readJson(VITEST_JSON);
	if (!report) return crashed('vitest', `no report at ${VITEST_JSON} (crashed?)`);
	const result: SuiteResult = {
		name: 'vitest',
		passed: count(report, 'numPassedTests'),
		failed: count(report, 'numFailedTests'),
		skipped: count(report, 'numPendingTests') + count(report, 'numTodoTests'),
		runner: true
	};
	return withExitCode(result, code);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address !== null ? address.port : 0;
			server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
		});
	});
}

async function playwright(): Promise<SuiteResult> {
	rmSync(PLAYWRIGHT_JSON, { force: true });
	const port = await freePort();
	console.log(`${E2E_PREFIX}End-to-end server on 127.0.0.1:${port}`);
	const env: Env = {
		...process.env,
		E2E_PORT: String(port),
		PLAYWRIGHT_JSON_OUTPUT_FILE: PLAYWRIGHT_JSON
	};
	const code = await run('npx', ['playwright', 'test', '--reporter=list,json'], env, E2E_PREFIX);
	const report = readJson(PLAYWRIGHT_JSON);
	const stats = report?.stats;
	if (typeof stats !== 'object' || stats === null) {
		return crashed('playwright', `no report at ${PLAYWRIGHT_JSON} (crashed?)`);
	}
	const numbers = stats as Record<string, unknown>;
	const flaky = count(numbers, 'flaky');
	const result: SuiteResult = {
		name: 'playwright',
		passed: count(numbers, 'expected') + flaky,
		failed: count(numbers, 'unexpected'),
		skipped: count(numbers, 'skipped'),
		runner: true,
		note: flaky > 0 ? `WARNING: ${flaky} flaky (passed on retry)` : undefined
	};
	return withExitCode(result, code);
}

function describeEnvironment(): void {
	const databaseUrl = process.env.TEST_DATABASE_URL;
	if (databaseUrl) {
		let where = 'an unparsable URL';
		try {
			const url = new URL(databaseUrl);
			where = `${url.hostname}:${url.port || '5432'}`;
		} catch {
			// Reported as unparsable; the tests themselves will say more.
		}
		console.log(`Tests use PostgreSQL at ${where} (fresh database per test file)`);
	} else {
		console.log('TEST_DATABASE_URL is not set: tests use embedded PGlite');
	}
	console.log(
		process.env.REDIS_URL
			? 'Tests of several servers use the Redis in REDIS_URL'
			: 'REDIS_URL is not set: the tests of several servers sharing meetings are skipped'
	);
}

function formatCounts(passed: number, failed: number, skipped: number): string {
	const line = `${passed} passed, ${failed} failed`;
	return skipped > 0 ? `${line}, ${skipped} skipped` : line;
}

function summarise(results: SuiteResult[]): number {
	banner('summary');
	const width = Math.max(...results.map((result) => result.name.length));
	for (const result of results) {
		// Not "N passed, N failed": only the closing line may have that shape.
		const status = result.runner
			? `passed: ${result.passed}  failed: ${result.failed}  skipped: ${result.skipped}`
			: result.failed > 0
				? 'FAILED'
				: 'ok';
		const note = result.note ? ` (${result.note})` : '';
		console.log(`  ${result.name.padEnd(width)}  ${status}${note}`);
	}
	const sum = (pick: (result: SuiteResult) => number) =>
		results.reduce((total, result) => total + pick(result), 0);
	const failed = sum((result) => result.failed);
	const executed = sum((result) => (result.runner ? result.passed + result.failed : 0));
	if (executed === 0)
		console.log('  No Vitest or Playwright test ran: treating the run as failed.');
	// Time since this process started: the whole run, for the "under 7 minutes" budget.
	console.log(`  took ${Math.round(performance.now() / 1000)} s in all`);
	console.log(
		formatCounts(
			sum((result) => result.passed),
			failed,
			sum((result) => result.skipped)
		)
	);
	return failed > 0 || executed === 0 ? 1 : 0;
}

/**
 * The build first, alone (about 10 s). Then three lines of work at once: the end-to-end
 * journeys (the longest, and mostly waiting on a browser, so they share the CPU well);
 * svelte-check followed by Vitest (both run svelte-kit sync, which rewrites .svelte-kit/,
 * so they take turns); and Prettier, ESLint and knip. The journeys serve a copy of the
 * build (tests/e2e/serve.ts), so the entry's test may rebuild build/ meanwhile.
 */
async function main(): Promise<void> {
	describeEnvironment();
	mkdirSync(OUTPUT_DIR, { recursive: true });
	const build = await step('vite build', 'npx', ['vite', 'build']);
	const endToEnd =
		build.failed > 0
			? Promise.resolve(crashed('playwright', 'skipped because the build failed'))
			: playwright();
	const typesThenUnits = (async () => {
		const checked = await step('svelte-check', 'npm', ['run', 'check']);
		return [checked, await vitest()];
	})();
	const [lints, typesAndUnits, journeys] = await Promise.all([
		lintChecks(),
		typesThenUnits,
		endToEnd
	]);
	process.exitCode = summarise([...lints, build, ...typesAndUnits, journeys]);
}

await main();
