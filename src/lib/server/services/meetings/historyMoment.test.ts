import { describe, expect, it } from 'vitest';
import { parseHistoryMoment } from './historyMoment.ts';

const parse = (query: Record<string, string>) => parseHistoryMoment(new URLSearchParams(query));

describe('parseHistoryMoment', () => {
	it('asks for no moment when both fields are empty', () => {
		expect(parse({})).toEqual({ values: { date: '', time: '' }, errors: {}, at: null });
		expect(parse({ date: ' ', time: '' }).at).toBeNull();
	});

	it('reads a UK date and time, in summer time too', () => {
		const moment = parse({ date: '2026-07-01', time: ' 10:30 ' });
		expect(moment.errors).toEqual({});
		expect(moment.values).toEqual({ date: '2026-07-01', time: '10:30' });
		expect(moment.at?.toISOString()).toBe('2026-07-01T09:30:00.000Z');
	});

	it('names each field that is missing or not real', () => {
		expect(parse({ date: '2026-02-30', time: '' }).errors).toEqual({
			date: 'Enter a real date, for example 24 November 2026',
			time: 'Enter a time, for example 10:30'
		});
		expect(parse({ date: '2026-02-01', time: '24:00' })).toMatchObject({
			errors: { time: 'Enter a time, for example 10:30' },
			at: null
		});
	});

	it('refuses a time skipped when the clocks went forward', () => {
		expect(parse({ date: '2026-03-29', time: '01:30' })).toMatchObject({
			errors: { time: 'That time did not happen in the UK (the clocks went forward)' },
			at: null
		});
	});
});
