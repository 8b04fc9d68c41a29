import { describe, expect, it } from 'vitest';
import {
	describeEditing,
	describePresenceChanges,
	initials,
	nameByClientId,
	participantsFromAwareness
} from './presence.ts';

const sam = {
	userId: 'u-sam',
	name: 'Sam Okafor',
	role: 'SaLT',
	roleLabel: 'Speech and language therapist (SaLT)',
	color: '#00703c'
};
const priya = {
	userId: 'u-priya',
	name: 'Priya Shah',
	role: 'SENCo',
	roleLabel: 'SENCo (special educational needs coordinator)',
	color: '#005ea5'
};

describe('participantsFromAwareness', () => {
	it('lists yourself first, then others by name, with what they are editing', () => {
		const states = new Map<number, unknown>([
			[2, { user: sam, editing: { fieldId: 'outcomes:o1:text', label: 'Outcome 2' } }],
			[1, { user: priya }]
		]);
		const people = participantsFromAwareness(states, 1);
		expect(people.map((p) => [p.name, p.isSelf])).toEqual([
			['Priya Shah', true],
			['Sam Okafor', false]
		]);
		expect(describeEditing(people[1] as (typeof people)[number])).toBe(
			'Sam Okafor (SaLT) is editing Outcome 2'
		);
		expect(describeEditing(people[0] as (typeof people)[number])).toBeNull();
	});

	it('counts a person with two tabs once, keeping both client ids', () => {
		const states = new Map<number, unknown>([
			[5, { user: sam }],
			[6, { user: sam, editing: { fieldId: 'childViews', label: 'Aaron’s views' } }]
		]);
		const [person] = participantsFromAwareness(states, 1);
		expect(person?.clientIds).toEqual([5, 6]);
		expect(person?.editing?.label).toBe('Aaron’s views');
	});

	it('ignores states another client filled with nonsense', () => {
		const states = new Map<number, unknown>([
			[1, null],
			[2, { user: 'Mallory' }],
			[3, { user: { name: 'No id' } }],
			[4, { user: { ...sam, color: 'red; background: url(x)' }, editing: { fieldId: 7 } }]
		]);
		const people = participantsFromAwareness(states, 99);
		expect(people).toHaveLength(1);
		expect(people[0]?.color).toBe('#505a5f');
		expect(people[0]?.editing).toBeNull();
	});

	it('names the authors of remote edits by their client ids', () => {
		const people = participantsFromAwareness(new Map([[7, { user: sam }]]), 1);
		expect(nameByClientId(people).get(7)).toBe('Sam Okafor (SaLT)');
	});
});

describe('presence changes', () => {
	it('says who joined and who left, never yourself', () => {
		const before = participantsFromAwareness(
			new Map([
				[1, { user: priya }],
				[2, { user: sam }]
			]),
			1
		);
		const after = participantsFromAwareness(
			new Map([
				[1, { user: priya }],
				[3, { user: { ...sam, userId: 'u-tom', name: 'Tom Bennett', role: 'Class teacher' } }]
			]),
			1
		);
		expect(describePresenceChanges(before, after)).toEqual([
			'Tom Bennett (Class teacher) joined the meeting',
			'Sam Okafor (SaLT) left the meeting'
		]);
	});
});

describe('initials', () => {
	it.each([
		['Sam Okafor', 'SO'],
		['Priya', 'P'],
		['  mary  ann   lee ', 'ML'],
		['', '?']
	])('%s → %s', (name, expected) => expect(initials(name)).toBe(expected));
});
