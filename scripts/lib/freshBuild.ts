import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The production build (`build/`) is current when nothing it is made from is newer than
 * it. `npm start` and the entry's test both build first when it is not, so neither runs
 * a stale app.
 */
const BUILD_MARKER = join('build', 'handler.js');
const SOURCE_ROOTS = [
	'src',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'package.json',
	'package-lock.json'
];

function newestModification(path: string): number {
	if (!existsSync(path)) return 0;
	const stats = statSync(path);
	if (!stats.isDirectory()) return stats.mtimeMs;
	let newest = stats.mtimeMs;
	for (const entry of readdirSync(path))
		newest = Math.max(newest, newestModification(join(path, entry)));
	return newest;
}

export function buildIsCurrent(): boolean {
	if (!existsSync(BUILD_MARKER)) return false;
	const built = statSync(BUILD_MARKER).mtimeMs;
	return SOURCE_ROOTS.every((root) => newestModification(root) <= built);
}

/** Builds unless the build is current; returns false when the build failed. */
export function ensureFreshBuild(stdio: 'inherit' | 'ignore' = 'inherit'): boolean {
	if (buildIsCurrent()) return true;
	return spawnSync('npx', ['vite', 'build'], { stdio }).status === 0;
}
