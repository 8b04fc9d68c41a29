import * as v from 'valibot';
import { PLAN_TYPES, type PlanType } from '../../../shared/domain/planTypes.ts';
import { validateForm, type FieldErrors } from '../../forms.ts';
import {
	AREAS_OF_NEED,
	isAreaOfNeed,
	type AreaOfNeed
} from '../../../shared/domain/areasOfNeed.ts';
import { parseDateParts } from '../../../shared/domain/dateParts.ts';
import { ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import { receptionYearFor, YEAR_GROUPS } from '../../../shared/domain/yearGroups.ts';

/**
 * The child details form (used to add and to edit a child): field-level messages in the
 * order the form shows its fields, and everything typed kept for the page to show again.
 */

export interface ChildDetails {
	firstName: string;
	lastName: string;
	preferredName: string | null;
	strengths: string;
	dateOfBirth: string;
	setting: string;
	/** The cohort (shared/domain/yearGroups.ts): the form asks for the year group today. */
	receptionYear: number | null;
	planType: PlanType;
	areasOfNeed: AreaOfNeed[];
}

/** What the page shows again after an error: every text typed, and the boxes ticked. */
export interface ChildFormValues {
	text: Record<string, string>;
	areasOfNeed: string[];
}

export type ParsedForm<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: ChildFormValues };

/** The fields in the order the form shows them, so the error summary reads top to bottom. */
export const CHILD_FIELD_ORDER = [
	'organisationId',
	'firstName',
	'lastName',
	'preferredName',
	'strengths',
	'dateOfBirth',
	'setting',
	'yearGroup',
	'planType',
	'areasOfNeed',
	'myTeamRole',
	'myAgency'
] as const;

const required = (message: string, max: number, maxMessage: string) =>
	v.pipe(v.string(), v.trim(), v.nonEmpty(message), v.maxLength(max, maxMessage));

const optionalText = (max: number, maxMessage: string) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(max, maxMessage),
		v.transform((value) => (value === '' ? null : value))
	);

const ChildTextFields = v.object({
	firstName: required('Enter a first name', 100, 'First name must be 100 characters or fewer'),
	lastName: required('Enter a last name', 100, 'Last name must be 100 characters or fewer'),
	preferredName: optionalText(100, 'Preferred name must be 100 characters or fewer'),
	strengths: required(
		'Enter what the child is good at and enjoys',
		5000,
		'Strengths and interests must be 5,000 characters or fewer'
	),
	setting: required(
		'Enter the school, nursery or college the child attends',
		200,
		'Setting must be 200 characters or fewer'
	),
	yearGroup: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.check(
			(value) => value === '' || YEAR_GROUPS.some((group) => String(group.value) === value),
			'Select the year group from the list'
		),
		v.transform((value) => (value === '' ? null : Number(value)))
	),
	planType: v.picklist(PLAN_TYPES, 'Select the kind of plan or support the child has')
});

export function orderErrors(errors: FieldErrors): FieldErrors {
	const ordered: FieldErrors = {};
	for (const field of CHILD_FIELD_ORDER) if (errors[field]) ordered[field] = errors[field];
	for (const [field, message] of Object.entries(errors)) ordered[field] ??= message;
	return ordered;
}

export function childFormValues(formData: FormData): ChildFormValues {
	const text: Record<string, string> = {};
	for (const [key, value] of formData) if (typeof value === 'string') text[key] = value;
	const areasOfNeed = formData.getAll('areasOfNeed').filter((value) => typeof value === 'string');
	return { text, areasOfNeed };
}

function text(formData: FormData, name: string): string {
	const value = formData.get(name);
	return typeof value === 'string' ? value : '';
}

function withoutYearGroup<T extends { yearGroup: unknown }>(data: T): Omit<T, 'yearGroup'> {
	const { yearGroup: _yearGroup, ...rest } = data;
	return rest;
}

export function parseChildForm(formData: FormData, now = new Date()): ParsedForm<ChildDetails> {
	const errors: FieldErrors = {};
	const fields = validateForm(ChildTextFields, formData);
	if (!fields.ok) Object.assign(errors, fields.errors);

	const dateOfBirth = parseDateParts(
		{
			day: text(formData, 'dateOfBirth-day'),
			month: text(formData, 'dateOfBirth-month'),
			year: text(formData, 'dateOfBirth-year')
		},
		{ label: 'Date of birth', required: 'Enter the date of birth', notInFuture: true, now }
	);
	if (!dateOfBirth.ok) errors.dateOfBirth = dateOfBirth.message;

	const ticked = formData.getAll('areasOfNeed').filter((value) => typeof value === 'string');
	const areasOfNeed = ticked.filter(isAreaOfNeed);
	if (areasOfNeed.length !== ticked.length) {
		errors.areasOfNeed = 'Select areas of need from the list';
	}

	if (!fields.ok || !dateOfBirth.ok || !dateOfBirth.date || errors.areasOfNeed) {
		return { ok: false, errors: orderErrors(errors), values: childFormValues(formData) };
	}
	return {
		ok: true,
		data: {
			...withoutYearGroup(fields.data),
			receptionYear:
				fields.data.yearGroup === null
					? null
					: receptionYearFor(fields.data.yearGroup, ukDateOf(now)),
			dateOfBirth: dateOfBirth.date,
			// Kept in the code list's order, once each, whatever order the browser sent.
			areasOfNeed: AREAS_OF_NEED.filter((area) => areasOfNeed.includes(area))
		}
	};
}
