import { and, eq } from 'drizzle-orm';
import { ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import { memberships, organisations, retentionNotices, users } from '../../db/schema.ts';
import type { DigestDependencies, DigestRun } from '../reminders/dailyDigest.ts';
import { recordsDueForDeletion } from './retention.ts';

/**
 * The retention rule's daily run: each organisation with records due for deletion has its
 * admins emailed once that day, claimed in retention_notices first so a restart or a
 * second server never sends it twice (a failed email releases the claim). The email
 * names no child: it says how many, and links to the list.
 */
export async function sendRetentionNotices(
	deps: DigestDependencies,
	now: Date
): Promise<DigestRun> {
	const { db } = deps;
	const today = ukDateOf(now);
	const run: DigestRun = { sent: 0, alreadySent: 0, failed: 0 };
	const all = await db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations);
	for (const organisation of all) {
		const due = await recordsDueForDeletion(db, organisation.id, today);
		if (due.length === 0) continue;
		const claimed = await db
			.insert(retentionNotices)
			.values({ organisationId: organisation.id, noticeDate: today, dueCount: due.length })
			.onConflictDoNothing()
			.returning({ organisationId: retentionNotices.organisationId });
		if (claimed.length === 0) {
			run.alreadySent += 1;
			continue;
		}
		const admins = await db
			.select({ name: users.name, email: users.email })
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(and(eq(memberships.organisationId, organisation.id), eq(memberships.role, 'admin')));
		const link = new URL(`/organisation/records?organisation=${organisation.id}`, deps.origin);
		const records =
			due.length === 1 ? '1 child’s record is' : `${due.length} children’s records are`;
		try {
			for (const admin of admins) {
				await deps.mailer.send({
					to: admin.email,
					subject: `Coplan: ${records} due for deletion at ${organisation.name}`,
					text: [
						`Dear ${admin.name},`,
						'',
						`${records} at ${organisation.name} now past the time your organisation keeps records for (the retention rule in the organisation’s settings).`,
						'',
						'Nothing is deleted until an admin confirms it. To check the list and delete records, go to:',
						link.toString(),
						'',
						'You get this email on each day that records are due.'
					].join('\n')
				});
			}
			run.sent += 1;
		} catch (error) {
			await db
				.delete(retentionNotices)
				.where(
					and(
						eq(retentionNotices.organisationId, organisation.id),
						eq(retentionNotices.noticeDate, today)
					)
				);
			deps.logger.error(
				{ err: error, organisationId: organisation.id },
				'retention notice failed; will retry'
			);
			run.failed += 1;
		}
	}
	return run;
}
