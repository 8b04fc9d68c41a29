import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './dataDirLock.ts';

const directories: string[] = [];
function freshDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'coplan-lock-'));
	directories.push(dir);
	return dir;
}

afterEach(() => {
	for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('lockDataDir', () => {
	it('creates a missing data directory, including its parents', () => {
		const dir = join(freshDir(), 'nested', 'data');
		const lock = lockDataDir(dir);
		expect(readFileSync(join(dir, 'coplan.lock'), 'utf8')).toBe(String(process.pid));
		lock.release();
		expect(existsSync(join(dir, 'coplan.lock'))).toBe(false);
	});

	it('refuses a second lock while the first is held, naming the directory and the owner', () => {
		const dir = freshDir();
		const lock = lockDataDir(dir);
		expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
		expect(() => lockDataDir(dir)).toThrow(
			`already in use by another Coplan process (pid ${process.pid})`
		);
		lock.release();
		lockDataDir(dir).release();
	});

	it('refuses a lock held by another live process', async () => {
		const dir = freshDir();
		const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
		try {
			await new Promise((resolve) => other.once('spawn', resolve));
			writeFileSync(join(dir, 'coplan.lock'), String(other.pid));
			expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
		} finally {
			other.kill();
		}
	});

	it('takes over a lock left by a process that has died', async () => {
		const dir = freshDir();
		const dead = spawn(process.execPath, ['-e', '']);
		const pid = dead.pid;
		await new Promise((resolve) => dead.once('exit', resolve));
		writeFileSync(join(dir, 'coplan.lock'), String(pid));
		const lock = lockDataDir(dir);
		expect(readFileSync(join(dir, 'coplan.lock'), 'utf8')).toBe(String(process.pid));
		lock.release();
	});

	it('takes over a lock file with garbage in it', () => {
		const dir = freshDir();
		writeFileSync(join(dir, 'coplan.lock'), 'not a pid');
		lockDataDir(dir).release();
		expect(existsSync(join(dir, 'coplan.lock'))).toBe(false);
	});
});
