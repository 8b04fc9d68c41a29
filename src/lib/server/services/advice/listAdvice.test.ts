import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createChild, createOrganisation, createUser } from '../../testing/factories.ts';
import { addAdvice } from './addAdvice.ts';
import type { NewAdvice } from './adviceForm.ts';
import { findAdviceFile } from './findAdviceFile.ts';
import { listAdvice } from './listAdvice.ts';
import { fixtureBytes } from './testing/fixtureFiles.ts';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

const advice = (change: Partial<NewAdvice>): NewAdvice => ({
	title: 'Advice',
	authorName: 'Sam Okafor',
	agency: 'Northshire Community Health',
	adviceDate: '2026-10-01',
	reviewBy: null,
	text: 'Use signs alongside words.',
	file: null,
	...change
});

async function world() {
	const { db } = database;
	const school = await createOrganisation(db);
	const salt = await createUser(db, { name: 'Sam Okafor' });
	const child = await createChild(db, school.id);
	return { db, salt, child };
}

describe('listAdvice', () => {
	it('lists newest advice first, flagging stale and review-due items as of the UK date', async () => {
		const { db, salt, child } = await world();
		await addAdvice(
			db,
			salt.id,
			child.id,
			advice({ title: 'Current', adviceDate: '2026-06-01', reviewBy: '2027-06-01' })
		);
		await addAdvice(db, salt.id, child.id, advice({ title: 'Old', adviceDate: '2025-09-30' }));
		await addAdvice(
			db,
			salt.id,
			child.id,
			advice({ title: 'Due', adviceDate: '2026-03-01', reviewBy: '2026-09-30' })
		);
		// 00:30 on 1 October in the UK (BST) is still 30 September in UTC.
		const now = new Date('2026-09-30T23:30:00Z');

		const items = await listAdvice(db, child.id, now);
		expect(items.map(({ title, stale, reviewDue }) => ({ title, stale, reviewDue }))).toEqual([
			{ title: 'Current', stale: false, reviewDue: false },
			{ title: 'Due', stale: false, reviewDue: true },
			{ title: 'Old', stale: true, reviewDue: false }
		]);
		expect(items[0]).toMatchObject({ addedByName: 'Sam Okafor', file: null });
	});

	it('stores an uploaded file byte for byte and gives it back only for its own child', async () => {
		const { db, salt, child } = await world();
		const other = await createChild(db, child.organisationId, { firstName: 'Jordan' });
		const bytes = fixtureBytes('docx');
		const { id } = await addAdvice(
			db,
			salt.id,
			child.id,
			advice({
				title: 'Physiotherapy programme',
				text: '',
				file: {
					name: 'programme.docx',
					mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
					bytes
				}
			})
		);

		const [listed] = await listAdvice(db, child.id);
		expect(listed?.file).toEqual({
			name: 'programme.docx',
			type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			size: bytes.byteLength
		});
		const stored = await findAdviceFile(db, child.id, id);
		expect(stored?.name).toBe('programme.docx');
		expect(Buffer.from(stored?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
		expect(await findAdviceFile(db, other.id, id)).toBeNull();
		expect(await findAdviceFile(db, child.id, 'not-a-uuid')).toBeNull();
	});
});
