import type { Transporter } from 'nodemailer';
import type { Database } from '../db/client.ts';
import { devOutbox } from '../db/schema.ts';
import type { Logger } from '../logger.ts';

/**
 * Email. With SMTP_URL, mail goes out through nodemailer. Without it (development, the
 * demo and tests) mail is written to the development outbox table, shown at /dev/outbox,
 * and to the log, so that links in it can be followed.
 *
 * Emails are plain and short: the sender's name and the child's first name at most,
 * never sensitive detail.
 */
export interface Mail {
	to: string;
	subject: string;
	text: string;
	/** An iCalendar (.ics) attachment, e.g. a meeting invitation. */
	calendar?: { filename: string; content: string };
}

export interface Mailer {
	kind: 'smtp' | 'outbox';
	send(mail: Mail): Promise<void>;
}

const FROM = 'Coplan <no-reply@coplan.invalid>';

export function createSmtpMailer(smtpUrl: string, from = FROM): Mailer {
	// nodemailer (about a hundred modules) is loaded with the first email, not at start-up.
	let transport: Promise<Transporter> | undefined;
	const transportOf = () =>
		(transport ??= import('nodemailer').then((nodemailer) =>
			nodemailer.default.createTransport(smtpUrl)
		));
	return {
		kind: 'smtp',
		async send(mail) {
			await (
				await transportOf()
			).sendMail({
				from,
				to: mail.to,
				subject: mail.subject,
				text: mail.text,
				icalEvent: mail.calendar
					? { filename: mail.calendar.filename, method: 'REQUEST', content: mail.calendar.content }
					: undefined
			});
		}
	};
}

export function createOutboxMailer(db: Database, logger: Logger): Mailer {
	return {
		kind: 'outbox',
		async send(mail) {
			await db.insert(devOutbox).values({
				to: mail.to,
				subject: mail.subject,
				text: mail.text,
				calendar: mail.calendar?.content ?? null
			});
			logger.info(
				{ to: mail.to, subject: mail.subject, text: mail.text },
				'mail written to the development outbox'
			);
		}
	};
}

export function createMailer(smtpUrl: string | undefined, db: Database, logger: Logger): Mailer {
	return smtpUrl ? createSmtpMailer(smtpUrl) : createOutboxMailer(db, logger);
}
