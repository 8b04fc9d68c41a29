import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { TIMELINE_RULES } from '$lib/shared/domain/timeline.ts';
import { load } from './+page.server.ts';

type LoadEvent = Parameters<typeof load>[0];

/** Only what the load reads: the signed-in user and the address. */
function eventFor(user: { id: string; email: string; name: string } | null): LoadEvent {
	return { locals: { user }, url: new URL('http://coplan.test/timescales') } as LoadEvent;
}

async function loadFor(user: Parameters<typeof eventFor>[0]) {
	const data = await load(eventFor(user));
	if (!data) throw new Error('the load returned nothing');
	return data;
}

describe('GET /timescales', () => {
	it('sends someone not signed in to sign in, and back here afterwards', async () => {
		const thrown = await Promise.resolve()
			.then(() => load(eventFor(null)))
			.catch((error: unknown) => error);
		expect(isRedirect(thrown)).toBe(true);
		if (!isRedirect(thrown)) return;
		expect(thrown.location).toBe('/sign-in?redirectTo=%2Ftimescales');
	});

	it('lists every deadline rule, in words, with its source', async () => {
		const data = await loadFor({ id: 'u1', email: 'a@coplan.test', name: 'A' });
		expect(data.rules.map((rule) => rule.key)).toEqual(TIMELINE_RULES.map((rule) => rule.key));
		const invitations = data.rules.find((rule) => rule.key === 'invitations_sent');
		expect(invitations).toMatchObject({
			period: '2 weeks before the meeting',
			force: 'statutory',
			source:
				'SEND Regulations 2014, regulation 20(2) and (3); SEND Code of Practice 2015, paragraph 9.176'
		});
	});

	it('gives the date of each move and who a review must invite, by role', async () => {
		const data = await loadFor({ id: 'u1', email: 'a@coplan.test', name: 'A' });
		expect(data.transfers).toContainEqual({
			label: 'Primary school to secondary school',
			date: '15 February of the year of the move',
			yearGroupAfter: 'Year 7'
		});
		const health = data.invitees.groups.find((group) => group.key === 'health');
		expect(health?.label).toMatch(/^Health/);
		expect(health?.roles).toContain(
			'Child and Adolescent Mental Health Services (CAMHS) practitioner'
		);
		expect(data.invitees.source).toContain('regulation 20(2) and (3)');
	});

	it('explains the abbreviations the rules use', async () => {
		const data = await loadFor({ id: 'u1', email: 'a@coplan.test', name: 'A' });
		const terms = data.glossary.map((entry) => entry.term);
		for (const term of ['SEND', 'SEN', 'LA', 'TAF', 'CAMHS']) expect(terms).toContain(term);
	});
});
