import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm start`: builds the app when there is no build or the source is newer than it,
 * then runs the production server (which migrates, and seeds a new embedded database).
 */

const BUILD_MARKER = join('build', 'handler.js');
const SOURCE_ROOTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

function newestModification(path: string): number {
	if (!existsSync(path)) return 0;
	const stats = statSync(path);
	if (!stats.isDirectory()) return stats.mtimeMs;
	let newest = stats.mtimeMs;
	for (const entry of readdirSync(path))
		newest = Math.max(newest, newestModification(join(path, entry)));
	return newest;
}

function buildIsCurrent(): boolean {
	if (!existsSync(BUILD_MARKER)) return false;
	const built = statSync(BUILD_MARKER).mtimeMs;
	return SOURCE_ROOTS.every((root) => newestModification(root) <= built);
}

if (!buildIsCurrent()) {
	console.log('Building Coplan (first start, or the source has changed)…');
	const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) {
		console.error('Coplan cannot start: the build failed (see above).');
		process.exit(build.status ?? 1);
	}
}

await import('../server/main.ts');
