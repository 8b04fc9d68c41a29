import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '$lib/server/runtime.ts';
import { GET } from './+server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'coplan-readyz-'));
let runtime: Runtime | undefined;

afterAll(async () => {
	await runtime?.database.close();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /readyz', () => {
	it('answers 200 while the database is reachable, 503 once it is down', async () => {
		runtime = await openRuntime({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
		const live = { savingPaused: () => false };
		const locals = { database: runtime.database, live };
		const call = () => GET({ locals } as Parameters<typeof GET>[0]) as Promise<Response>;

		const up = await call();
		expect(up.status).toBe(200);
		expect(await up.json()).toEqual({ status: 'ready' });

		live.savingPaused = () => true;
		const paused = await call();
		expect(paused.status).toBe(503);
		expect(await paused.json()).toMatchObject({ reason: expect.stringContaining('saving') });
		live.savingPaused = () => false;

		await runtime.database.close();
		const down = await call();
		expect(down.status).toBe(503);
		expect(await down.json()).toMatchObject({ status: 'unavailable' });
		// Creating, migrating and seeding an embedded database on disk: up to 40 s on a busy
		// 2-core machine.
	}, 90_000);
});
