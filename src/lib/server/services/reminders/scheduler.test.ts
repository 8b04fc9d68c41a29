import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actions, devOutbox, reminderDigests, users } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createLogger } from '../../logger.ts';
import { createOutboxMailer, type Mailer } from '../../mail/mailer.ts';
import { createChildWithTeam, createMeeting, type ChildWithTeam } from '../../testing/factories.ts';
import { sendDailyDigests } from './dailyDigest.ts';
import { createReminderScheduler, type Clock, type ReminderScheduler } from './scheduler.ts';

/** A clock tests move by hand: timers fire, in order, only when time is advanced past them. */
class FakeClock implements Clock {
	private current: number;
	private timers: { id: number; at: number; callback: () => void }[] = [];
	private nextId = 1;

	constructor(start: string) {
		this.current = Date.parse(start);
	}

	now(): Date {
		return new Date(this.current);
	}

	setTimeout(callback: () => void, ms: number): number {
		const id = this.nextId++;
		this.timers.push({ id, at: this.current + ms, callback });
		return id;
	}

	clearTimeout(handle: unknown): void {
		this.timers = this.timers.filter((timer) => timer.id !== handle);
	}

	/** Moves time on to `to`, firing each timer due on the way; `settle` waits for its work. */
	async advanceTo(to: string, settle: () => Promise<void>): Promise<void> {
		const target = Date.parse(to);
		for (;;) {
			const due = this.timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at)[0];
			if (!due) break;
			this.timers = this.timers.filter((timer) => timer !== due);
			this.current = due.at;
			due.callback();
			await settle();
		}
		this.current = target;
	}
}

let database: TestDatabase;
const logger = createLogger('silent');
let team: ChildWithTeam;
let meetingId: string;

beforeAll(async () => {
	database = await createTestDatabase();
});

afterAll(async () => {
	await database?.close();
});

async function giveAction(ownerKey: string, dueDate: string, text: string) {
	await database.db.insert(actions).values({
		id: crypto.randomUUID(),
		meetingId,
		childId: team.childId,
		text,
		ownerId: team.member(ownerKey).id,
		ownerAgency: 'Agency',
		dueDate,
		status: 'open'
	});
}

async function mailTo(key: string) {
	const [user] = await database.db
		.select()
		.from(users)
		.where(eq(users.id, team.member(key).id));
	return database.db
		.select()
		.from(devOutbox)
		.where(eq(devOutbox.to, user?.email ?? ''));
}

beforeEach(async () => {
	team = await createChildWithTeam(database.db);
	meetingId = await createMeeting(database.db, team);
	// The SaLT has one overdue and one soon; the SENCo one far off; the parent opted out.
	await giveAction('salt', '2027-03-10', 'Teach the class five signs');
	await giveAction('salt', '2027-03-18', 'Send the programme');
	await giveAction('senco', '2027-06-01', 'Book the next review');
	await giveAction('parent', '2027-03-12', 'Bring the home signs list');
	await database.db
		.update(users)
		.set({ remindersOptOut: true })
		.where(eq(users.id, team.member('parent').id));
});

describe('the daily digest scheduler', () => {
	it('sends once, after 07:00 UK time, to owners with actions due soon — and not again after a restart', async () => {
		const mailer = createOutboxMailer(database.db, logger);
		const run = (now: Date) =>
			sendDailyDigests({ db: database.db, mailer, logger, origin: 'https://coplan.example' }, now);
		// 06:30 in London (GMT in March before the clocks change).
		const clock = new FakeClock('2027-03-15T06:30:00Z');
		let scheduler: ReminderScheduler = createReminderScheduler({
			run,
			logger,
			clock,
			checkEveryMs: 10 * 60_000
		});
		const settle = () => scheduler.check();
		await settle();
		expect(await mailTo('salt')).toHaveLength(0);

		await clock.advanceTo('2027-03-15T07:25:00Z', settle);
		const [mail, ...others] = await mailTo('salt');
		expect(others).toHaveLength(0);
		expect(mail?.subject).toBe('Your Coplan actions: 1 overdue, 1 due this week');
		expect(mail?.text).toContain(
			'- An action for Aaron was due Wednesday 10 March 2027 (5 days ago)'
		);
		expect(mail?.text).toContain('- An action for Aaron is due Thursday 18 March 2027');
		expect(mail?.text).toContain('https://coplan.example/actions');
		expect(mail?.text).toContain('https://coplan.example/account/reminders');
		// What an action says stays in Coplan.
		expect(mail?.text).not.toContain('Teach the class');
		// Nothing due soon: no email. Opted out: no email.
		expect(await mailTo('senco')).toHaveLength(0);
		expect(await mailTo('parent')).toHaveLength(0);

		await clock.advanceTo('2027-03-15T12:00:00Z', settle);
		scheduler.stop();
		// The server restarts the same morning: the new scheduler checks at once.
		scheduler = createReminderScheduler({ run, logger, clock, checkEveryMs: 10 * 60_000 });
		await scheduler.check();
		expect(await mailTo('salt')).toHaveLength(1);

		// The next morning, a new digest.
		await clock.advanceTo('2027-03-16T07:05:00Z', () => scheduler.check());
		expect(await mailTo('salt')).toHaveLength(2);
		scheduler.stop();
	});

	it('releases the day’s claim when an email fails, so a later check sends it', async () => {
		const outbox = createOutboxMailer(database.db, logger);
		let failing = true;
		const flaky: Mailer = {
			kind: 'outbox',
			async send(mail) {
				if (failing) throw new Error('SMTP is down');
				await outbox.send(mail);
			}
		};
		const deps = { db: database.db, mailer: flaky, logger, origin: 'https://coplan.example' };
		const now = new Date('2027-03-20T08:00:00Z');
		const first = await sendDailyDigests(deps, now);
		expect(first.sent).toBe(0);
		expect(first.failed).toBeGreaterThan(0);
		const claims = await database.db
			.select()
			.from(reminderDigests)
			.where(eq(reminderDigests.userId, team.member('salt').id));
		expect(claims.filter((claim) => claim.digestDate === '2027-03-20')).toEqual([]);
		expect(await mailTo('salt')).toHaveLength(0);

		failing = false;
		expect((await sendDailyDigests(deps, now)).failed).toBe(0);
		expect(await mailTo('salt')).toHaveLength(1);
		const again = await sendDailyDigests(deps, now);
		expect(again.sent).toBe(0);
		expect(await mailTo('salt')).toHaveLength(1);
	});
});
