import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startRuntime, stopRuntime } from '$lib/server/runtime.ts';
import { GET } from './+server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'coplan-readyz-'));

afterAll(async () => {
	await stopRuntime();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /readyz', () => {
	it('answers 200 while the database is reachable, 503 once it is down', async () => {
		const runtime = await startRuntime({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
		const call = () => GET({} as Parameters<typeof GET>[0]) as Promise<Response>;

		const up = await call();
		expect(up.status).toBe(200);
		expect(await up.json()).toEqual({ status: 'ready' });

		await runtime.database.close();
		const down = await call();
		expect(down.status).toBe(503);
		expect(await down.json()).toMatchObject({ status: 'unavailable' });
	});
});
