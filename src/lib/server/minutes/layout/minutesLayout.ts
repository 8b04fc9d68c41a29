import { childVoiceBlocks } from '../childVoiceMinutes.ts';
import { formatFingerprint } from '../fingerprint.ts';
import type { ExportContext, Minutes, MinutesColumn, RestrictedMinutes } from '../minutesTypes.ts';
import type { Block } from '../../../shared/viewModels/documentBlocks.ts';
import { heading, note, paragraphs, type LaidOutDocument } from './blocks.ts';
import { progressBlocks } from './progressLayout.ts';

/**
 * The formal minutes laid out as blocks, in the order DOMAIN.md lists what a meeting must
 * capture. Restricted notes are added only when the caller passes them, which it does
 * only for people the policy allows to read them.
 */

export function minutesTitle(minutes: Minutes): string {
	return `Minutes: ${minutes.meeting.typeLabel} for ${minutes.child.firstName}, ${minutes.meeting.when}`;
}

/** Who exported it and when, and which version: printed on every export. */
export function exportStamp(context: ExportContext, includesRestricted: boolean): string[] {
	const lines = [`Exported by ${context.exportedByName} on ${context.exportedAt} (UK time).`];
	if (!context.version) {
		lines.push('DRAFT: the meeting is still open, so these minutes may change.');
		return lines;
	}
	const { version } = context;
	lines.push(
		`Version ${version.number} of the minutes, frozen when ${version.closedByName} closed the meeting on ${version.closedAt}.`,
		`Fingerprint (SHA-256) of this version: ${formatFingerprint(version.contentHash)}`
	);
	if (includesRestricted && version.restrictedHash) {
		lines.push(
			`Fingerprint (SHA-256) of its restricted notes: ${formatFingerprint(version.restrictedHash)}`
		);
	}
	return lines;
}

const scaleText = (scale: number | null) => (scale === null ? 'Not scored' : `${scale} out of 10`);

function columnBlocks(title: string, column: MinutesColumn): Block[] {
	return [
		heading(3, title),
		...paragraphs(column.text, 'Nothing recorded.'),
		...(column.scale !== null ? [note(`On a scale of 0 to 10: ${column.scale}`)] : [])
	];
}

function detailsBlocks(minutes: Minutes): Block[] {
	return [
		{
			kind: 'facts',
			caption: 'Meeting details',
			items: [
				{ term: 'Child', value: minutes.child.firstName },
				{ term: 'Date of birth', value: minutes.child.dateOfBirth },
				{ term: 'Setting', value: minutes.child.setting || 'Not recorded' },
				{ term: 'Meeting', value: minutes.meeting.typeLabel },
				{ term: 'Date and time (UK time)', value: minutes.meeting.when },
				{ term: 'Place', value: minutes.meeting.location || 'Not recorded' },
				{ term: 'Chair', value: minutes.meeting.chairName }
			]
		}
	];
}

function attendanceBlocks(minutes: Minutes): Block[] {
	const blocks: Block[] = [heading(2, 'Attendance and apologies')];
	blocks.push(
		minutes.attendees.length === 0
			? note('No attendees were recorded.')
			: {
					kind: 'table',
					caption: 'Attendees',
					columns: [
						{ label: 'Name', weight: 3 },
						{ label: 'Role', weight: 3 },
						{ label: 'Agency', weight: 3 },
						{ label: 'Attendance', weight: 2 }
					],
					rowHeaders: true,
					rows: minutes.attendees.map((person) => [
						person.name,
						person.role,
						person.agency,
						person.attendance === 'present' ? 'Present' : 'Not recorded'
					])
				}
	);
	blocks.push(heading(3, 'Apologies'));
	blocks.push(
		minutes.apologies.length === 0
			? note('No apologies.')
			: {
					kind: 'list',
					ordered: false,
					items: minutes.apologies.map((person) =>
						[person.name, person.role, person.agency].filter(Boolean).join(', ')
					)
				}
	);
	blocks.push(heading(3, 'Written contributions'));
	if (minutes.contributions.length === 0) blocks.push(note('No written contributions.'));
	for (const contribution of minutes.contributions) {
		const who = [contribution.authorName, contribution.role, contribution.agency]
			.filter(Boolean)
			.join(', ');
		blocks.push({
			kind: 'paragraph',
			text: contribution.submittedOn ? `${who} (sent ${contribution.submittedOn})` : who,
			style: 'strong'
		});
		blocks.push(...paragraphs(contribution.text, 'No text.'));
	}
	return blocks;
}

function outcomeBlocks(minutes: Minutes): Block[] {
	const blocks: Block[] = [heading(2, 'Outcomes and progress')];
	if (minutes.outcomes.length === 0) blocks.push(note('No outcomes were recorded.'));
	for (const outcome of minutes.outcomes) {
		blocks.push(heading(3, `Outcome ${outcome.number}`));
		blocks.push({
			kind: 'facts',
			caption: `Outcome ${outcome.number}`,
			items: [
				{ term: 'Outcome', value: outcome.text || 'Not written' },
				{ term: 'Area of need', value: outcome.areaOfNeed ?? 'Not chosen' },
				{ term: 'Steps towards it', value: outcome.steps || 'None recorded' },
				{ term: 'Progress since the last review', value: scaleText(outcome.progress) },
				{ term: 'Evidence', value: outcome.evidence || 'None recorded' }
			]
		});
	}
	blocks.push(...progressBlocks(minutes));
	return blocks;
}

function provisionBlocks(minutes: Minutes): Block[] {
	return [
		heading(2, 'Provision and strategies'),
		minutes.provision.length === 0
			? note('No provision was recorded.')
			: {
					kind: 'table',
					caption: 'Provision and strategies',
					columns: [
						{ label: 'Provision', weight: 5 },
						{ label: 'Provided by', weight: 2 },
						{ label: 'How often', weight: 2 },
						{ label: 'Recorded by', weight: 2 },
						{ label: 'Review by', weight: 2 }
					],
					rows: minutes.provision.map((item) => [
						item.text || 'Not written',
						item.providedBy || 'Not recorded',
						item.frequency || 'Not recorded',
						[item.authorName, item.date].filter(Boolean).join(', ') || 'Not recorded',
						item.reviewBy ?? 'Not set'
					])
				}
	];
}

function decisionBlocks(minutes: Minutes): Block[] {
	const blocks: Block[] = [heading(2, 'Decisions')];
	blocks.push(
		minutes.decisions.length === 0
			? note('No decisions were recorded.')
			: {
					kind: 'list',
					ordered: true,
					items: minutes.decisions.map((d) => d.text || 'Not written')
				}
	);
	blocks.push(heading(2, 'Disagreements'));
	if (minutes.disagreements.length === 0) blocks.push(note('No disagreements were recorded.'));
	minutes.disagreements.forEach((disagreement, index) => {
		blocks.push(heading(3, `Disagreement ${index + 1}`));
		blocks.push(...paragraphs(disagreement.point, 'The point was not written down.'));
		blocks.push(
			disagreement.views.length === 0
				? note('No views were recorded.')
				: {
						kind: 'table',
						caption: `Views on disagreement ${index + 1}`,
						columns: [
							{ label: 'Who holds this view', weight: 1 },
							{ label: 'Their view', weight: 3 }
						],
						rowHeaders: true,
						rows: disagreement.views.map((view) => [view.heldBy, view.text || 'Not written'])
					}
		);
	});
	return blocks;
}

export const ACTION_COLUMNS = [
	{ label: 'Action', weight: 5 },
	{ label: 'Owner', weight: 2 },
	{ label: 'Agency', weight: 2 },
	{ label: 'Due date', weight: 2 },
	{ label: 'Status', weight: 1.5 },
	{ label: 'Linked outcome', weight: 2.5 }
];

function actionBlocks(minutes: Minutes): Block[] {
	const blocks: Block[] = [heading(2, 'Actions')];
	if (minutes.actions.length === 0) return [...blocks, note('No actions were agreed.')];
	blocks.push({
		kind: 'table',
		caption: 'Actions agreed, with their owners',
		columns: ACTION_COLUMNS,
		rows: minutes.actions.map((action) => [
			[`${action.number}. ${action.text || 'Not written'}`, action.carriedFrom]
				.filter(Boolean)
				.join(' — '),
			action.ownerName,
			action.agency || 'Not recorded',
			action.dueDateText,
			action.statusLabel,
			action.outcome ?? 'None'
		])
	});
	const evidenced = minutes.actions.filter((action) => action.evidence);
	if (evidenced.length > 0) {
		blocks.push(heading(3, 'Evidence for actions done'));
		blocks.push({
			kind: 'list',
			ordered: false,
			items: evidenced.map((action) => `Action ${action.number}: ${action.evidence}`)
		});
	}
	return blocks;
}

function ehcpBlocks(minutes: Minutes): Block[] {
	const { ehcp } = minutes;
	if (!ehcp) return [];
	return [
		heading(2, 'Recommendation to the local authority (LA)'),
		{ kind: 'paragraph', text: ehcp.recommendationText, style: 'strong' },
		heading(3, 'Proposed amendments to the EHC plan (Education, Health and Care plan)'),
		ehcp.amendments.length === 0
			? note('No amendments were proposed.')
			: {
					kind: 'table',
					caption: 'Proposed amendments by section of the plan',
					columns: [
						{ label: 'Section of the plan', weight: 2 },
						{ label: 'Proposed amendment', weight: 5 }
					],
					rowHeaders: true,
					rows: ehcp.amendments.map((amendment) => [
						amendment.section,
						amendment.text || 'Not written'
					])
				},
		heading(3, 'Statutory dates'),
		{
			kind: 'facts',
			caption: 'Statutory dates after this review',
			items: [
				{ term: 'Review report due (within 2 weeks)', value: ehcp.reportDue },
				{ term: 'Local authority decision due (within 4 weeks)', value: ehcp.laDecisionDue }
			]
		}
	];
}

function restrictedBlocks(restricted: RestrictedMinutes): Block[] {
	const blocks: Block[] = [
		heading(2, 'Restricted notes'),
		note(
			'Restricted: social care, safeguarding and medical detail, for the named professionals allowed to read it only. Do not share this copy with the family.'
		)
	];
	if (restricted.notes.length === 0) blocks.push(note('No restricted notes.'));
	for (const item of restricted.notes) {
		const who = [item.authorName, item.writtenOn].filter(Boolean).join(', ');
		blocks.push(heading(3, who ? `${item.category} (${who})` : item.category));
		blocks.push(...paragraphs(item.text, 'No text.'));
	}
	return blocks;
}

export function layOutMinutes(
	minutes: Minutes,
	context: ExportContext,
	restricted: RestrictedMinutes | null
): LaidOutDocument {
	const title = minutesTitle(minutes);
	const blocks: Block[] = [
		heading(1, title),
		...detailsBlocks(minutes),
		...attendanceBlocks(minutes),
		heading(2, 'The child’s views'),
		...childVoiceBlocks(minutes.childVoice),
		...paragraphs(
			minutes.childViews,
			minutes.childVoice.length > 0 ? undefined : 'Nothing recorded.'
		),
		heading(2, 'The family’s views'),
		...paragraphs(minutes.familyViews, 'Nothing recorded.'),
		heading(2, 'What’s working, what’s not working and worries'),
		...columnBlocks('What’s working', minutes.working),
		...columnBlocks('What’s not working', minutes.notWorking),
		...columnBlocks('Worries', minutes.worries),
		...outcomeBlocks(minutes),
		...provisionBlocks(minutes),
		...decisionBlocks(minutes),
		...actionBlocks(minutes),
		heading(2, 'Next review'),
		{ kind: 'paragraph', text: minutes.nextReview ?? 'No date set yet.' },
		...ehcpBlocks(minutes),
		...(restricted ? restrictedBlocks(restricted) : [])
	];
	return { title, stamp: exportStamp(context, restricted !== null), blocks };
}
