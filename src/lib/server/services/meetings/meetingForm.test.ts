import { describe, expect, it } from 'vitest';
import { AGENDA_TEMPLATES } from '../../../shared/domain/meetingAgendas.ts';
import { initialMeetingForm, parseMeetingForm, parseTime } from './meetingForm.ts';
import { formOf } from '../../testing/forms.ts';

const team = [
	{ userId: 'senco-id', name: 'Priya Shah' },
	{ userId: 'parent-id', name: 'Sarah Thompson' },
	{ userId: 'salt-id', name: 'Sam Okafor' }
];
// Monday 23 November 2026, 09:00 in the UK.
const now = new Date('2026-11-23T09:00:00Z');

const valid: Record<string, string> = {
	type: 'ehcp_annual_review',
	'date-day': '12',
	'date-month': '3',
	'date-year': '2027',
	time: '10:00',
	duration: '60',
	location: 'Oakfield Primary School, room 2',
	onlineLink: '',
	chairId: 'senco-id',
	agenda: 'Welcome\n\n  Progress towards outcomes  \nActions'
};

function parse(overrides: Record<string, string | undefined> = {}, invitees = ['parent-id']) {
	return parseMeetingForm(formOf({ ...valid, ...overrides, invitees }), {
		team,
		childName: 'Aaron',
		now
	});
}

function errorsOf(result: ReturnType<typeof parse>): Record<string, string> {
	if (result.ok) throw new Error('expected the form to be refused');
	return result.errors;
}

describe('parseMeetingForm', () => {
	it('reads a valid form, in UK time, with the chair always invited', () => {
		const result = parse();
		expect(result).toEqual({
			ok: true,
			data: {
				type: 'ehcp_annual_review',
				transfer: null,
				startsAt: new Date('2027-03-12T10:00:00Z'),
				durationMinutes: 60,
				location: 'Oakfield Primary School, room 2',
				onlineLink: null,
				chairId: 'senco-id',
				inviteeIds: ['parent-id', 'senco-id'],
				agenda: ['Welcome', 'Progress towards outcomes', 'Actions']
			}
		});
	});

	it('stores a summer-time meeting as the right UTC instant', () => {
		const result = parse({ 'date-day': '1', 'date-month': '7', time: '9:30' });
		expect(result.ok && result.data.startsAt.toISOString()).toBe('2027-07-01T08:30:00.000Z');
	});

	it('accepts an online link alone, and a phase transfer with its move', () => {
		const result = parse({
			type: 'phase_transfer_review',
			transfer: 'primary_to_secondary',
			location: '',
			onlineLink: 'https://meet.example.org/aaron?pin=1'
		});
		expect(result.ok && result.data).toMatchObject({
			transfer: 'primary_to_secondary',
			location: '',
			onlineLink: 'https://meet.example.org/aaron?pin=1'
		});
	});

	it.each([
		[
			'no date',
			{ 'date-day': '', 'date-month': '', 'date-year': '' },
			'date',
			'Enter the date of the meeting'
		],
		['part of a date', { 'date-month': '' }, 'date', 'Date of the meeting must include a month'],
		[
			'30 February',
			{ 'date-day': '30', 'date-month': '2' },
			'date',
			'Date of the meeting must be a real date'
		],
		[
			'29 February in a common year',
			{ 'date-day': '29', 'date-month': '2' },
			'date',
			'Date of the meeting must be a real date'
		],
		[
			'a date in the past',
			{ 'date-day': '20', 'date-month': '11', 'date-year': '2026' },
			'date',
			'Date of the meeting must be in the future'
		],
		[
			'earlier today',
			{ 'date-day': '23', 'date-month': '11', 'date-year': '2026', time: '08:30' },
			'time',
			'Time of the meeting must be in the future'
		],
		[
			'more than 2 years ahead',
			{ 'date-year': '2029' },
			'date',
			'Date of the meeting must be within the next 2 years'
		],
		['no time', { time: '' }, 'time', 'Enter the time of the meeting'],
		['a time that is not one', { time: '25:00' }, 'time', 'Enter a real time, like 10:30 or 14:00'],
		[
			'the hour skipped when the clocks go forward',
			{ 'date-day': '28', 'date-month': '3', time: '01:30' },
			'time',
			'01:30 does not exist in the UK on Sunday 28 March 2027, because the clocks go forward an hour. Choose another time'
		],
		['no duration', { duration: '' }, 'duration', 'Select how long the meeting will last'],
		[
			'an unlisted duration',
			{ duration: '7' },
			'duration',
			'Select how long the meeting will last'
		],
		[
			'neither place nor link',
			{ location: '  ' },
			'location',
			'Enter where the meeting will be held, an online meeting link, or both'
		],
		[
			'an http link',
			{ onlineLink: 'http://meet.example.org/x' },
			'onlineLink',
			'Enter an online link that starts with https://'
		],
		[
			'a javascript link',
			{ onlineLink: 'javascript:alert(1)' },
			'onlineLink',
			'Enter an online link that starts with https://'
		],
		[
			'not a link',
			{ onlineLink: 'meet dot example' },
			'onlineLink',
			'Enter the online link in the correct format, like https://meet.example.org/abc'
		],
		['no chair', { chairId: '' }, 'chairId', 'Select who will chair the meeting'],
		[
			'a chair not in the team',
			{ chairId: 'stranger-id' },
			'chairId',
			'The chair must be in Aaron’s team'
		],
		[
			'an empty agenda',
			{ agenda: ' \n \n' },
			'agenda',
			'Enter at least one agenda item, one on each line'
		],
		[
			'an agenda item too long',
			{ agenda: 'x'.repeat(201) },
			'agenda',
			'Each agenda item must be 200 characters or fewer'
		],
		[
			'a phase transfer without its move',
			{ type: 'phase_transfer_review' },
			'transfer',
			'Select the move the review is for'
		],
		[
			'a place too long',
			{ location: 'x'.repeat(201) },
			'location',
			'Place must be 200 characters or fewer'
		]
	])('refuses %s', (_, overrides, field, message) => {
		expect(errorsOf(parse(overrides))[field]).toBe(message);
	});

	it('refuses no invitees, and anyone outside the team', () => {
		expect(errorsOf(parse({}, [])).invitees).toBe('Select at least one person to invite');
		expect(errorsOf(parse({}, ['parent-id', 'stranger-id'])).invitees).toBe(
			'Everyone invited must be in Aaron’s team'
		);
	});

	it('refuses an unknown meeting type without judging the rest', () => {
		expect(errorsOf(parse({ type: 'party', time: '' }))).toEqual({
			type: 'Select the type of meeting'
		});
	});

	it('keeps everything typed, and lists the problems in the order of the form', () => {
		const result = parse({ agenda: '', chairId: 'stranger-id', time: 'soon', location: '' }, [
			'parent-id',
			'salt-id'
		]);
		if (result.ok) throw new Error('expected the form to be refused');
		expect(Object.keys(result.errors)).toEqual(['time', 'location', 'chairId', 'agenda']);
		expect(result.values).toMatchObject({ time: 'soon', chairId: 'stranger-id', 'date-day': '12' });
		expect(result.invitees).toEqual(['parent-id', 'salt-id']);
	});
});

describe('parseTime', () => {
	it.each([
		['10:30', '10:30'],
		['9:05', '09:05'],
		['14.00', '14:00'],
		['2pm', '14:00'],
		['2:30 PM', '14:30'],
		['12am', '00:00'],
		['12pm', '12:00'],
		['10', null],
		['13pm', null],
		['24:00', null],
		['10:75', null],
		['half past ten', null]
	])('%s is %s', (input, expected) => {
		expect(parseTime(input)).toBe(expected);
	});
});

describe('initialMeetingForm', () => {
	it('starts with the standard agenda for the type and everyone invited', () => {
		const initial = initialMeetingForm('taf_review', team, 'senco-id');
		expect(initial.values.agenda?.split('\n')).toEqual(AGENDA_TEMPLATES.taf_review);
		expect(initial.values).toMatchObject({ duration: '60', chairId: 'senco-id' });
		expect(initial.invitees).toEqual(['senco-id', 'parent-id', 'salt-id']);
	});

	it('leaves the chair to choose when the person scheduling is not in the team', () => {
		const initial = initialMeetingForm('taf_review', team, 'caseworker-id');
		expect(initial.values.chairId).toBe('');
	});
});
