import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';

/** Whether someone gets the daily email of their actions due soon (on unless they opt out). */

export const ReminderForm = v.object({
	reminders: v.picklist(['on', 'off'], 'Choose whether to get reminder emails')
});

export async function wantsReminders(db: Database, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ optOut: users.remindersOptOut })
		.from(users)
		.where(eq(users.id, userId));
	return !(row?.optOut ?? false);
}

export async function setWantsReminders(db: Database, userId: string, wanted: boolean) {
	await db.update(users).set({ remindersOptOut: !wanted }).where(eq(users.id, userId));
}
