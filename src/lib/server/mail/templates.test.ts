import { describe, expect, it } from 'vitest';
import {
	invitationEmail,
	organisationInvitationEmail,
	passwordChangedEmail,
	passwordResetEmail,
	signInLinkEmail,
	handoverInvitationEmail
} from './templates.ts';
import * as templates from './templates.ts';

const LINK = 'https://coplan.example.org/some/link/abc';

describe('email templates', () => {
	it('sign-in link: carries the link and how long it works', () => {
		const mail = signInLinkEmail({ link: LINK, validForMinutes: 15 });
		expect(mail.subject).toBe('Your Coplan sign-in link');
		expect(mail.text).toContain(LINK);
		expect(mail.text).toContain('works once, for 15 minutes');
	});

	it('password reset: carries the link and says 1 hour, not 60 minutes', () => {
		const mail = passwordResetEmail({ link: LINK, validForMinutes: 60 });
		expect(mail.subject).toBe('Reset your Coplan password');
		expect(mail.text).toContain(LINK);
		expect(mail.text).toContain('works once, for 1 hour.');
		expect(passwordResetEmail({ link: LINK, validForMinutes: 30 }).text).toContain('30 minutes');
	});

	it('password changed: says what happened and how to recover', () => {
		const mail = passwordChangedEmail({ forgotPasswordLink: LINK });
		expect(mail.subject).toBe('Your Coplan password has been changed');
		expect(mail.text).toContain(`reset your password now: ${LINK}`);
	});

	it("invitation: names the sender and the child's first name, and when the link stops working", () => {
		const mail = invitationEmail({
			recipientName: 'Emma',
			senderName: 'Priya Shah',
			childFirstName: 'Aaron',
			link: LINK,
			// 23:30 on 11 March UTC is still 11 March in London (GMT).
			expiresAt: new Date('2027-03-11T23:30:00Z')
		});
		expect(mail.subject).toBe("Priya Shah has invited you to join Aaron's team on Coplan");
		expect(mail.text).toMatch(/^Hello Emma,\n\nPriya Shah has invited you to join Aaron's team/);
		expect(mail.text).toContain(LINK);
		expect(mail.text).toContain('works until 11 March 2027');
		expect(mail.text).toContain('ask Priya Shah to send a new invitation');
	});

	it('formats the expiry date in UK time, not UTC', () => {
		const mail = invitationEmail({
			recipientName: 'Emma',
			senderName: 'Priya Shah',
			childFirstName: 'Aaron',
			link: LINK,
			// 23:30 UTC on 14 July is 00:30 on 15 July in London (BST).
			expiresAt: new Date('2027-07-14T23:30:00Z')
		});
		expect(mail.text).toContain('works until 15 July 2027');
	});

	it('keeps every email short and plain text', () => {
		const mails = [
			signInLinkEmail({ link: LINK, validForMinutes: 15 }),
			passwordResetEmail({ link: LINK, validForMinutes: 60 }),
			passwordChangedEmail({ forgotPasswordLink: LINK }),
			invitationEmail({
				recipientName: 'Emma',
				senderName: 'Priya Shah',
				childFirstName: 'Aaron',
				link: LINK,
				expiresAt: new Date('2027-03-11T12:00:00Z')
			}),
			organisationInvitationEmail({
				recipientName: 'Jo',
				senderName: 'Helen Marsh',
				organisationName: 'Oakfield Primary School',
				link: LINK,
				expiresAt: new Date('2027-03-11T12:00:00Z')
			}),
			handoverInvitationEmail({
				recipientName: 'Dan',
				senderName: 'Priya Shah',
				childFirstName: 'Connor',
				settingName: 'Northshire Academy',
				link: LINK,
				expiresAt: new Date('2027-03-11T12:00:00Z')
			})
		];
		// Every template in templates.ts: a new one must be added here.
		expect(mails).toHaveLength(Object.keys(templates).length);
		for (const mail of mails) {
			expect(mail.text.split(/\s+/).length).toBeLessThan(90);
			expect(mail.text).not.toMatch(/<[a-z]/i);
		}
	});

	it('organisation invitation: names only the sender and the organisation', () => {
		const mail = organisationInvitationEmail({
			recipientName: 'Jo',
			senderName: 'Helen Marsh',
			organisationName: 'Oakfield Primary School',
			link: LINK,
			expiresAt: new Date('2027-03-11T23:30:00Z')
		});
		expect(mail.subject).toBe(
			'Helen Marsh has invited you to join Oakfield Primary School on Coplan'
		);
		expect(mail.text).toContain('Hello Jo,');
		expect(mail.text).toContain(LINK);
		expect(mail.text).toContain('works until 11 March 2027');
	});
});
