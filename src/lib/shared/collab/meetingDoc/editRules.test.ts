import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { judgeChange } from './testing/judgeChange.ts';
import {
	addAttendee,
	addContribution,
	removeListItem,
	setAttendanceStatus,
	setFieldText
} from './change.ts';
import {
	describeEditRules,
	mayChangeAttendanceList,
	mayChangeContribution,
	mayChangeSection,
	maySetAttendance,
	type Editor
} from './editRules.ts';
import { itemFieldId } from './fields.ts';
import { list } from './shape.ts';

const chair: Editor = { userId: 'chair', chair: true };
const parent: Editor = { userId: 'parent', chair: false };
const nobody: Editor = { userId: null, chair: false };

describe('the edit rules', () => {
	it('keep the agenda and the attendance list to the chair', () => {
		expect(mayChangeSection(chair, 'agenda')).toBe(true);
		expect(mayChangeSection(parent, 'agenda')).toBe(false);
		expect(mayChangeSection(parent, 'outcomes')).toBe(true);
		expect(mayChangeAttendanceList(chair)).toBe(true);
		expect(mayChangeAttendanceList(parent)).toBe(false);
	});

	it('let each person change their own attendance and contributions only', () => {
		expect(maySetAttendance(parent, { userId: 'parent' })).toBe(true);
		expect(maySetAttendance(parent, { userId: 'salt' })).toBe(false);
		expect(maySetAttendance(parent, { userId: null })).toBe(false);
		expect(maySetAttendance(nobody, { userId: null })).toBe(false);
		expect(maySetAttendance(chair, { userId: 'salt' })).toBe(true);
		expect(mayChangeContribution(parent, { authorUserId: 'parent' })).toBe(true);
		expect(mayChangeContribution(parent, { authorUserId: 'salt' })).toBe(false);
		expect(mayChangeContribution(nobody, { authorUserId: null })).toBe(false);
		expect(mayChangeContribution(chair, { authorUserId: null })).toBe(true);
	});

	it('are said in words that differ for the chair', () => {
		expect(describeEditRules(parent).join(' ')).toContain('your own attendance');
		expect(describeEditRules(chair).join(' ')).toContain('As the chair');
	});
});

/** A document with two attendees and a contribution from each of parent and SaLT. */
function meeting() {
	const doc = new Y.Doc();
	const parentRow = addAttendee(doc, {
		userId: 'parent',
		name: 'P',
		role: 'parent_carer',
		agency: ''
	});
	const saltRow = addAttendee(doc, { userId: 'salt', name: 'S', role: 'salt', agency: '' });
	const contribution = (author: string) =>
		addContribution(doc, {
			authorUserId: author,
			authorName: author,
			role: '',
			agency: '',
			submittedAt: null,
			text: 'Written'
		});
	return {
		doc,
		parentRow,
		saltRow,
		parentText: contribution('parent'),
		saltText: contribution('salt')
	};
}

/** The sections a change by `editor` breaks the rules in, judged as the server judges it. */
describe('judging a change by whose items it touched', () => {
	it('allows a person’s own attendance and contribution', () => {
		const { doc, parentRow, parentText } = meeting();
		expect(judgeChange(doc, parent, () => setAttendanceStatus(doc, parentRow, 'present'))).toEqual(
			[]
		);
		expect(
			judgeChange(doc, parent, () =>
				setFieldText(doc, itemFieldId('contributions', parentText, 'text'), 'Changed')
			)
		).toEqual([]);
		expect(
			judgeChange(doc, parent, () => removeListItem(doc, 'contributions', parentText))
		).toEqual([]);
	});

	it('finds someone else’s attendance, the list itself and someone else’s contribution', () => {
		const { doc, saltRow, parentRow, saltText } = meeting();
		expect(judgeChange(doc, parent, () => setAttendanceStatus(doc, saltRow, 'present'))).toEqual([
			'attendance'
		]);
		expect(judgeChange(doc, parent, () => removeListItem(doc, 'attendance', parentRow))).toEqual([
			'attendance'
		]);
		expect(
			judgeChange(doc, parent, () =>
				setFieldText(doc, itemFieldId('contributions', saltText, 'text'), 'Changed')
			)
		).toEqual(['contributions']);
		expect(judgeChange(doc, parent, () => removeListItem(doc, 'contributions', saltText))).toEqual([
			'contributions'
		]);
	});

	it('finds a change to the author of one’s own contribution, and lets the chair do anything', () => {
		const { doc, parentText, saltRow } = meeting();
		const item = list(doc, 'contributions')
			.toArray()
			.find((entry) => entry instanceof Y.Map && entry.get('id') === parentText) as Y.Map<unknown>;
		expect(judgeChange(doc, parent, () => item.set('authorUserId', 'salt'))).toEqual([
			'contributions'
		]);
		expect(judgeChange(doc, chair, () => setAttendanceStatus(doc, saltRow, 'apologies'))).toEqual(
			[]
		);
	});
});
