import { and, eq, exists, inArray, isNotNull, lte } from 'drizzle-orm';
import { shiftDate, ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import type { Database } from '../../db/client.ts';
import { actions, reminderDigests, teamMembers, users } from '../../db/schema.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { OpenAction } from '../../../shared/viewModels/actions.ts';
import { DUE_SOON_DAYS, listOpenActions } from '../actions/openActions.ts';
import { digestEmail } from './digestEmail.ts';

/**
 * One day's reminder emails: to each person who owns open actions due within 7 days or
 * overdue, unless they opted out; nobody with nothing due gets one. Each person's digest
 * for the day is claimed in reminder_digests before it is sent, so running this again —
 * on the next tick, after a restart, or on a second server — never sends it twice. A
 * claim whose email failed is released, so a later run tries again.
 */

export interface DigestDependencies {
	db: Database;
	mailer: Mailer;
	logger: Logger;
	/** The app's public origin, for the links in the email. */
	origin: string;
}

export interface DigestRun {
	sent: number;
	alreadySent: number;
	failed: number;
}

async function dueActionsByOwner(db: Database, now: Date): Promise<Map<string, OpenAction[]>> {
	const horizon = shiftDate(ukDateOf(now), { days: DUE_SOON_DAYS });
	const due = await listOpenActions(
		db,
		and(
			isNotNull(actions.ownerId),
			lte(actions.dueDate, horizon),
			eq(users.remindersOptOut, false),
			exists(
				db
					.select({ userId: teamMembers.userId })
					.from(teamMembers)
					.where(
						and(eq(teamMembers.childId, actions.childId), eq(teamMembers.userId, actions.ownerId))
					)
			)
		),
		now
	);
	const byOwner = new Map<string, OpenAction[]>();
	for (const action of due) {
		if (!action.ownerId) continue;
		byOwner.set(action.ownerId, [...(byOwner.get(action.ownerId) ?? []), action]);
	}
	return byOwner;
}

async function claim(db: Database, userId: string, day: string, actionCount: number) {
	const [row] = await db
		.insert(reminderDigests)
		.values({ userId, digestDate: day, actionCount })
		.onConflictDoNothing()
		.returning({ userId: reminderDigests.userId });
	return row !== undefined;
}

export async function sendDailyDigests(deps: DigestDependencies, now: Date): Promise<DigestRun> {
	const { db } = deps;
	const today = ukDateOf(now);
	const byOwner = await dueActionsByOwner(db, now);
	const run: DigestRun = { sent: 0, alreadySent: 0, failed: 0 };
	if (byOwner.size === 0) return run;
	const recipients = await db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.where(inArray(users.id, [...byOwner.keys()]));
	for (const recipient of recipients) {
		const owned = byOwner.get(recipient.id) ?? [];
		if (!(await claim(db, recipient.id, today, owned.length))) {
			run.alreadySent += 1;
			continue;
		}
		const lines = (list: OpenAction[]) =>
			list.flatMap((action) =>
				action.dueDate ? [{ childName: action.childName, dueDate: action.dueDate }] : []
			);
		const mail = digestEmail({
			recipientName: recipient.name,
			today,
			overdue: lines(owned.filter((action) => action.overdue)),
			dueSoon: lines(owned.filter((action) => !action.overdue)),
			actionsLink: new URL('/actions', deps.origin).toString(),
			settingsLink: new URL('/account/reminders', deps.origin).toString()
		});
		try {
			await deps.mailer.send({ to: recipient.email, ...mail });
			await db
				.update(reminderDigests)
				.set({ sentAt: new Date() })
				.where(
					and(eq(reminderDigests.userId, recipient.id), eq(reminderDigests.digestDate, today))
				);
			run.sent += 1;
		} catch (error) {
			await db
				.delete(reminderDigests)
				.where(
					and(eq(reminderDigests.userId, recipient.id), eq(reminderDigests.digestDate, today))
				);
			deps.logger.error({ err: error, userId: recipient.id }, 'reminder email failed; will retry');
			run.failed += 1;
		}
	}
	return run;
}
