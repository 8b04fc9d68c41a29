import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Page from './+page.svelte';
import { pageDataFor } from './pageTestData.ts';

describe('scheduling an EHCP review, as the server sends it (no JavaScript needed)', () => {
	it('already holds the statutory invitee check, with who is missing', () => {
		const { body } = render(Page, {
			props: {
				data: pageDataFor('ehcp_interim_review'),
				form: null
			}
		});
		expect(body).toContain('Who this review must invite');
		// The family, the setting and health are covered; the LA and social care are not.
		expect(body.match(/nobody in Aaron’s team has this role/g)).toHaveLength(2);
		expect(body).toContain('Covered</strong> by Sarah Thompson');
		expect(body).toContain('href="/children/c1/invitations"');
	});
});
