import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
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

const BUILD_LOCK = '.build-lock';

/**
 * Builds unless the build is current; returns false when the build failed. Test files
 * that run the built app start at the same time, so one builds while the others wait
 * (a lock directory: creating one is atomic) and then find the build current.
 */
export async function ensureFreshBuild(stdio: 'inherit' | 'ignore' = 'inherit'): Promise<boolean> {
	if (buildIsCurrent()) return true;
	const deadline = Date.now() + 5 * 60_000;
	for (;;) {
		try {
			mkdirSync(BUILD_LOCK);
			break;
		} catch {
			// A lock left by a build that died long ago is not waited on.
			if (existsSync(BUILD_LOCK) && Date.now() - statSync(BUILD_LOCK).mtimeMs > 5 * 60_000) {
				rmSync(BUILD_LOCK, { recursive: true, force: true });
			}
			if (Date.now() > deadline) return false;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
	try {
		if (buildIsCurrent()) return true;
		return spawnSync('npx', ['vite', 'build'], { stdio }).status === 0;
	} finally {
		rmSync(BUILD_LOCK, { recursive: true, force: true });
	}
}
