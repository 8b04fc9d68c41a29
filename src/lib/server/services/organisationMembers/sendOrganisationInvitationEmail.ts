import type { Logger } from '../../logger.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { organisationInvitationEmail } from '../../mail/templates.ts';

export interface OrganisationInvitationMail {
	to: string;
	recipientName: string;
	senderName: string;
	organisationName: string;
	token: string;
	expiresAt: Date;
}

/** Organisation invitations have their own page: team invitations add a child, these a membership. */
export function organisationInvitationLink(origin: string, token: string): string {
	return new URL(`/organisation/invitations/${token}`, origin).toString();
}

/**
 * Sends the invitation email. The invitation is already saved, so a failure to send is
 * reported (the admin can send it again) rather than thrown.
 */
export async function sendOrganisationInvitationEmail(
	mail: { mailer: Mailer; origin: string; logger?: Logger },
	invitation: OrganisationInvitationMail
): Promise<boolean> {
	const content = organisationInvitationEmail({
		recipientName: invitation.recipientName,
		senderName: invitation.senderName,
		organisationName: invitation.organisationName,
		link: organisationInvitationLink(mail.origin, invitation.token),
		expiresAt: invitation.expiresAt
	});
	try {
		await mail.mailer.send({ to: invitation.to, ...content });
		return true;
	} catch (error) {
		mail.logger?.error({ err: error }, 'the organisation invitation email could not be sent');
		return false;
	}
}
