import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { coplanDevServer } from './src/lib/server/devServerPlugin.ts';
import { exportWorkerBuild } from './src/lib/server/minutes/exportWorkerBuild.ts';

export default defineConfig({
	plugins: [sveltekit(), coplanDevServer(), exportWorkerBuild()],
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
