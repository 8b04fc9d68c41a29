import { describe, expect, it } from 'vitest';
import { packLookAheadDays, packSendDate, stillOwingAdvice } from './packs.ts';

describe('packSendDate', () => {
	it('is the advice_circulated deadline: 14 days before an EHCP annual review', () => {
		expect(packSendDate('ehcp_annual_review', new Date('2027-03-12T09:30:00Z'))).toBe('2027-02-26');
	});

	it('uses the UK date of the meeting, not the UTC one', () => {
		// 00:30 on 1 July in London is still 30 June in UTC.
		expect(packSendDate('ehcp_annual_review', new Date('2027-06-30T23:30:00Z'))).toBe('2027-06-17');
	});

	it('is null for meetings the rule does not cover', () => {
		expect(packSendDate('taf_review', new Date('2027-03-12T09:30:00Z'))).toBeNull();
		expect(packSendDate('sen_support_review', new Date('2027-03-12T09:30:00Z'))).toBeNull();
	});

	it('looks far enough ahead for the rule', () => {
		expect(packLookAheadDays()).toBeGreaterThanOrEqual(14);
	});
});

describe('stillOwingAdvice', () => {
	const team = [
		{ userId: 'parent', teamRole: 'parent_carer' },
		{ userId: 'salt', teamRole: 'salt' },
		{ userId: 'senco', teamRole: 'senco' },
		{ userId: 'ot', teamRole: 'ot' },
		{ userId: 'left', teamRole: null }
	];

	it('lists professionals with neither a contribution nor new advice', () => {
		const owing = stillOwingAdvice(team, new Set(['senco']), new Set(['ot']));
		expect(owing.map((person) => person.userId)).toEqual(['salt']);
	});

	it('never lists the family or people who have left the team', () => {
		const owing = stillOwingAdvice(team, new Set(), new Set());
		expect(owing.map((person) => person.userId)).toEqual(['salt', 'senco', 'ot']);
	});
});
