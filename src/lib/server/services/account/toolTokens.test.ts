import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateToolToken, toolTokenHash } from '../../auth/toolTokens.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, teamMembers, toolTokens } from '../../db/schema.ts';
import { createChildWithTeam, createMeeting, createSignedInUser } from '../../testing/factories.ts';
import {
	createToolToken,
	listToolTokens,
	revokeToolToken,
	toolTokenMeetingChoices
} from './toolTokens.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

async function auditOf(action: string, meetingId: string) {
	return database.db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, meetingId)));
}

describe('tool tokens', () => {
	it('are made for a meeting the person may open, stored only as a hash, and audited', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const salt = team.member('salt');
		const now = new Date('2026-12-01T09:00:00Z');
		const created = await createToolToken(database.db, {
			userId: salt.id,
			meetingId,
			label: 'Therapy notes importer',
			readOnly: false,
			days: 30,
			ip: '203.0.113.9',
			now
		});
		if (!created.ok) throw new Error(created.reason);
		expect(created.secret).toMatch(/^coplan_tool_[a-z2-7]{32}$/);
		expect(created.expiresAt).toEqual(new Date('2026-12-31T09:00:00Z'));

		const [row] = await database.db.select().from(toolTokens).where(eq(toolTokens.id, created.id));
		expect(row?.tokenHash).toBe(toolTokenHash(created.secret));
		expect(JSON.stringify(row)).not.toContain(created.secret);

		const [audit] = await auditOf('toolToken.created', meetingId);
		expect(audit).toMatchObject({
			actorId: salt.id,
			childId: team.childId,
			organisationId: team.organisationId,
			ip: '203.0.113.9'
		});
		expect(audit?.details).toMatchObject({ tokenId: created.id, readOnly: false });
		expect(JSON.stringify(audit)).not.toContain(created.secret);

		const listed = await listToolTokens(database.db, salt.id, now);
		expect(listed).toHaveLength(1);
		expect(listed[0]).toMatchObject({
			id: created.id,
			label: 'Therapy notes importer',
			readOnly: false,
			lastUsedAt: null,
			expired: false
		});
		expect(listed[0]?.meeting?.id).toBe(meetingId);

		// Out of the child's team, the person no longer sees which meeting it was for.
		await database.db
			.delete(teamMembers)
			.where(and(eq(teamMembers.childId, team.childId), eq(teamMembers.userId, salt.id)));
		const [afterLeaving] = await listToolTokens(database.db, salt.id, now);
		expect(afterLeaving?.id).toBe(created.id);
		expect(afterLeaving?.meeting).toBeNull();
	});

	it('are refused for a meeting the person may not open, as if it did not exist', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const stranger = await createSignedInUser(database.db);
		expect(await toolTokenMeetingChoices(database.db, stranger.id)).toEqual([]);
		expect(
			await createToolToken(database.db, {
				userId: stranger.id,
				meetingId,
				label: 'Nosy',
				readOnly: true,
				days: 1
			})
		).toEqual({ ok: false, reason: 'meeting-not-found' });
		const choices = await toolTokenMeetingChoices(database.db, team.member('parent').id);
		expect(choices.map((choice) => choice.id)).toEqual([meetingId]);
	});

	it('last no longer than the maximum', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const input = { userId: team.member('senco').id, meetingId, label: 'x', readOnly: true };
		await expect(createToolToken(database.db, { ...input, days: 91 })).rejects.toThrow(RangeError);
		await expect(createToolToken(database.db, { ...input, days: 0 })).rejects.toThrow(RangeError);
	});

	it('work until revoked by their owner, and only their owner', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const parent = team.member('parent');
		const created = await createToolToken(database.db, {
			userId: parent.id,
			meetingId,
			label: 'Home diary',
			readOnly: true,
			days: 7
		});
		if (!created.ok) throw new Error(created.reason);
		const found = await authenticateToolToken(database.db, created.secret);
		expect(found?.user.id).toBe(parent.id);
		expect(found?.token).toEqual({ id: created.id, meetingId, readOnly: true });

		expect(await revokeToolToken(database.db, team.member('senco').id, created.id)).toBe(false);
		expect(await revokeToolToken(database.db, parent.id, created.id, '198.51.100.7')).toBe(true);
		expect(await revokeToolToken(database.db, parent.id, created.id)).toBe(false);
		expect(await authenticateToolToken(database.db, created.secret)).toBeNull();
		expect(await listToolTokens(database.db, parent.id)).toEqual([]);
		const revoked = await auditOf('toolToken.revoked', meetingId);
		expect(revoked).toHaveLength(1);
		expect(revoked[0]).toMatchObject({ actorId: parent.id, childId: team.childId });
	});

	it('stop working when they expire, and are listed as expired', async () => {
		const team = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		const senco = team.member('senco');
		const created = await createToolToken(database.db, {
			userId: senco.id,
			meetingId,
			label: 'Agenda builder',
			readOnly: false,
			days: 1,
			now: new Date('2026-12-01T09:00:00Z')
		});
		if (!created.ok) throw new Error(created.reason);
		const later = new Date('2026-12-02T09:00:01Z');
		expect(await authenticateToolToken(database.db, created.secret, later)).toBeNull();
		expect(await authenticateToolToken(database.db, 'coplan_tool_not-a-token')).toBeNull();
		const [listed] = await listToolTokens(database.db, senco.id, later);
		expect(listed?.expired).toBe(true);
	});
});
