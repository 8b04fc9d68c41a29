import { buildIsCurrent, ensureFreshBuild } from './lib/freshBuild.ts';

/**
 * `npm start`: builds the app when there is no build or the source is newer than it,
 * then runs the production server (which migrates, and seeds a new embedded database).
 */
if (!buildIsCurrent()) {
	console.log('Building Coplan (first start, or the source has changed)…');
	if (!(await ensureFreshBuild())) {
		console.error('Coplan cannot start: the build failed (see above).');
		process.exit(1);
	}
}

await import('../server/main.ts');
