import { labelFor, PLAN_TYPE_LABELS } from '../../../shared/domain/labels.ts';
import {
	OUTCOME_TITLES,
	PLAN_SECTIONS,
	PROVISION_TITLES
} from '../../../shared/domain/plan/planContent.ts';
import { PLAN_TYPES, type PlanType } from '../../../shared/domain/planTypes.ts';
import { formatUkDateTime, formatUkShortDate } from '../../../shared/domain/ukCalendar.ts';
import type { Block } from '../../../shared/viewModels/documentBlocks.ts';
import { heading, note, paragraphs, type LaidOutDocument } from '../../minutes/layout/blocks.ts';
import { layOutMinutes } from '../../minutes/layout/minutesLayout.ts';
import type { RestrictedNoteMinutes } from '../../minutes/minutesTypes.ts';
import { lastMinutesLabel, type HandoverPack } from './handoverPack.ts';

/**
 * The handover pack laid out as document blocks, once, for the page and the tagged PDF
 * alike. Restricted notes appear only when the caller passes them, which it does only for
 * the receiving SENCo and professionals the policy lets read them.
 */

const isPlanType = (value: string): value is PlanType =>
	(PLAN_TYPES as readonly string[]).includes(value);
const date = (value: string | null) => (value ? formatUkShortDate(value) : 'Not set');
const scoreText = (score: number | null) => (score === null ? 'Not scored' : `${score} out of 10`);

export function handoverTitle(pack: HandoverPack): string {
	return `Handover pack: ${pack.child.knownAs} to ${pack.settingName}`;
}

function planBlocks(pack: HandoverPack): Block[] {
	const blocks: Block[] = [heading(2, 'The current plan')];
	const { plan } = pack;
	if (!plan) return [...blocks, note('There is no adopted plan yet.')];
	const planType = isPlanType(pack.child.planType) ? pack.child.planType : 'sen_support';
	blocks.push(
		note(
			`${labelFor(PLAN_TYPE_LABELS, planType)}, version ${plan.version}, adopted on ${date(plan.adoptedOn)}.`
		)
	);
	for (const section of PLAN_SECTIONS[planType]) {
		blocks.push(heading(3, section.title));
		blocks.push(...paragraphs(plan.content.sections[section.key] ?? '', 'Nothing written.'));
	}
	blocks.push(heading(3, OUTCOME_TITLES[planType]));
	blocks.push(
		plan.content.outcomes.length === 0
			? note('No outcomes written.')
			: {
					kind: 'list',
					ordered: true,
					items: plan.content.outcomes.map((outcome) =>
						outcome.steps.trim() ? `${outcome.text} (Steps: ${outcome.steps})` : outcome.text
					)
				}
	);
	blocks.push(heading(3, PROVISION_TITLES[planType]));
	blocks.push(provisionTable('Provision in the plan', plan.content.provision));
	return blocks;
}

interface ProvisionRow {
	text: string;
	providedBy: string;
	frequency: string;
	authorName: string;
	date: string | null;
	reviewBy: string | null;
}

/** Dates in minutes are already words; dates in plans are yyyy-mm-dd. */
function provisionTable(caption: string, rows: ProvisionRow[], datesInWords = false): Block {
	if (rows.length === 0) return note('None recorded.');
	const when = (value: string | null) => (datesInWords ? (value ?? 'Not set') : date(value));
	return {
		kind: 'table',
		caption,
		columns: [
			{ label: 'Provision or strategy', weight: 4 },
			{ label: 'Who provides it, how often', weight: 3 },
			{ label: 'Written by', weight: 2 },
			{ label: 'Review by', weight: 2 }
		],
		rowHeaders: true,
		rows: rows.map((row) => [
			row.text,
			[row.providedBy, row.frequency].filter(Boolean).join(', ') || 'Not recorded',
			row.date ? `${row.authorName || 'Not recorded'}, ${when(row.date)}` : row.authorName,
			when(row.reviewBy)
		])
	};
}

function workingBlocks(pack: HandoverPack): Block[] {
	const blocks: Block[] = [heading(2, 'What works and what does not')];
	const minutes = pack.lastMinutes?.minutes;
	if (!minutes) return [...blocks, note('No review has been minuted yet.')];
	blocks.push(note(`From the last review: ${lastMinutesLabel(minutes)}.`));
	const columns = [
		['What works', minutes.working],
		['What does not work', minutes.notWorking],
		['Worries', minutes.worries]
	] as const;
	for (const [title, column] of columns) {
		blocks.push(heading(3, title));
		blocks.push(...paragraphs(column.text, 'Nothing recorded.'));
	}
	blocks.push(heading(2, 'Strategies and provision, with their authors'));
	blocks.push(provisionTable('Strategies and provision', minutes.provision, true));
	return blocks;
}

function progressBlocks(pack: HandoverPack): Block[] {
	const blocks: Block[] = [heading(2, 'Progress towards outcomes')];
	if (pack.progress.length === 0) return [...blocks, note('No review has scored an outcome yet.')];
	blocks.push(
		note('Each outcome’s score at each review, from 0 (no progress yet) to 10 (achieved).')
	);
	blocks.push({
		kind: 'table',
		caption: 'Progress towards outcomes at each review',
		columns: [
			{ label: 'Outcome', weight: 4 },
			{ label: 'Scores by review', weight: 5 }
		],
		rowHeaders: true,
		rows: pack.progress.map((outcome) => [
			outcome.text || 'Not written',
			outcome.points
				.map((point) => `${scoreText(point.score)} (${date(point.meetingDate)})`)
				.join('; ')
		])
	});
	for (const outcome of pack.progress) {
		blocks.push({
			kind: 'chart',
			caption: `Chart of progress: ${outcome.text || 'Not written'}`,
			points: outcome.points.map(({ meetingDate, score }) => ({ meetingDate, score }))
		});
	}
	return blocks;
}

function actionBlocks(pack: HandoverPack): Block[] {
	const blocks: Block[] = [heading(2, 'Open actions')];
	if (pack.openActions.length === 0) return [...blocks, note('No action is open.')];
	blocks.push({
		kind: 'table',
		caption: 'Open actions',
		columns: [
			{ label: 'Action', weight: 5 },
			{ label: 'Owner', weight: 3 },
			{ label: 'Due', weight: 2 }
		],
		rowHeaders: true,
		rows: pack.openActions.map((action) => [
			action.text,
			[action.ownerName ?? 'No owner yet', action.ownerAgency].filter(Boolean).join(', '),
			date(action.dueDate)
		])
	});
	return blocks;
}

function adviceBlocks(pack: HandoverPack): Block[] {
	const blocks: Block[] = [heading(2, 'The latest advice')];
	if (pack.advice.length === 0) return [...blocks, note('No advice has been recorded.')];
	for (const item of pack.advice) {
		blocks.push(heading(3, item.title));
		blocks.push({
			kind: 'facts',
			caption: `About the advice: ${item.title}`,
			items: [
				{ term: 'From', value: `${item.authorName}, ${item.agency}` },
				{ term: 'Dated', value: date(item.adviceDate) },
				{ term: 'Review by', value: date(item.reviewBy) }
			]
		});
		blocks.push(...paragraphs(item.text));
	}
	return blocks;
}

function teamBlocks(pack: HandoverPack): Block[] {
	return [
		heading(2, 'The team, with contacts'),
		{
			kind: 'table',
			caption: `${pack.child.knownAs}’s team`,
			columns: [
				{ label: 'Name', weight: 3 },
				{ label: 'Role', weight: 3 },
				{ label: 'Agency', weight: 3 },
				{ label: 'Email', weight: 4 }
			],
			rowHeaders: true,
			rows: pack.team.map((member) => [member.name, member.role, member.agency, member.email])
		}
	];
}

/** The last minutes, their headings one level down under the pack's own. */
function minutesBlocks(pack: HandoverPack): Block[] {
	const last = pack.lastMinutes;
	if (!last) return [heading(2, 'The last minutes'), note('No review has been minuted yet.')];
	const laidOut = layOutMinutes(
		last.minutes,
		{ version: null, exportedByName: pack.preparedByName, exportedAt: '' },
		null
	);
	const blocks: Block[] = [
		heading(2, `The last minutes: ${lastMinutesLabel(last.minutes)}`),
		note(`Version ${last.version} of the minutes.`)
	];
	for (const block of laidOut.blocks) {
		if (block.kind === 'heading') {
			if (block.level === 1) continue;
			blocks.push(heading(3, block.text));
		} else blocks.push(block);
	}
	return blocks;
}

function restrictedBlocks(notes: RestrictedNoteMinutes[], includedByName: string | null): Block[] {
	if (notes.length === 0) return [];
	const blocks: Block[] = [
		heading(2, 'Restricted notes shared deliberately'),
		{
			kind: 'paragraph',
			style: 'strong',
			text: `${includedByName ?? 'A professional allowed to read them'} chose to share these restricted notes with the new setting. Keep them restricted: do not share them further.`
		}
	];
	for (const item of notes) {
		const who = [item.authorName, item.writtenOn].filter(Boolean).join(', ');
		blocks.push(heading(3, who ? `${item.category} (${who})` : item.category));
		blocks.push(...paragraphs(item.text, 'No text.'));
	}
	return blocks;
}

export function layOutHandoverPack(
	pack: HandoverPack,
	restricted: { notes: RestrictedNoteMinutes[]; includedByName: string | null } | null
): LaidOutDocument {
	const title = handoverTitle(pack);
	const preparedAt = formatUkDateTime(new Date(pack.preparedAt));
	const blocks: Block[] = [
		heading(1, title),
		{
			kind: 'facts',
			caption: 'About this handover',
			items: [
				{ term: 'Child', value: pack.child.knownAs },
				{ term: 'Date of birth', value: date(pack.child.dateOfBirth) },
				{ term: 'Year group', value: pack.child.yearGroup ?? 'Not recorded' },
				{ term: 'Moving from', value: pack.child.setting || 'Not recorded' },
				{ term: 'Moving to', value: pack.settingName },
				{ term: 'Receiving SENCo', value: pack.sencoName },
				{ term: 'Prepared by', value: `${pack.preparedByName}, ${preparedAt}` },
				{
					term: 'Family’s consent',
					value: `Given by ${pack.consent.givenBy} on ${date(pack.consent.givenOn)}: ${pack.consent.information}`
				}
			]
		},
		heading(2, 'Strengths'),
		...paragraphs(pack.child.strengths, 'Nothing recorded.'),
		...planBlocks(pack),
		...workingBlocks(pack),
		...progressBlocks(pack),
		...actionBlocks(pack),
		...adviceBlocks(pack),
		...teamBlocks(pack),
		...minutesBlocks(pack),
		...(restricted ? restrictedBlocks(restricted.notes, restricted.includedByName) : [])
	];
	const stamp = [
		`Prepared by ${pack.preparedByName} on ${preparedAt} (UK time) for ${pack.sencoName}, ${pack.settingName}.`,
		'This is the pack as it was shared at the handover: it does not change afterwards.'
	];
	return { title, stamp, blocks };
}
