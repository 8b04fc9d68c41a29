import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { EXPORT_WORKER_FILE } from './exportWorkerFile.ts';

/** Where adapter-node writes the server (svelte.config.js: out 'build'). */
const SERVER_OUT_DIR = 'build/server';

/**
 * Bundles the export worker (exportWorker.ts) into the server build as a file of its
 * own, so the worker thread runs compiled code like the rest of the server — any
 * TypeScript, `$lib` imports and all — and nothing reads the source at run time. Worker
 * threads cannot load modules through Vite, and adapter-node keeps only what its entry
 * imports, so this is a second, small server build, run once the adapter has written
 * build/ (SvelteKit runs the adapter in its own sequential closeBundle, before this one).
 */
export function exportWorkerBuild(): Plugin {
	return {
		name: 'coplan-export-worker',
		apply: 'build',
		closeBundle: {
			sequential: true,
			order: 'post',
			async handler() {
				if (this.environment.config.consumer !== 'server') return;
				await build({
					configFile: false,
					logLevel: 'warn',
					resolve: { alias: { $lib: resolve('src/lib') } },
					build: {
						ssr: resolve('src/lib/server/minutes/exportWorker.ts'),
						outDir: SERVER_OUT_DIR,
						emptyOutDir: false,
						target: 'node24',
						rollupOptions: {
							output: {
								entryFileNames: EXPORT_WORKER_FILE,
								chunkFileNames: 'export-worker-chunks/[name]-[hash].js'
							}
						}
					}
				});
			}
		}
	};
}
