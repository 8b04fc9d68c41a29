import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { SECRET_KEY_BYTES } from './auth/secretBox.ts';
import { ConfigError } from './env.ts';

/**
 * Where the process's secret key comes from: SECRET_KEY when set; otherwise a key file
 * in DATA_DIR, made on the first start. The file must be kept (and backed up) with the
 * database: without it, everyone's two-factor set-up stops working.
 */
export const SECRET_KEY_FILE = 'secret-key';

export interface LoadedSecretKey {
	key: Uint8Array;
	/** Set when this start made a new key file (the operator is told where). */
	createdFile: string | null;
}

export function decodeSecretKey(text: string, where: string): Uint8Array {
	const key = new Uint8Array(Buffer.from(text.trim(), 'base64'));
	if (key.length !== SECRET_KEY_BYTES) {
		throw new ConfigError(
			`${where} must be ${SECRET_KEY_BYTES} random bytes in base64, for example from: openssl rand -base64 32`
		);
	}
	return key;
}

export function loadSecretKey(options: { secretKey?: string; dataDir: string }): LoadedSecretKey {
	if (options.secretKey) {
		return { key: decodeSecretKey(options.secretKey, 'SECRET_KEY'), createdFile: null };
	}
	const file = resolve(join(options.dataDir, SECRET_KEY_FILE));
	if (existsSync(file)) {
		return {
			key: decodeSecretKey(readFileSync(file, 'utf8'), `The key file ${file}`),
			createdFile: null
		};
	}
	mkdirSync(resolve(options.dataDir), { recursive: true });
	const key = new Uint8Array(randomBytes(SECRET_KEY_BYTES));
	try {
		// 'wx': never overwrite a key another process has just written; use theirs instead.
		writeFileSync(file, `${Buffer.from(key).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		return loadSecretKey(options);
	}
	chmodSync(file, 0o600);
	return { key, createdFile: file };
}
