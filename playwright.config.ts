import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run the built app (`node tests/e2e/serve.ts`) against a fresh database
 * and drive the system Chromium. `npm test` passes a free port in E2E_PORT; when it is
 * unset a random one is chosen and written back to the environment, because this file
 * is evaluated again in every worker process and they must all agree on the port.
 */
function e2ePort(): number {
	const fromEnv = Number(process.env.E2E_PORT);
	if (Number.isInteger(fromEnv) && fromEnv > 0 && fromEnv < 65536) return fromEnv;
	const port = 41000 + Math.floor(Math.random() * 8000);
	process.env.E2E_PORT = String(port);
	return port;
}

const port = e2ePort();
const origin = `http://127.0.0.1:${port}`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	timeout: 30_000,
	forbidOnly: Boolean(process.env.CI),
	outputDir: 'test-results',
	use: {
		baseURL: origin,
		headless: true,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-dev-shm-usage'
			]
		}
	},
	webServer: {
		command: 'node tests/e2e/serve.ts',
		url: `${origin}/healthz`,
		timeout: 120_000,
		reuseExistingServer: false,
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
		stdout: 'pipe',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			LOG_LEVEL: 'warn'
		}
	}
});
