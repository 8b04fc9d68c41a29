import type { Logger } from '../../logger.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { InvitationScope } from './scope.ts';

/** The part of a scope that writes its emails (any scope will do). */
type MailingScope = Pick<InvitationScope, 'linkPath' | 'email' | 'emailFailure'>;

export interface InvitationMail {
	to: string;
	recipientName: string;
	senderName: string;
	targetName: string;
	token: string;
	expiresAt: Date;
}

export function invitationLink(scope: { linkPath: string }, origin: string, token: string): string {
	return new URL(`${scope.linkPath}/${token}`, origin).toString();
}

/**
 * Sends the invitation email. The invitation is already saved, so a failure to send is
 * reported (the inviter can send it again) rather than thrown.
 */
export async function sendInvitationEmail(
	scope: MailingScope,
	mail: { mailer: Mailer; origin: string; logger?: Logger },
	{ to, token, ...invitation }: InvitationMail
): Promise<boolean> {
	const content = scope.email({ ...invitation, link: invitationLink(scope, mail.origin, token) });
	try {
		await mail.mailer.send({ to, ...content });
		return true;
	} catch (error) {
		mail.logger?.error({ err: error }, scope.emailFailure);
		return false;
	}
}
