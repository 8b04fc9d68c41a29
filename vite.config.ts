import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { coplanDevServer } from './src/lib/server/devServerPlugin.ts';
import { exportWorkerBuild } from './src/lib/server/minutes/exportWorkerBuild.ts';

export default defineConfig({
	plugins: [sveltekit(), coplanDevServer(), exportWorkerBuild()],
	test: {
		expect: { requireAssertions: true },
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
