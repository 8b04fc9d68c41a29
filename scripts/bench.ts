/**
 * `npm run bench`: runs every benchmark in scripts/bench/ (or those whose file name
 * contains the first argument), one after another, each in its own Node process so that
 * one cannot warm up or slow down the next, loaded through Vite's SSR module graph as the
 * app's server code is (scripts/lib/viteRun.ts). Each prints its own results. Flags
 * (`npm run bench -- --quick liveEditing`) are passed on to each benchmark.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const DIRECTORY = 'scripts/bench';
const args = process.argv.slice(2);
const filter = args.find((arg) => !arg.startsWith('--')) ?? '';
/** Flags such as --quick go to every benchmark. */
const flags = args.filter((arg) => arg.startsWith('--'));

function run(file: string): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['scripts/lib/viteRun.ts', file, ...flags], {
			stdio: 'inherit'
		});
		child.on('error', () => resolve(1));
		child.on('exit', (code) => resolve(code ?? 1));
	});
}

const files = readdirSync(DIRECTORY)
	.filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name.includes(filter))
	.sort();
if (files.length === 0) {
	console.error(`No benchmarks in ${DIRECTORY} match "${filter}".`);
	process.exit(1);
}
let failed = 0;
for (const name of files) {
	console.log(`\n=== ${name} ===`);
	if ((await run(join(DIRECTORY, name))) !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
