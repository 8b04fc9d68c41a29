import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	deadlineCompletions,
	meetingInvitees,
	meetingPacks,
	teamMembers
} from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createLogger } from '../../logger.ts';
import type { Mail, Mailer } from '../../mail/mailer.ts';
import {
	addTeamMember,
	createChildWithTeam,
	createMeeting,
	createUser,
	type ChildWithTeam
} from '../../testing/factories.ts';
import { sendDuePacks } from './sendPacks.ts';

const logger = createLogger('silent');
const STARTS_AT = new Date('2027-03-12T10:00:00Z');
/** 09:00 on the pack's date, 14 days before (advice_circulated), and the day before that. */
const PACK_DAY = new Date('2027-02-26T09:00:00Z');
const DAY_BEFORE = new Date('2027-02-25T09:00:00Z');

let database: TestDatabase;
let team: ChildWithTeam;
let meetingId: string;
let sent: Mail[];
let failing: boolean;

const mailer: Mailer = {
	kind: 'outbox',
	async send(mail) {
		if (failing) throw new Error('mail server down');
		sent.push(mail);
	}
};
const deps = () => ({ db: database.db, mailer, logger, origin: 'https://coplan.example' });

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database?.close();
});
beforeEach(async () => {
	sent = [];
	failing = false;
	team = await createChildWithTeam(database.db);
	meetingId = await createMeeting(database.db, team, { startsAt: STARTS_AT, status: 'scheduled' });
	await database.db
		.insert(meetingInvitees)
		.values(Object.values(team.people).map((person) => ({ meetingId, userId: person.id })));
});

const sentToTeam = () =>
	sent.filter((mail) => Object.values(team.people).some((person) => person.email === mail.to));

describe('sendDuePacks', () => {
	it('sends nothing before the advice_circulated date', async () => {
		await sendDuePacks(deps(), DAY_BEFORE);
		expect(sentToTeam()).toEqual([]);
	});

	it('sends each invitee the pack once, however often it runs, and marks the deadline done', async () => {
		await sendDuePacks(deps(), PACK_DAY);
		await sendDuePacks(deps(), new Date(PACK_DAY.getTime() + 5 * 60_000));
		await sendDuePacks(deps(), new Date(PACK_DAY.getTime() + 86_400_000));
		const mails = sentToTeam();
		expect(mails.map((mail) => mail.to).sort()).toEqual(
			Object.values(team.people)
				.map((person) => person.email)
				.sort()
		);
		expect(mails[0]?.text).toContain(`https://coplan.example/meetings/${meetingId}/pack`);
		// The SaLT owes advice, so their email says where to add it; the parent's does not.
		const salt = mails.find((mail) => mail.to === team.member('salt').email);
		const parent = mails.find((mail) => mail.to === team.member('parent').email);
		expect(salt?.text).toContain(`/children/${team.childId}/advice/new`);
		expect(parent?.text).not.toContain('/advice/new');
		const [pack] = await database.db
			.select()
			.from(meetingPacks)
			.where(eq(meetingPacks.meetingId, meetingId));
		expect(pack?.dueDate).toBe('2027-02-26');
		expect(pack?.sentAt).not.toBeNull();
		const done = await database.db
			.select()
			.from(deadlineCompletions)
			.where(
				and(
					eq(deadlineCompletions.meetingId, meetingId),
					eq(deadlineCompletions.ruleKey, 'advice_circulated')
				)
			);
		expect(done).toHaveLength(1);
	});

	it('sends the current pack to someone who joins the team after it went out', async () => {
		await sendDuePacks(deps(), PACK_DAY);
		const before = sentToTeam().length;
		const ot = await createUser(database.db, { name: 'Olu Late' });
		await addTeamMember(database.db, team.childId, ot.id, 'ot', 'NHS Occupational Therapy');
		// They joined an hour after the pack went out (by the same clock as the scheduler's).
		await database.db
			.update(teamMembers)
			.set({ createdAt: new Date(PACK_DAY.getTime() + 3_600_000) })
			.where(eq(teamMembers.userId, ot.id));
		await sendDuePacks(deps(), new Date(PACK_DAY.getTime() + 2 * 3_600_000));
		await sendDuePacks(deps(), new Date(PACK_DAY.getTime() + 3 * 3_600_000));
		const late = sent.filter((mail) => mail.to === ot.email);
		expect(late).toHaveLength(1);
		expect(late[0]?.text).toContain('You have joined the team');
		expect(sentToTeam()).toHaveLength(before);
	});

	it('tries again after a failed email, without sending twice to the others', async () => {
		failing = true;
		await sendDuePacks(deps(), PACK_DAY);
		expect(sentToTeam()).toEqual([]);
		failing = false;
		await sendDuePacks(deps(), new Date(PACK_DAY.getTime() + 5 * 60_000));
		await sendDuePacks(deps(), new Date(PACK_DAY.getTime() + 10 * 60_000));
		expect(sentToTeam()).toHaveLength(Object.keys(team.people).length);
	});
});
