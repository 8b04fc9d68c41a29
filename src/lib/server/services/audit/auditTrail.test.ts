import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import {
	createChild,
	createChildWithTeam,
	createMeeting,
	type ChildWithTeam
} from '../../testing/factories.ts';
import { auditCsvRows } from './auditCsv.ts';
import {
	EMPTY_FILTERS,
	readAuditFilters,
	searchAuditTrail,
	type AuditFilters
} from './auditTrail.ts';
import { recordAuditEvent } from './recordAuditEvent.ts';

let database: TestDatabase;
let team: ChildWithTeam;
let elsewhere: ChildWithTeam;
let siblingId: string;

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
	database = await createTestDatabase();
	team = await createChildWithTeam(database.db);
	elsewhere = await createChildWithTeam(database.db);
	siblingId = (await createChild(database.db, team.organisationId, { firstName: 'Bea' })).id;
	const meetingId = await createMeeting(database.db, team);
	const senco = team.member('senco');
	const parent = team.member('parent');
	const db = database.db;
	await recordAuditEvent(db, {
		actorId: parent.id,
		action: 'child.read',
		subjectType: 'child',
		subjectId: team.childId,
		ip: '203.0.113.7',
		details: { path: `/children/${team.childId}` }
	});
	await recordAuditEvent(db, {
		actorId: senco.id,
		action: 'meeting.closed',
		subjectType: 'meeting',
		subjectId: meetingId,
		ip: '198.51.100.4'
	});
	await recordAuditEvent(db, {
		actorId: senco.id,
		action: 'child.read',
		subjectType: 'child',
		subjectId: siblingId,
		ip: '198.51.100.4',
		details: { path: '=HYPERLINK("http://evil.example")' }
	});
	// A member's own account event, and a parent's (not a member): only the first is the school's.
	await recordAuditEvent(db, {
		actorId: senco.id,
		action: 'user.passwordChanged',
		subjectType: 'user',
		subjectId: senco.id
	});
	await recordAuditEvent(db, {
		actorId: parent.id,
		action: 'user.passwordChanged',
		subjectType: 'user',
		subjectId: parent.id
	});
	await recordAuditEvent(db, {
		actorId: elsewhere.member('senco').id,
		action: 'child.read',
		subjectType: 'child',
		subjectId: elsewhere.childId
	});
	// One event last winter, to filter by dates (UK time: 1 January).
	await db.insert(auditEvents).values({
		actorId: senco.id,
		action: 'child.updated',
		subjectType: 'child',
		subjectId: team.childId,
		childId: team.childId,
		organisationId: team.organisationId,
		occurredAt: at('2026-01-01T10:00:00Z')
	});
});

afterAll(async () => {
	await database.close();
});

async function search(filters: Partial<AuditFilters> = {}) {
	const { entries } = await searchAuditTrail(
		database.db,
		team.organisationId,
		{ ...EMPTY_FILTERS, ...filters },
		{ offset: 0, limit: 100 }
	);
	return entries;
}

describe('an organisation’s audit trail', () => {
	it('holds its children’s events and its members’ account events, nobody else’s', async () => {
		const entries = await search();
		expect(entries.map((entry) => entry.action).sort()).toEqual(
			['child.read', 'child.read', 'child.updated', 'meeting.closed', 'user.passwordChanged'].sort()
		);
		expect(entries.every((entry) => entry.childId !== elsewhere.childId)).toBe(true);
		const accountEvent = entries.find((entry) => entry.action === 'user.passwordChanged');
		expect(accountEvent?.actorName).toBe(team.member('senco').name);
	});

	it('filters by who, what, which child, when and from where', async () => {
		const parentName = team.member('parent').name;
		expect((await search({ person: parentName.slice(0, 8) })).map((e) => e.actorName)).toEqual([
			parentName
		]);
		expect(await search({ person: '%' })).toEqual([]);
		expect((await search({ action: 'meeting.closed' })).map((e) => e.childId)).toEqual([
			team.childId
		]);
		const sibling = await search({ childId: siblingId });
		expect(sibling.map((e) => e.childName?.split(' ')[0])).toEqual(['Bea']);
		expect((await search({ from: '2026-01-01', to: '2026-01-01' })).map((e) => e.action)).toEqual([
			'child.updated'
		]);
		expect((await search({ to: '2025-12-31' })).length).toBe(0);
		expect((await search({ address: '198.51.100' })).map((e) => e.action).sort()).toEqual([
			'child.read',
			'meeting.closed'
		]);
	});

	it('reports malformed filters and leaves them out', () => {
		const { filters, errors } = readAuditFilters(
			new URLSearchParams({ childId: 'x', from: '2026-02-30', to: '2026-01-01' })
		);
		expect(filters).toMatchObject({ childId: '', from: '', to: '2026-01-01' });
		expect(Object.keys(errors).sort()).toEqual(['childId', 'from']);
		expect(
			readAuditFilters(new URLSearchParams({ from: '2026-02-01', to: '2026-01-01' })).errors
		).toEqual({
			to: 'The last day must be the same as or after the first day'
		});
	});

	it('downloads as CSV a spreadsheet will not run', async () => {
		const csv = auditCsvRows(await search({ childId: siblingId }));
		expect(csv).toContain(`'=HYPERLINK`);
		expect(csv).toContain('Read the child’s record');
		expect(csv).toContain('198.51.100.4');
	});
});
