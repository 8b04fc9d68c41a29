import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { createLogger } from '../logger.ts';
import { createChildWithTeam, type ChildWithTeam } from '../testing/factories.ts';
import { OpeningAudit } from './openingAudit.ts';
import { switchableDatabase } from './testing/switchableDatabase.ts';

let database: TestDatabase;
let team: ChildWithTeam;

beforeAll(async () => {
	database = await createTestDatabase();
	team = await createChildWithTeam(database.db);
});

afterAll(async () => {
	await database.close();
});

const opening = (index: number) => ({
	actorId: team.member('parent').id,
	childId: team.childId,
	organisationId: team.organisationId,
	ip: '127.0.0.1',
	documentName: `meeting:${index}`
});

const readsOfChild = () =>
	database.db.select().from(auditEvents).where(eq(auditEvents.childId, team.childId));

describe('auditing the openings of live documents', () => {
	it('writes a crowd of openings in a few inserts, each as a read of the child', async () => {
		const { db, state } = switchableDatabase(database.db);
		const audit = new OpeningAudit(db, createLogger('silent'), 10_000);
		for (let index = 0; index < 2500; index += 1) audit.record(opening(index));
		await audit.flush();
		expect(state.writes).toBe(3);
		const reads = await readsOfChild();
		expect(reads).toHaveLength(2500);
		expect(reads.find((read) => read.details.path === '/collab/meeting:7')).toMatchObject({
			action: 'child.read',
			subjectType: 'child',
			subjectId: team.childId,
			actorId: team.member('parent').id,
			organisationId: team.organisationId,
			ip: '127.0.0.1'
		});
	});

	it('writes by itself shortly after an opening, and carries on after a failed write', async () => {
		const { db, state } = switchableDatabase(database.db);
		const audit = new OpeningAudit(db, createLogger('silent'), 5);
		const before = (await readsOfChild()).length;
		state.down = true;
		audit.record(opening(1));
		await audit.flush();
		state.down = false;
		audit.record(opening(2));
		const deadline = Date.now() + 5000;
		while ((await readsOfChild()).length === before && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		const reads = await readsOfChild();
		expect(reads).toHaveLength(before + 1);
		expect(reads.some((read) => read.details.path === '/collab/meeting:2')).toBe(true);
	});
});
