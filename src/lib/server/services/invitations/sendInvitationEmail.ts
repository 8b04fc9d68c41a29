import type { Logger } from '../../logger.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { invitationEmail } from '../../mail/templates.ts';

export interface InvitationMail {
	to: string;
	recipientName: string;
	senderName: string;
	childFirstName: string;
	token: string;
	expiresAt: Date;
}

export function invitationLink(origin: string, token: string): string {
	return new URL(`/invitations/${token}`, origin).toString();
}

/**
 * Sends the invitation email. The invitation is already saved, so a failure to send is
 * reported (the inviter can send it again) rather than thrown.
 */
export async function sendInvitationEmail(
	mail: { mailer: Mailer; origin: string; logger?: Logger },
	invitation: InvitationMail
): Promise<boolean> {
	const content = invitationEmail({
		recipientName: invitation.recipientName,
		senderName: invitation.senderName,
		childFirstName: invitation.childFirstName,
		link: invitationLink(mail.origin, invitation.token),
		expiresAt: invitation.expiresAt
	});
	try {
		await mail.mailer.send({ to: invitation.to, ...content });
		return true;
	} catch (error) {
		mail.logger?.error({ err: error }, 'the invitation email could not be sent');
		return false;
	}
}
