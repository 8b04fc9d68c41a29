import { and, count, eq, gt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { sessions, users } from '../../db/schema.ts';

/** What the "Your account" page summarises about the signed-in user. */
export interface AccountOverview {
	hasPassword: boolean;
	twoFactorEnabled: boolean;
	deviceCount: number;
}

export async function accountOverview(
	db: Database,
	userId: string,
	now = new Date()
): Promise<AccountOverview> {
	const [[account], [devices]] = await Promise.all([
		db
			.select({ passwordHash: users.passwordHash, totpKey: users.totpKey })
			.from(users)
			.where(eq(users.id, userId)),
		db
			.select({ total: count() })
			.from(sessions)
			.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
	]);
	return {
		hasPassword: Boolean(account?.passwordHash),
		twoFactorEnabled: Boolean(account?.totpKey),
		deviceCount: devices?.total ?? 0
	};
}

/** Whether the account has a password yet (people invited by email may not). */
export async function hasPassword(db: Database, userId: string): Promise<boolean> {
	const [account] = await db
		.select({ passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.id, userId));
	return Boolean(account?.passwordHash);
}
