import type { FamilySummary } from '../familySummary.ts';
import type { ExportContext } from '../minutesTypes.ts';
import type { Block } from '../../../shared/viewModels/documentBlocks.ts';
import { heading, note, type LaidOutDocument } from './blocks.ts';
import { exportStamp } from './minutesLayout.ts';

/** The family summary laid out as blocks, for the PDF and the app page alike. */
export function layOutFamilySummary(
	summary: FamilySummary,
	context: ExportContext
): LaidOutDocument {
	const list = (items: string[], empty: string): Block =>
		items.length === 0 ? note(empty) : { kind: 'list', ordered: false, items };
	const blocks: Block[] = [
		heading(1, summary.title),
		{ kind: 'paragraph', text: summary.intro },
		heading(2, 'What we talked about'),
		list(summary.talkedAbout, 'The minutes do not say yet.'),
		...(summary.progress.length > 0
			? [
					heading(2, 'How things are going'),
					note('Scores are from 0 (no progress yet) to 10 (the goal is reached).'),
					list(summary.progress, '')
				]
			: []),
		heading(2, 'What we agreed'),
		list(summary.agreed, 'Nothing was written down as agreed.'),
		heading(2, 'Who will do what, by when'),
		summary.actions.length === 0
			? note('Nobody has a task from this meeting.')
			: {
					kind: 'table',
					caption: 'Who will do what, by when',
					columns: [
						{ label: 'Who', weight: 2 },
						{ label: 'What they will do', weight: 5 },
						{ label: 'By when', weight: 2 }
					],
					rowHeaders: true,
					rows: summary.actions.map((action) => [
						action.who,
						action.what,
						action.done ? `${action.when} (done)` : action.when
					])
				},
		heading(2, 'When we meet next'),
		{ kind: 'paragraph', text: summary.nextMeeting }
	];
	if (summary.glossary.length > 0) {
		blocks.push(heading(2, 'Words we used'));
		blocks.push({
			kind: 'list',
			ordered: false,
			items: summary.glossary.map((entry) => `${entry.term}: ${entry.meaning}`)
		});
	}
	return { title: summary.title, stamp: exportStamp(context, false), blocks };
}
