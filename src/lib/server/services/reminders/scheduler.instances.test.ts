import { setTimeout as delay } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../../db/client.ts';
import { actions, devOutbox, users } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createLogger } from '../../logger.ts';
import { createOutboxMailer, type Mail, type Mailer } from '../../mail/mailer.ts';
import {
	createChild,
	createChildWithTeam,
	createMeeting,
	createUser,
	type ChildWithTeam
} from '../../testing/factories.ts';
import { openOtherInstance, testPostgresUrl } from '../../testing/instances.ts';
import type { DigestDependencies, DigestRun } from './dailyDigest.ts';
import {
	createReminderScheduler,
	dailyEmails,
	type Clock,
	type ReminderScheduler
} from './scheduler.ts';

/**
 * Two server instances, each with its own pool of connections to one PostgreSQL database,
 * send the day's emails at the same moment, overlapping and restarting: everyone with
 * actions due still gets one digest, and each retention notice goes out once.
 */

const logger = createLogger('silent');
const TEAMS = 4;

/** A clock stopped at one moment; its timers never fire, so tests call check() themselves. */
function clockAt(iso: string): Clock {
	return { now: () => new Date(iso), setTimeout: () => 0, clearTimeout: () => {} };
}

/** The outbox mailer, as if each email took a few milliseconds to hand over (SMTP does). */
function slowMailer(db: Database, before: (mail: Mail) => Promise<void> = () => delay(5)): Mailer {
	const outbox = createOutboxMailer(db, logger);
	return {
		kind: 'outbox',
		async send(mail) {
			await before(mail);
			await outbox.send(mail);
		}
	};
}

function startScheduler(deps: DigestDependencies, clock: Clock): ReminderScheduler {
	return createReminderScheduler({ run: dailyEmails(deps), logger, clock });
}

function total(runs: DigestRun[], field: keyof DigestRun): number {
	return runs.reduce((sum, run) => sum + run[field], 0);
}

describe.skipIf(!testPostgresUrl())(
	'the day’s emails from two instances sharing PostgreSQL',
	() => {
		let database: TestDatabase;
		let other: DatabaseHandle;
		/** Each address that should get an email each day: the digests' and the notice's. */
		let expected: Record<string, number>;

		const instance = (db: Database, mailer = slowMailer(db)): DigestDependencies => ({
			db,
			mailer,
			logger,
			origin: 'https://coplan.example'
		});
		const first = (mailer?: Mailer) => instance(database.db, mailer);
		const second = (mailer?: Mailer) => instance(other.db, mailer);

		async function giveAction(
			team: ChildWithTeam,
			meetingId: string,
			key: string,
			dueDate: string
		) {
			await database.db.insert(actions).values({
				id: crypto.randomUUID(),
				meetingId,
				childId: team.childId,
				text: 'Something to do',
				ownerId: team.member(key).id,
				ownerAgency: 'Agency',
				dueDate,
				status: 'open'
			});
		}

		/** How many emails each address has had, from the outbox both instances write to. */
		async function mailCounts(): Promise<Record<string, number>> {
			const counts: Record<string, number> = {};
			for (const mail of await database.db.select({ to: devOutbox.to }).from(devOutbox)) {
				counts[mail.to] = (counts[mail.to] ?? 0) + 1;
			}
			return counts;
		}

		beforeAll(async () => {
			database = await createTestDatabase();
			other = await openOtherInstance(database);
			expected = {};
			for (let index = 0; index < TEAMS; index += 1) {
				const team = await createChildWithTeam(database.db);
				const meetingId = await createMeeting(database.db, team);
				// For days 15–17 March 2027: the SENCo's is overdue, the SaLT's due this week,
				// the social worker's far off, and the parent has opted out.
				await giveAction(team, meetingId, 'senco', '2027-03-10');
				await giveAction(team, meetingId, 'salt', '2027-03-18');
				await giveAction(team, meetingId, 'socialWorker', '2027-06-01');
				await giveAction(team, meetingId, 'parent', '2027-03-12');
				await database.db
					.update(users)
					.set({ remindersOptOut: true })
					.where(eq(users.id, team.member('parent').id));
				expected[team.member('senco').email] = 1;
				expected[team.member('salt').email] = 1;
				if (index === 0) {
					// A child's record long past the retention rule: its organisation's admin is told.
					await createChild(database.db, team.organisationId, { dateOfBirth: '1980-01-01' });
					const admin = await createUser(database.db, {
						membership: { organisationId: team.organisationId, role: 'admin' }
					});
					expected[admin.email] = 1;
				}
			}
		});

		afterAll(async () => {
			await other?.close();
			await database?.close();
		});

		beforeEach(async () => {
			await database.db.delete(devOutbox);
		});

		it('sends each once when both run at the same moment, and nothing when both run again', async () => {
			const now = new Date('2027-03-15T07:30:00Z');
			const runs = await Promise.all([dailyEmails(first())(now), dailyEmails(second())(now)]);
			expect(await mailCounts()).toEqual(expected);
			const emails = Object.keys(expected).length;
			expect(total(runs, 'sent')).toBe(emails);
			expect(total(runs, 'alreadySent')).toBe(emails);
			expect(total(runs, 'failed')).toBe(0);

			const again = await Promise.all([dailyEmails(first())(now), dailyEmails(second())(now)]);
			expect(total(again, 'sent')).toBe(0);
			expect(total(again, 'alreadySent')).toBe(2 * emails);
			expect(await mailCounts()).toEqual(expected);
		});

		it('sends each once when both instances’ schedulers start, overlap and restart again and again', async () => {
			const clock = clockAt('2027-03-16T07:05:00Z');
			for (let round = 0; round < 6; round += 1) {
				// Restarted servers check at once; the second starts a little later each round.
				const a = startScheduler(first(), clock);
				const b = delay(round * 3).then(() => startScheduler(second(), clock));
				await Promise.all([a.check(), b.then((scheduler) => scheduler.check())]);
				a.stop();
				(await b).stop();
				expect(await mailCounts()).toEqual(expected);
			}
		});

		it('sends each once when one instance starts while the other is part-way through', async () => {
			const clock = clockAt('2027-03-17T09:00:00Z');
			let later: Promise<void> | undefined;
			// The first instance is handing over its first email when the second one starts
			// and runs to the end.
			const interrupted = slowMailer(database.db, async () => {
				later ??= (async () => {
					const b = startScheduler(second(), clock);
					await b.check();
					b.stop();
				})();
				await later;
			});
			const a = startScheduler(first(interrupted), clock);
			await a.check();
			a.stop();
			expect(later).toBeDefined();
			expect(await mailCounts()).toEqual(expected);
		});

		it('sends each once when one instance’s emails fail while the other’s go, once it retries', async () => {
			const clock = clockAt('2027-03-18T07:00:00Z');
			let smtpDown = true;
			const flaky = slowMailer(database.db, async () => {
				await delay(5);
				if (smtpDown) throw new Error('SMTP is down');
			});
			const a = startScheduler(first(flaky), clock);
			const b = startScheduler(second(), clock);
			await Promise.all([a.check(), b.check()]);
			b.stop();
			for (const count of Object.values(await mailCounts())) expect(count).toBe(1);

			// The first instance's day is not done: its next check sends what it had claimed.
			smtpDown = false;
			await a.check();
			a.stop();
			expect(await mailCounts()).toEqual(expected);
		});
	}
);
