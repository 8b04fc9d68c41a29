import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { coplanDevServer } from './src/lib/server/devServerPlugin.ts';
import { exportWorkerBuild } from './src/lib/server/minutes/exportWorkerBuild.ts';

export default defineConfig({
	plugins: [sveltekit(), coplanDevServer(), exportWorkerBuild()],
	ssr: {
		// Bundled into the server build rather than imported from node_modules at start-up:
		// Node loads every module these packages' entry points name (about 300 for
		// date-fns, 440 for drizzle-orm), which briefly took the server's heap past 250 MB
		// and left it there; bundled, only what Coplan uses is in the build.
		noExternal: ['date-fns', '@date-fns/tz', 'drizzle-orm']
	},
	test: {
		expect: { requireAssertions: true },
		// Vitest's default on these 2-core machines is one worker, and most test files spend
		// their time waiting on a database, a child process or argon2, not on the CPU: three
		// at once took the suite from 390 s to 263 s here.
		maxWorkers: 3,
		// Each worker keeps its modules from one test file to the next instead of starting
		// afresh: re-importing the server (Hocuspocus, Drizzle, PGlite, Yjs) for each of 130
		// files was most of the run (250 s → 70 s on PostgreSQL here). Test files share no
		// state through modules: each opens its own database and servers, and nothing is
		// mocked at module level (vi.mock is not used by the server tests).
		isolate: false,
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts'],
					globalSetup: ['src/lib/server/testing/testDatabaseGlobalSetup.ts'],
					setupFiles: [
						'src/lib/server/testing/secretKeySetup.ts',
						'src/lib/server/testing/testDatabaseSetup.ts'
					],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: './vite.config.ts',
				plugins: [svelteTesting()],
				test: {
					name: 'components',
					environment: 'jsdom',
					include: ['src/**/*.svelte.test.ts']
				}
			}
		]
	}
});
