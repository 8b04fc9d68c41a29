import { eq } from 'drizzle-orm';
import {
	checkEmailToken,
	consumeEmailToken,
	discardUnusedEmailTokens
} from '../../auth/emailTokens.ts';
import { hashPassword } from '../../auth/password.ts';
import { passwordProblem } from '../../auth/passwordPolicy.ts';
import { invalidateAllSessions } from '../../auth/session.ts';
import { revokeAllToolTokens } from '../account/toolTokens.ts';
import { users } from '../../db/schema.ts';
import { passwordChangedEmail, passwordResetEmail } from '../../mail/templates.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { emailLinks, type EmailLinkContext, type EmailLinkState } from './requestEmailLink.ts';

/**
 * Resetting a forgotten password by a link sent by email: single use, 1 hour. Choosing
 * the new password signs the account out everywhere and cancels every other link still
 * outstanding, since whoever forgot it may not be the only one who knew the old one.
 */

export const PASSWORD_RESET_MINUTES = 60;
export const PASSWORD_RESET_PATH = '/reset-password';
export const FORGOT_PASSWORD_PATH = '/forgot-password';

const passwordResetLinks = emailLinks({
	purpose: 'password_reset',
	minutes: PASSWORD_RESET_MINUTES,
	path: PASSWORD_RESET_PATH,
	content: passwordResetEmail
});

export const requestPasswordReset = passwordResetLinks.request;
/** Whether the link could still be used, without using it (for the page it opens). */
export const checkPasswordResetLink = passwordResetLinks.check;

export type ResetLinkState = EmailLinkState;

export type ResetPasswordResult =
	| { ok: true; userId: string; twoFactorEnabled: boolean }
	| { ok: false; reason: Exclude<ResetLinkState, 'valid'> }
	| { ok: false; reason: 'password'; message: string };

class LinkNoLongerValid extends Error {
	reason: Exclude<ResetLinkState, 'valid'>;
	constructor(reason: Exclude<ResetLinkState, 'valid'>) {
		super(reason);
		this.reason = reason;
	}
}

/**
 * Sets the new password (under the password policy), uses the link up, signs the account
 * out of every device and tells the account's owner by email. The caller then signs the
 * person in on this device.
 */
export async function resetPassword(
	context: EmailLinkContext,
	token: string,
	newPassword: string,
	now = new Date()
): Promise<ResetPasswordResult> {
	const { db } = context;
	const link = await checkEmailToken(db, token, 'password_reset', now);
	if (link.status !== 'valid') return { ok: false, reason: link.status };
	const [user] = await db
		.select({ email: users.email, totpKey: users.totpKey })
		.from(users)
		.where(eq(users.id, link.userId));
	if (!user) return { ok: false, reason: 'unknown' };
	const problem = passwordProblem(newPassword, user.email);
	// A refused password leaves the link usable, so the person can try another.
	if (problem) return { ok: false, reason: 'password', message: problem };

	const passwordHash = await hashPassword(newPassword);
	try {
		await db.transaction(async (tx) => {
			const used = await consumeEmailToken(tx, token, 'password_reset', now);
			if (used.status !== 'valid') throw new LinkNoLongerValid(used.status);
			await tx.update(users).set({ passwordHash }).where(eq(users.id, link.userId));
			await invalidateAllSessions(tx, link.userId);
			await revokeAllToolTokens(tx, link.userId, 'password-reset');
			await discardUnusedEmailTokens(tx, link.userId, now);
			await recordAuditEvent(tx, {
				actorId: link.userId,
				action: 'account.passwordReset',
				subjectType: 'user',
				subjectId: link.userId
			});
		});
	} catch (error) {
		if (error instanceof LinkNoLongerValid) return { ok: false, reason: error.reason };
		throw error;
	}

	const forgotPasswordLink = new URL(FORGOT_PASSWORD_PATH, context.origin).toString();
	try {
		await context.mailer.send({ to: user.email, ...passwordChangedEmail({ forgotPasswordLink }) });
	} catch (error) {
		context.logger.error({ err: error }, 'the password-changed email could not be sent');
	}
	return { ok: true, userId: link.userId, twoFactorEnabled: user.totpKey !== null };
}
