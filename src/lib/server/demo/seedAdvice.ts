import { monthsBefore } from '../../shared/domain/adviceFlags.ts';
import { ukDateOf } from '../../shared/domain/ukCalendar.ts';
import type { Database } from '../db/client.ts';
import { adviceItems } from '../db/schema.ts';
import type { DemoStory } from './story.ts';

/**
 * Inserts the stories' professional advice, dated relative to the seeding day so that the
 * register always shows current, stale (over 12 months old) and review-due advice.
 * `childIds` are by first name, `userIds` by demo person key.
 */
export async function seedDemoAdvice(
	db: Database,
	stories: readonly DemoStory[],
	childIds: Map<string, string>,
	userIds: Map<string, string>,
	now: Date
): Promise<void> {
	const today = ukDateOf(now);
	const rows = stories.flatMap(({ child, advice }) => {
		const childId = childIds.get(child.firstName);
		if (!childId) throw new Error(`Demo advice refers to unknown child "${child.firstName}".`);
		return advice.map((item) => ({
			childId,
			title: item.title,
			authorName: item.authorName,
			agency: item.agency,
			adviceDate: monthsBefore(today, item.givenMonthsAgo),
			reviewBy: item.reviewInMonths === null ? null : monthsBefore(today, -item.reviewInMonths),
			text: item.text,
			addedBy: userIds.get(item.addedBy) ?? null
		}));
	});
	await db.insert(adviceItems).values(rows);
}
