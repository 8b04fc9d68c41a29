import type { MinutesChange, SectionChanges } from '../../shared/viewModels/minutesChanges.ts';
import type { Minutes, MinutesColumn } from './minutesTypes.ts';

/**
 * What changed between two versions of the minutes, section by section, in words: items
 * added, removed or changed (and which of their details). Items are matched by their id
 * in the meeting document, so a reworded action is "changed", not removed and re-added.
 */

const SHOWN_CHARACTERS = 120;

function shown(value: string | number | null): string {
	if (value === null || value === '') return 'nothing';
	const text = String(value).replace(/\s+/g, ' ').trim();
	return text.length > SHOWN_CHARACTERS ? `“${text.slice(0, SHOWN_CHARACTERS - 1)}…”` : `“${text}”`;
}

type Field<T> = [label: string, read: (item: T) => string | number | null];

function fieldChanges<T>(before: T, after: T, fields: Field<T>[]): string[] {
	return fields.flatMap(([label, read]) => {
		const [from, to] = [read(before), read(after)];
		return from === to ? [] : [`${label}: ${shown(from)} → ${shown(to)}`];
	});
}

function listChanges<T extends { id: string }>(
	before: T[],
	after: T[],
	subject: (item: T) => string,
	fields: Field<T>[]
): MinutesChange[] {
	const earlier = new Map(before.map((item) => [item.id, item]));
	const later = new Map(after.map((item) => [item.id, item]));
	const changes: MinutesChange[] = [];
	for (const item of after) {
		const previous = earlier.get(item.id);
		if (!previous) {
			changes.push({ kind: 'added', subject: subject(item), details: [] });
			continue;
		}
		const details = fieldChanges(previous, item, fields);
		if (details.length > 0) changes.push({ kind: 'changed', subject: subject(item), details });
	}
	for (const item of before) {
		if (!later.has(item.id)) changes.push({ kind: 'removed', subject: subject(item), details: [] });
	}
	return changes;
}

function valueChange(subject: string, from: string | null, to: string | null): MinutesChange[] {
	if (from === to) return [];
	if (!from) return [{ kind: 'added', subject, details: [`Now: ${shown(to)}`] }];
	if (!to) return [{ kind: 'removed', subject, details: [`Was: ${shown(from)}`] }];
	return [{ kind: 'changed', subject, details: [`${shown(from)} → ${shown(to)}`] }];
}

function columnChange(subject: string, from: MinutesColumn, to: MinutesColumn): MinutesChange[] {
	const details = fieldChanges(from, to, [
		['Text', (column) => column.text],
		['Scale (0 to 10)', (column) => column.scale]
	]);
	return details.length > 0 ? [{ kind: 'changed', subject, details }] : [];
}

const brief = (text: string) => {
	const line = text.trim().split('\n')[0] ?? '';
	return line.length > 60 ? `${line.slice(0, 59)}…` : line;
};
const titled = (prefix: string, text: string) =>
	brief(text) ? `${prefix}: ${brief(text)}` : prefix;

type Attendance = { id: string; name: string; role: string; agency: string; attendance: string };

function attendanceOf(minutes: Minutes): Attendance[] {
	return [
		...minutes.attendees.map((person) => ({
			...person,
			attendance: person.attendance === 'present' ? 'Present' : 'Not recorded'
		})),
		...minutes.apologies.map((person) => ({ ...person, attendance: 'Sent apologies' }))
	];
}

export function diffMinutes(before: Minutes, after: Minutes): SectionChanges[] {
	const sections: SectionChanges[] = [
		{
			section: 'Meeting details',
			changes: [
				...valueChange('Date and time', before.meeting.when, after.meeting.when),
				...valueChange('Place', before.meeting.location, after.meeting.location),
				...valueChange('Chair', before.meeting.chairName, after.meeting.chairName),
				...valueChange('Setting', before.child.setting, after.child.setting)
			]
		},
		{
			section: 'Attendance and apologies',
			changes: listChanges(attendanceOf(before), attendanceOf(after), (person) => person.name, [
				['Attendance', (person) => person.attendance],
				['Role', (person) => person.role],
				['Agency', (person) => person.agency]
			])
		},
		{
			section: 'Written contributions',
			changes: listChanges(
				before.contributions,
				after.contributions,
				(item) => `From ${item.authorName}`,
				[['Text', (item) => item.text]]
			)
		},
		{
			section: 'Views',
			changes: [
				...valueChange('The child’s views', before.childViews, after.childViews),
				...valueChange('The family’s views', before.familyViews, after.familyViews)
			]
		},
		{
			section: 'What’s working, what’s not working and worries',
			changes: [
				...columnChange('What’s working', before.working, after.working),
				...columnChange('What’s not working', before.notWorking, after.notWorking),
				...columnChange('Worries', before.worries, after.worries)
			]
		},
		{
			section: 'Outcomes',
			changes: listChanges(
				before.outcomes,
				after.outcomes,
				(item) => titled(`Outcome ${item.number}`, item.text),
				[
					['Outcome', (item) => item.text],
					['Area of need', (item) => item.areaOfNeed],
					['Steps', (item) => item.steps],
					['Progress (0 to 10)', (item) => item.progress],
					['Evidence', (item) => item.evidence]
				]
			)
		},
		{
			section: 'Provision and strategies',
			changes: listChanges(
				before.provision,
				after.provision,
				(item) => titled('Provision', item.text),
				[
					['Provision', (item) => item.text],
					['Provided by', (item) => item.providedBy],
					['How often', (item) => item.frequency],
					['Review by', (item) => item.reviewBy]
				]
			)
		},
		{
			section: 'Actions',
			changes: listChanges(
				before.actions,
				after.actions,
				(item) => titled(`Action ${item.number}`, item.text),
				[
					['Action', (item) => item.text],
					['Owner', (item) => item.ownerName],
					['Agency', (item) => item.agency],
					['Due date', (item) => item.dueDateText],
					['Status', (item) => item.statusLabel],
					['Linked outcome', (item) => item.outcome],
					['Evidence', (item) => item.evidence]
				]
			)
		},
		{
			section: 'Decisions',
			changes: listChanges(
				before.decisions,
				after.decisions,
				(item) => titled('Decision', item.text),
				[['Decision', (item) => item.text]]
			)
		},
		{
			section: 'Disagreements',
			changes: listChanges(
				before.disagreements,
				after.disagreements,
				(item) => titled('Disagreement', item.point),
				[
					['Point', (item) => item.point],
					['Views', (item) => item.views.map((view) => `${view.heldBy}: ${view.text}`).join('; ')]
				]
			)
		},
		{
			section: 'Next review',
			changes: valueChange('Next review date', before.nextReview, after.nextReview)
		},
		{
			section: 'Recommendation and proposed amendments',
			changes: [
				...valueChange(
					'Recommendation',
					before.ehcp?.recommendationText ?? null,
					after.ehcp?.recommendationText ?? null
				),
				...listChanges(
					before.ehcp?.amendments ?? [],
					after.ehcp?.amendments ?? [],
					(item) => titled(item.section, item.text),
					[
						['Section', (item) => item.section],
						['Amendment', (item) => item.text]
					]
				)
			]
		}
	];
	return sections.filter((section) => section.changes.length > 0);
}
