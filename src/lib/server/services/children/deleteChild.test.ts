import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, children } from '../../db/schema.ts';
import { listMyChildren } from '../listMyChildren.ts';
import { deleteChild } from './deleteChild.ts';
import { findChild } from './findChild.ts';
import { listVisibleChildren } from './listVisibleChildren.ts';
import { loadActor } from '../../policy.ts';
import {
	addTeamMember,
	createChild,
	createOrganisation,
	createUser
} from '../../testing/factories.ts';
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
		const school = await createOrganisation(db);
		const senco = await createUser(db, {
			name: 'Priya Shah',
			membership: { organisationId: school.id, role: 'coordinator' }
		});
		const parent = await createUser(db, { name: 'Sarah Thompson' });
		const child = await createChild(db, school.id);
		await addTeamMember(db, child.id, parent.id, 'parent_carer', 'Family');
		const now = new Date('2026-11-23T10:00:00Z');

		expect(await deleteChild(db, storedDocuments(db), senco.id, child.id, now)).toBe(true);

		expect(await findChild(db, child.id)).toBeNull();
		expect(await listVisibleChildren(db, await loadActor(db, senco.id))).toEqual([]);
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
		const school = await createOrganisation(db);
		const senco = await createUser(db, {
			name: 'Priya Shah',
			membership: { organisationId: school.id, role: 'coordinator' }
		});
		const child = await createChild(db, school.id, { deletedAt: new Date('2026-01-01T00:00:00Z') });
		expect(await deleteChild(db, storedDocuments(db), senco.id, child.id)).toBe(false);
		expect(await db.select().from(auditEvents).where(eq(auditEvents.subjectId, child.id))).toEqual(
			[]
		);
	});
});
