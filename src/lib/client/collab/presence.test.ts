import { describe, expect, it } from 'vitest';
import {
	authorsOfChange,
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

describe('authorsOfChange', () => {
	const known = new Map([
		[2, 'Sam Okafor (SaLT)'],
		[3, 'Priya Shah (SENCo)'],
		[4, 'Sam Okafor (SaLT)']
	]);

	it('names each client whose clock moved on, once per person, never yourself', () => {
		const before = new Map([
			[1, 5],
			[2, 3],
			[3, 7],
			[4, 1]
		]);
		const after = new Map([
			[1, 9],
			[2, 4],
			[3, 7],
			[4, 2]
		]);
		expect(authorsOfChange(before, after, 1, known)).toEqual(['Sam Okafor (SaLT)']);
	});

	it('counts a client new to the document as having moved on', () => {
		const after = new Map([
			[2, 1],
			[3, 2]
		]);
		expect(authorsOfChange(new Map(), after, 1, known)).toEqual([
			'Sam Okafor (SaLT)',
			'Priya Shah (SENCo)'
		]);
	});

	it('says "Someone" for a client it has never seen, or when no clock moved', () => {
		expect(authorsOfChange(new Map(), new Map([[9, 1]]), 1, known)).toEqual(['Someone']);
		expect(authorsOfChange(new Map([[2, 4]]), new Map([[2, 4]]), 1, known)).toEqual(['Someone']);
	});
});
