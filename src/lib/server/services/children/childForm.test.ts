import { describe, expect, it } from 'vitest';
import { parseChildForm } from './childForm.ts';
import { parseNewChildForm } from './newChildForm.ts';
import { formOf } from '../../testing/forms.ts';

const NOW = new Date('2026-11-23T10:00:00Z');

const valid = {
	firstName: ' Aaron ',
	lastName: 'Thompson',
	preferredName: '',
	strengths: 'Loves trains and drawing.',
	'dateOfBirth-day': '14',
	'dateOfBirth-month': '3',
	'dateOfBirth-year': '2020',
	setting: 'Oakfield Primary School',
	yearGroup: '2',
	planType: 'ehcp',
	areasOfNeed: ['sensory_physical', 'communication_interaction']
};

describe('parseChildForm', () => {
	it('reads a complete form, trimming text and ordering the areas of need', () => {
		expect(parseChildForm(formOf(valid), NOW)).toEqual({
			ok: true,
			data: {
				firstName: 'Aaron',
				lastName: 'Thompson',
				preferredName: null,
				strengths: 'Loves trains and drawing.',
				dateOfBirth: '2020-03-14',
				setting: 'Oakfield Primary School',
				// In Year 2 in November 2026: started Reception in September 2024.
				receptionYear: 2024,
				planType: 'ehcp',
				areasOfNeed: ['communication_interaction', 'sensory_physical']
			}
		});
	});

	it('accepts a child with no areas of need recorded yet and no year group', () => {
		const { areasOfNeed: _areas, ...rest } = valid;
		const result = parseChildForm(formOf({ ...rest, yearGroup: '' }), NOW);
		expect(result.ok && result.data).toMatchObject({ areasOfNeed: [], receptionYear: null });
	});

	it.each([
		['missing first name', { firstName: '  ' }, 'firstName', 'Enter a first name'],
		['missing last name', { lastName: '' }, 'lastName', 'Enter a last name'],
		[
			'missing strengths',
			{ strengths: '' },
			'strengths',
			'Enter what the child is good at and enjoys'
		],
		[
			'a date that does not exist',
			{ 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2020' },
			'dateOfBirth',
			'Date of birth must be a real date'
		],
		[
			'a date of birth in the future',
			{ 'dateOfBirth-day': '24', 'dateOfBirth-month': '11', 'dateOfBirth-year': '2026' },
			'dateOfBirth',
			'Date of birth must be today or in the past'
		],
		[
			'no date of birth',
			{ 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '' },
			'dateOfBirth',
			'Enter the date of birth'
		],
		[
			'a year group not on the list',
			{ yearGroup: 'Year 2' },
			'yearGroup',
			'Select the year group from the list'
		],
		[
			'missing setting',
			{ setting: '' },
			'setting',
			'Enter the school, nursery or college the child attends'
		],
		[
			'an unknown plan type',
			{ planType: 'statement' },
			'planType',
			'Select the kind of plan or support the child has'
		],
		[
			'an unknown area of need',
			{ areasOfNeed: ['communication_interaction', 'behaviour'] },
			'areasOfNeed',
			'Select areas of need from the list'
		],
		[
			'a first name too long',
			{ firstName: 'A'.repeat(101) },
			'firstName',
			'First name must be 100 characters or fewer'
		]
	])('refuses %s with a message for that field', (_case, change, field, message) => {
		const result = parseChildForm(formOf({ ...valid, ...change }), NOW);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual({ [field]: message });
	});

	it('lists every problem in form order and keeps what was typed', () => {
		const result = parseChildForm(
			formOf({
				...valid,
				firstName: '',
				'dateOfBirth-day': '31',
				'dateOfBirth-month': '2',
				planType: '',
				lastName: ''
			}),
			NOW
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors)).toEqual([
			'firstName',
			'lastName',
			'dateOfBirth',
			'planType'
		]);
		expect(result.values.text).toMatchObject({
			strengths: 'Loves trains and drawing.',
			'dateOfBirth-day': '31',
			setting: 'Oakfield Primary School'
		});
		expect(result.values.areasOfNeed).toEqual(['sensory_physical', 'communication_interaction']);
	});
});

describe('parseNewChildForm', () => {
	const organisationId = '0b7c2d0e-8a58-4c9b-a8c5-1d3f2f7a9e10';
	const placement = { organisationId, myTeamRole: 'senco', myAgency: 'Oakfield Primary School' };

	it('reads the organisation and the creator’s place in the team', () => {
		const result = parseNewChildForm(formOf({ ...valid, ...placement }), [organisationId], NOW);
		expect(result.ok && result.data).toMatchObject({
			organisationId,
			myTeamRole: 'senco',
			myAgency: 'Oakfield Primary School',
			firstName: 'Aaron'
		});
	});

	it('refuses an organisation the user may not add children to', () => {
		const result = parseNewChildForm(
			formOf({ ...valid, ...placement, organisationId: 'a1f1bd4c-0000-4000-8000-000000000000' }),
			[organisationId],
			NOW
		);
		expect(!result.ok && result.errors).toEqual({
			organisationId: 'Select the organisation that holds the record'
		});
	});

	it('refuses a family role for the person adding the child', () => {
		const result = parseNewChildForm(
			formOf({ ...valid, ...placement, myTeamRole: 'parent_carer' }),
			[organisationId],
			NOW
		);
		expect(!result.ok && result.errors).toEqual({
			myTeamRole: 'Select your role in the child’s team'
		});
	});

	it('puts placement errors after the child’s details', () => {
		const result = parseNewChildForm(
			formOf({ ...valid, ...placement, myAgency: '', firstName: '' }),
			[organisationId],
			NOW
		);
		expect(!result.ok && Object.keys(result.errors)).toEqual(['firstName', 'myAgency']);
	});
});
