import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './env.ts';
import { loadSecretKey, SECRET_KEY_FILE } from './secretKey.ts';

const dirs: string[] = [];
function dataDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'coplan-key-'));
	dirs.push(dir);
	return join(dir, 'data');
}

afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadSecretKey', () => {
	it('makes a key file readable only by its owner on the first start, and reuses it', () => {
		const dir = dataDir();
		const first = loadSecretKey({ dataDir: dir });
		expect(first.key).toHaveLength(32);
		expect(first.createdFile).toBe(join(dir, SECRET_KEY_FILE));
		expect(statSync(join(dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
		const second = loadSecretKey({ dataDir: dir });
		expect(second).toEqual({ key: first.key, createdFile: null });
	});

	it('prefers SECRET_KEY and writes no file', () => {
		const dir = dataDir();
		const secretKey = Buffer.alloc(32, 9).toString('base64');
		expect(loadSecretKey({ secretKey, dataDir: dir })).toEqual({
			key: new Uint8Array(Buffer.alloc(32, 9)),
			createdFile: null
		});
		expect(() => readFileSync(join(dir, SECRET_KEY_FILE))).toThrow();
	});

	it('stops with a clear message when the key file is damaged', () => {
		const dir = dataDir();
		loadSecretKey({ dataDir: dir });
		writeFileSync(join(dir, SECRET_KEY_FILE), 'not a key\n');
		expect(() => loadSecretKey({ dataDir: dir })).toThrow(ConfigError);
		expect(() => loadSecretKey({ dataDir: dir })).toThrow(/must be 32 random bytes in base64/);
	});
});
