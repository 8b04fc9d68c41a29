import { daysBetween, formatUkDate } from '../../../shared/domain/ukCalendar.ts';
import type { EmailContent } from '../../mail/templates.ts';

/**
 * The daily reminder email. Like every Coplan email it names no more than the child's
 * first name: what an action says can be sensitive, so it stays in Coplan, behind the
 * link, where access is checked.
 */

export interface DigestLine {
	childName: string;
	dueDate: string;
}

export interface DigestContent {
	recipientName: string;
	today: string;
	overdue: DigestLine[];
	dueSoon: DigestLine[];
	actionsLink: string;
	settingsLink: string;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function line(item: DigestLine, today: string): string {
	const late = daysBetween(item.dueDate, today);
	const when =
		late > 0
			? `was due ${formatUkDate(item.dueDate)} (${count(late, 'day')} ago)`
			: late === 0
				? 'is due today'
				: `is due ${formatUkDate(item.dueDate)}`;
	return `- An action for ${item.childName} ${when}`;
}

export function digestEmail(content: DigestContent): EmailContent {
	const parts: string[] = [];
	if (content.overdue.length > 0) parts.push(`${content.overdue.length} overdue`);
	if (content.dueSoon.length > 0) parts.push(`${content.dueSoon.length} due this week`);
	const paragraphs = [
		`Hello ${content.recipientName},`,
		'Here are the actions you own in Coplan that need doing soon.'
	];
	if (content.overdue.length > 0) {
		paragraphs.push(
			['Overdue:', ...content.overdue.map((item) => line(item, content.today))].join('\n')
		);
	}
	if (content.dueSoon.length > 0) {
		paragraphs.push(
			['Due in the next 7 days:', ...content.dueSoon.map((item) => line(item, content.today))].join(
				'\n'
			)
		);
	}
	paragraphs.push(
		`See your actions and mark them as done: ${content.actionsLink}`,
		`You get this email on days when you have actions due soon or overdue. To stop these reminders: ${content.settingsLink}`,
		'Coplan'
	);
	return {
		subject: `Your Coplan actions: ${parts.join(', ')}`,
		text: `${paragraphs.join('\n\n')}\n`
	};
}
