import type { Block } from '../../../shared/viewModels/documentBlocks.ts';
import { formatUkDate, formatUkDateTime } from '../../../shared/domain/ukCalendar.ts';
import { OWING_ADVICE_EXPLAINED } from '../../../shared/domain/packs.ts';
import { heading, note, paragraphs, type LaidOutDocument } from '../../minutes/layout/blocks.ts';
import type { Pack } from './buildPack.ts';

/**
 * The pack as document blocks, for the tagged PDF renderer the minutes use (headings,
 * lists and paragraphs a screen reader can move through). Built from one reader's Pack,
 * so restricted notes appear only when that reader's pack has them.
 */

function list(items: string[], empty: string): Block[] {
	return items.length === 0 ? [note(empty)] : [{ kind: 'list', ordered: false, items }];
}

export function layOutPack(pack: Pack, reader: string, now: Date): LaidOutDocument {
	const blocks: Block[] = [
		heading(1, `Pre-meeting pack for ${pack.childName}`),
		paragraphs(`${pack.meeting.type}, ${formatUkDateTime(pack.meeting.startsAt)}.`)[0] ?? note(''),
		heading(2, 'Agenda'),
		...(pack.agenda.length === 0
			? [note('No agenda has been set yet.')]
			: [{ kind: 'list', ordered: true, items: pack.agenda } satisfies Block]),
		heading(2, 'Advice received so far')
	];
	if (pack.advice.length === 0) blocks.push(note('No advice has been added yet.'));
	for (const item of pack.advice) {
		blocks.push(
			heading(3, item.title),
			note(`${item.authorName}, ${item.agency}, ${formatUkDate(item.adviceDate)}`),
			...paragraphs(item.text)
		);
	}
	blocks.push(
		heading(3, 'Who has not sent their advice yet'),
		note(OWING_ADVICE_EXPLAINED),
		...list(
			pack.owing.map((person) => `${person.name}, ${person.role}`),
			'Everyone invited has sent their advice.'
		),
		heading(2, 'The plan’s outcomes and progress so far'),
		...list(
			pack.outcomes.map((outcome) => outcome.progress),
			`${pack.childName} has no current plan with outcomes yet.`
		),
		heading(2, 'Open and carried actions'),
		...list(
			pack.actions.map(
				(action) =>
					`${action.text}. Owner: ${action.ownerName ?? 'nobody yet'}${action.ownerAgency ? ` (${action.ownerAgency})` : ''}. ${action.dueDate ? `Due ${formatUkDate(action.dueDate)}` : 'No due date'}${action.overdue ? ', overdue' : ''}${action.carried ? ', carried from an earlier meeting' : ''}.`
			),
			'There are no open actions.'
		),
		heading(2, 'Last review’s decisions'),
		...(pack.lastReview
			? list(pack.lastReview.decisions, 'No decisions were recorded at the last review.')
			: [note(`This is ${pack.childName}’s first review in Coplan.`)]),
		heading(2, 'Written contributions')
	);
	if (pack.contributions.length === 0)
		blocks.push(note('Nobody has sent a written contribution yet.'));
	for (const contribution of pack.contributions) {
		blocks.push(
			heading(3, `${contribution.name}${contribution.agency ? `, ${contribution.agency}` : ''}`),
			...paragraphs(contribution.text)
		);
	}
	blocks.push(
		heading(2, 'Views given in advance'),
		heading(3, `${pack.childName}’s views`),
		...paragraphs(pack.childViews, 'Not written yet.'),
		heading(3, 'The family’s views'),
		...paragraphs(pack.familyViews, 'Not written yet.')
	);
	if (pack.restricted) {
		blocks.push(
			heading(2, 'Restricted notes'),
			note('Only professionals allowed to read restricted information receive this section.'),
			...list(
				pack.restricted.map(
					(item) => `${item.category} (${item.authorName}, ${item.from}): ${item.text}`
				),
				'There are no restricted notes.'
			)
		);
	}
	return {
		title: `Pre-meeting pack for ${pack.childName}`,
		stamp: [`Made for ${reader} on ${formatUkDateTime(now)}. The pack as it was at that moment.`],
		blocks
	};
}
