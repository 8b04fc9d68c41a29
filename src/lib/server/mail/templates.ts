/**
 * The words of every email Coplan sends. Emails are plain and short, in British English.
 * They may name the sender and the child's first name, never anything more about the
 * child: email is not a safe place for special category data, and the links lead to
 * Coplan, where access is checked.
 */
export interface EmailContent {
	subject: string;
	text: string;
}

const SIGN_OFF = 'Coplan';

/** "12 March 2027", in UK time. */
function formatDate(date: Date): string {
	return new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/London'
	}).format(date);
}

function lines(...paragraphs: string[]): string {
	return `${paragraphs.join('\n\n')}\n`;
}

export function signInLinkEmail(options: { link: string; validForMinutes: number }): EmailContent {
	return {
		subject: 'Your Coplan sign-in link',
		text: lines(
			'Use this link to sign in to Coplan:',
			options.link,
			`The link works once, for ${options.validForMinutes} minutes.`,
			'If you did not ask to sign in, you can ignore this email. Nobody can sign in without the link.',
			SIGN_OFF
		)
	};
}

export function passwordResetEmail(options: {
	link: string;
	validForMinutes: number;
}): EmailContent {
	const hours = options.validForMinutes / 60;
	const validFor =
		Number.isInteger(hours) && hours >= 1
			? `${hours} ${hours === 1 ? 'hour' : 'hours'}`
			: `${options.validForMinutes} minutes`;
	return {
		subject: 'Reset your Coplan password',
		text: lines(
			'Use this link to choose a new password for Coplan:',
			options.link,
			`The link works once, for ${validFor}.`,
			'If you did not ask to reset your password, you can ignore this email. Your password has not changed.',
			SIGN_OFF
		)
	};
}

export function passwordChangedEmail(options: { forgotPasswordLink: string }): EmailContent {
	return {
		subject: 'Your Coplan password has been changed',
		text: lines(
			'The password for your Coplan account has just been changed, and every device that was signed in has been signed out.',
			'If you did this, you do not need to do anything.',
			`If you did not, reset your password now: ${options.forgotPasswordLink}`,
			SIGN_OFF
		)
	};
}

export function invitationEmail(options: {
	recipientName: string;
	senderName: string;
	childFirstName: string;
	link: string;
	expiresAt: Date;
}): EmailContent {
	const { senderName, childFirstName } = options;
	return {
		subject: `${senderName} has invited you to join ${childFirstName}'s team on Coplan`,
		text: lines(
			`Hello ${options.recipientName},`,
			`${senderName} has invited you to join ${childFirstName}'s team on Coplan, where the people who support ${childFirstName} plan and review together.`,
			'Open this link to accept the invitation:',
			options.link,
			`The link works until ${formatDate(options.expiresAt)}. If it has run out, ask ${senderName} to send a new invitation.`,
			'If you were not expecting this email, you can ignore it.',
			SIGN_OFF
		)
	};
}

/** The receiving setting's SENCo, invited to a child's team with the handover pack. */
export function handoverInvitationEmail(options: {
	recipientName: string;
	senderName: string;
	childFirstName: string;
	settingName: string;
	link: string;
	expiresAt: Date;
}): EmailContent {
	const { senderName, childFirstName } = options;
	return {
		subject: `${senderName} has handed ${childFirstName} over to you on Coplan`,
		text: lines(
			`Hello ${options.recipientName},`,
			`${childFirstName} is moving to ${options.settingName}. With the family's consent, ${senderName} has shared ${childFirstName}'s handover pack with you on Coplan: the current plan, what works, the support in place, open actions and the team around ${childFirstName}.`,
			'Open this link to see the handover pack and join the team:',
			options.link,
			`The link works until ${formatDate(options.expiresAt)}. If it has run out, ask ${senderName} to send a new invitation.`,
			'If you were not expecting this email, you can ignore it.',
			SIGN_OFF
		)
	};
}

export function organisationInvitationEmail(options: {
	recipientName: string;
	senderName: string;
	organisationName: string;
	link: string;
	expiresAt: Date;
}): EmailContent {
	const { senderName, organisationName } = options;
	return {
		subject: `${senderName} has invited you to join ${organisationName} on Coplan`,
		text: lines(
			`Hello ${options.recipientName},`,
			`${senderName} has invited you to join ${organisationName} on Coplan.`,
			'Open this link to accept the invitation:',
			options.link,
			`The link works until ${formatDate(options.expiresAt)}. If it has run out, ask ${senderName} to send a new invitation.`,
			'If you were not expecting this email, you can ignore it.',
			SIGN_OFF
		)
	};
}
