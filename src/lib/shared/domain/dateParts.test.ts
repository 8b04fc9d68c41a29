import { describe, expect, it } from 'vitest';
import { parseDateParts, type DatePartsRules } from './dateParts.ts';

const dateOfBirth: DatePartsRules = {
	label: 'Date of birth',
	required: 'Enter the date of birth',
	notInFuture: true,
	// 23:30 on 31 July 2026 in UTC is already 1 August in the UK (BST).
	now: new Date('2026-07-31T23:30:00Z')
};
const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe('parseDateParts', () => {
	it.each([
		[parts('14', '3', '2020'), '2020-03-14'],
		[parts(' 01 ', '03', '2020'), '2020-03-01'],
		[parts('29', '2', '2020'), '2020-02-29'],
		[parts('1', '8', '2026'), '2026-08-01']
	])('reads %o as %s', (input, expected) => {
		expect(parseDateParts(input, dateOfBirth)).toEqual({ ok: true, date: expected });
	});

	it.each([
		[parts('', '', ''), 'Enter the date of birth', ['day', 'month', 'year']],
		[parts('14', '', '2020'), 'Date of birth must include a month', ['month']],
		[parts('', '', '2020'), 'Date of birth must include a day and month', ['day', 'month']],
		[parts('31', '2', '2020'), 'Date of birth must be a real date', ['day', 'month', 'year']],
		[parts('29', '2', '2021'), 'Date of birth must be a real date', ['day', 'month', 'year']],
		[parts('0', '1', '2020'), 'Date of birth must be a real date', ['day', 'month', 'year']],
		[parts('1', '13', '2020'), 'Date of birth must be a real date', ['day', 'month', 'year']],
		[parts('a', '1', '2020'), 'Date of birth must be a real date', ['day', 'month', 'year']],
		[parts('1', '1', '1850'), 'Date of birth must be a real date', ['day', 'month', 'year']],
		[parts('1', '1', '20'), 'Year must include 4 numbers', ['year']],
		[
			parts('2', '8', '2026'),
			'Date of birth must be today or in the past',
			['day', 'month', 'year']
		]
	])('refuses %o: %s', (input, message, highlighted) => {
		expect(parseDateParts(input, dateOfBirth)).toEqual({ ok: false, message, parts: highlighted });
	});

	it('treats an empty optional date as no date', () => {
		expect(parseDateParts(parts('', ' ', ''), { label: 'Review-by date' })).toEqual({
			ok: true,
			date: null
		});
	});

	it('allows future dates unless told not to', () => {
		expect(parseDateParts(parts('1', '1', '2040'), { label: 'Review-by date' })).toEqual({
			ok: true,
			date: '2040-01-01'
		});
	});
});
