import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import StatutoryInviteeCheck from './StatutoryInviteeCheck.svelte';

const other = { userId: 'u5', name: 'Kim Lowe', teamRole: 'other' };
const team = [
	{ userId: 'u1', name: 'Sarah Thompson', teamRole: 'parent_carer' },
	{ userId: 'u2', name: 'Priya Shah', teamRole: 'senco' },
	{ userId: 'u3', name: 'Tom Reed', teamRole: 'class_teacher' },
	{ userId: 'u4', name: 'Amir Rahman', teamRole: 'camhs' },
	other
];

const props = {
	type: 'ehcp_annual_review' as const,
	team,
	childName: 'Aaron',
	inviteHref: '/children/c1/invitations'
};

function groupItem(name: RegExp) {
	const items = screen.getAllByRole('listitem');
	const item = items.find((candidate) => name.test(candidate.textContent ?? ''));
	if (!item) throw new Error(`no item matching ${name}`);
	return item;
}

describe('StatutoryInviteeCheck', () => {
	it('names who covers each group and says plainly who is missing', () => {
		render(StatutoryInviteeCheck, props);
		expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
			'Who this review must invite'
		);
		expect(screen.getAllByRole('listitem')).toHaveLength(5);
		expect(groupItem(/^The family/).textContent).toContain(
			'Covered by Sarah Thompson (Parent or carer).'
		);
		expect(groupItem(/^The school or setting/).textContent).toContain(
			'Covered by Priya Shah (SENCo (special educational needs coordinator)) and Tom Reed (Class teacher).'
		);
		expect(groupItem(/^Health/).textContent).toContain('Amir Rahman');
		for (const missing of [/^The local authority/, /^Social care/]) {
			expect(groupItem(missing).textContent).toContain(
				'Missing: nobody in Aaron’s team has this role.'
			);
		}
		expect(screen.getByText(/^3 of 5 groups/).textContent).toContain(
			'Missing: the local authority (LA) SEN officer; social care (a social worker).'
		);
		const link = screen.getByRole('link', { name: 'Invite someone to Aaron’s team' });
		expect(link.getAttribute('href')).toBe('/children/c1/invitations');
		expect(screen.getByText(/Source:/).textContent).toContain('regulation 20(2) and (3)');
	});

	it('does not count someone recorded only as Other', () => {
		render(StatutoryInviteeCheck, { ...props, team: [other] });
		expect(groupItem(/^The family/).textContent).toContain('Missing');
		expect(screen.queryByText(/Kim Lowe/)).toBeNull();
	});

	it('asks for a coordinator when this person may not invite anyone', () => {
		render(StatutoryInviteeCheck, { ...props, inviteHref: null });
		expect(screen.queryByRole('link')).toBeNull();
		expect(screen.getByText(/Ask a coordinator of Aaron’s team/)).toBeTruthy();
	});

	it('shows nothing for meetings the law does not cover, and follows the type as it changes', async () => {
		const { container, rerender } = render(StatutoryInviteeCheck, {
			...props,
			type: 'taf_review',
			announce: true
		});
		expect(container.querySelector('section')).toBeNull();
		const status = screen.getByRole('status');
		expect(status.textContent).toBe('');

		await rerender({ ...props, type: 'phase_transfer_review', announce: true });
		expect(within(container).getByRole('heading', { level: 2 })).toBeTruthy();
		// The same status element, now holding the summary, so screen readers hear the change.
		expect(screen.getByRole('status')).toBe(status);
		expect(status.textContent).toMatch(/^3 of 5 groups/);

		await rerender({ ...props, type: null, announce: true });
		expect(container.querySelector('section')).toBeNull();
		expect(status.textContent).toBe('');
	});

	it('says when every group is covered, with no link to invite anyone', () => {
		const full = [
			...team,
			{ userId: 'u6', name: 'Lee Grant', teamRole: 'la_caseworker' },
			{ userId: 'u7', name: 'Jo Bell', teamRole: 'social_worker' }
		];
		render(StatutoryInviteeCheck, { ...props, team: full });
		expect(screen.getByText(/^Someone in the team covers each of the 5 groups/)).toBeTruthy();
		expect(screen.queryByRole('link')).toBeNull();
	});
});
