import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, children } from '../../db/schema.ts';
import { listMyChildren } from '../listMyChildren.ts';
import { deleteChild } from './deleteChild.ts';
import { findChild } from './findChild.ts';
import { listVisibleChildren } from './listVisibleChildren.ts';
import { actorFor, addToTeam, makeChild, makeOrganisation, makeUser } from './testing/fixtures.ts';
import { storedDocuments } from '../../collab/liveDocuments.ts';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

describe('deleteChild', () => {
	it('hides the child everywhere, keeps the row, and records who deleted it', async () => {
		const { db } = database;
		const school = await makeOrganisation(db);
		const senco = await makeUser(db, 'Priya Shah', { id: school.id, role: 'coordinator' });
		const parent = await makeUser(db, 'Sarah Thompson');
		const child = await makeChild(db, school.id);
		await addToTeam(db, child.id, parent, 'parent_carer', 'Family');
		const now = new Date('2026-11-23T10:00:00Z');

		expect(await deleteChild(db, storedDocuments(db), senco.id, child.id, now)).toBe(true);

		expect(await findChild(db, child.id)).toBeNull();
		expect(await listVisibleChildren(db, await actorFor(db, senco))).toEqual([]);
		expect(await listMyChildren(db, parent.id)).toEqual([]);
		const [row] = await db
			.select({ deletedAt: children.deletedAt })
			.from(children)
			.where(eq(children.id, child.id));
		expect(row?.deletedAt).toEqual(now);
		expect(
			await db
				.select({
					actorId: auditEvents.actorId,
					action: auditEvents.action,
					occurredAt: auditEvents.occurredAt
				})
				.from(auditEvents)
				.where(eq(auditEvents.subjectId, child.id))
		).toEqual([{ actorId: senco.id, action: 'child.deleted', occurredAt: expect.any(Date) }]);
	});

	it('does nothing, and records nothing, for a child already deleted', async () => {
		const { db } = database;
		const school = await makeOrganisation(db);
		const senco = await makeUser(db, 'Priya Shah', { id: school.id, role: 'coordinator' });
		const child = await makeChild(db, school.id, { deletedAt: new Date('2026-01-01T00:00:00Z') });
		expect(await deleteChild(db, storedDocuments(db), senco.id, child.id)).toBe(false);
		expect(await db.select().from(auditEvents).where(eq(auditEvents.subjectId, child.id))).toEqual(
			[]
		);
	});
});
