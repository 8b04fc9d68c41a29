import { resolve } from 'node:path';
import { createServer } from 'vite';

/**
 * Runs a TypeScript file through Vite's SSR module graph, as the app's own server code is
 * loaded: `$lib` imports and any TypeScript work, which Node's type stripping alone does
 * not allow. Used for scripts that call into src/lib/server (seeding, benchmarks).
 *
 *   node scripts/lib/viteRun.ts scripts/seed.ts
 */
const file = process.argv[2];
if (!file) {
	console.error('usage: node scripts/lib/viteRun.ts FILE');
	process.exit(2);
}
const vite = await createServer({
	configFile: resolve('vite.config.ts'),
	server: { middlewareMode: true, hmr: false, ws: false },
	appType: 'custom',
	logLevel: 'error',
	optimizeDeps: { noDiscovery: true, include: [] }
});
try {
	await vite.ssrLoadModule(resolve(file));
} catch (error) {
	vite.ssrFixStacktrace(error as Error);
	throw error;
} finally {
	await vite.close();
}
