import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../testing/factories.ts';
import { recoveryCodes } from '../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import {
	countUnusedRecoveryCodes,
	generateRecoveryCode,
	hashRecoveryCode,
	RECOVERY_CODE_COUNT,
	replaceRecoveryCodes,
	useRecoveryCode
} from './recoveryCodes.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

describe('recovery code format', () => {
	it('is four groups of four base32 characters, different every time', () => {
		const codes = Array.from({ length: 100 }, generateRecoveryCode);
		for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
		expect(new Set(codes).size).toBe(codes.length);
	});

	it('hashes with SHA-256, ignoring case, spaces and hyphens', () => {
		expect(hashRecoveryCode('ABCD-efgh ijkl-mnop')).toBe(
			createHash('sha256').update('abcdefghijklmnop').digest('hex')
		);
	});
});

describe('stored recovery codes', () => {
	it('stores ten hashes and never the codes themselves', async () => {
		const { id: userId } = await createUser(database.db);
		const codes = await replaceRecoveryCodes(database.db, userId);
		expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
		const rows = await database.db
			.select()
			.from(recoveryCodes)
			.where(eq(recoveryCodes.userId, userId));
		expect(rows.map((row) => row.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
		expect(JSON.stringify(rows)).not.toContain(codes[0]);
	});

	it('accepts each code once only', async () => {
		const { id: userId } = await createUser(database.db);
		const [code] = await replaceRecoveryCodes(database.db, userId);
		if (!code) throw new Error('no code');
		expect(await useRecoveryCode(database.db, userId, code.toUpperCase())).toBe(true);
		expect(await useRecoveryCode(database.db, userId, code)).toBe(false);
		expect(await countUnusedRecoveryCodes(database.db, userId)).toBe(RECOVERY_CODE_COUNT - 1);
	});

	it('works once even when two requests race with the same code', async () => {
		const { id: userId } = await createUser(database.db);
		const [code] = await replaceRecoveryCodes(database.db, userId);
		if (!code) throw new Error('no code');
		const results = await Promise.all([
			useRecoveryCode(database.db, userId, code),
			useRecoveryCode(database.db, userId, code)
		]);
		expect(results.filter(Boolean)).toHaveLength(1);
	});

	it("refuses another user's code, an unknown code and an empty one", async () => {
		const { id: owner } = await createUser(database.db);
		const { id: other } = await createUser(database.db);
		const [code] = await replaceRecoveryCodes(database.db, owner);
		if (!code) throw new Error('no code');
		expect(await useRecoveryCode(database.db, other, code)).toBe(false);
		expect(await useRecoveryCode(database.db, owner, generateRecoveryCode())).toBe(false);
		expect(await useRecoveryCode(database.db, owner, ' - ')).toBe(false);
		expect(await countUnusedRecoveryCodes(database.db, owner)).toBe(RECOVERY_CODE_COUNT);
	});

	it('a new set replaces the old one entirely', async () => {
		const { id: userId } = await createUser(database.db);
		const [old] = await replaceRecoveryCodes(database.db, userId);
		await replaceRecoveryCodes(database.db, userId);
		if (!old) throw new Error('no code');
		expect(await useRecoveryCode(database.db, userId, old)).toBe(false);
		expect(await countUnusedRecoveryCodes(database.db, userId)).toBe(RECOVERY_CODE_COUNT);
	});
});
