import { describe, expect, it } from 'vitest';
import { validateForm } from '../../forms.ts';
import { ChangeRoleForm, MemberInvitationForm } from './memberForms.ts';

function formData(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.set(key, value);
	return data;
}

describe('MemberInvitationForm', () => {
	it('says what to fix for each field, also when no role was chosen, and keeps what was typed', () => {
		const result = validateForm(MemberInvitationForm, formData({ name: ' ', email: 'nope' }), []);
		expect(result).toEqual({
			ok: false,
			errors: {
				name: 'Enter the name of the person you are inviting',
				email: 'Enter an email address in the correct format, like name@example.com',
				role: 'Select their role in the organisation'
			},
			values: { name: ' ', email: 'nope' }
		});
	});

	it('accepts a name, an address (lower-cased) and one of the three roles', () => {
		const result = validateForm(
			MemberInvitationForm,
			formData({ name: ' Jo Green ', email: 'Jo@Example.org ', role: 'coordinator' }),
			[]
		);
		expect(result).toEqual({
			ok: true,
			data: { name: 'Jo Green', email: 'jo@example.org', role: 'coordinator' }
		});
		const owner = validateForm(
			MemberInvitationForm,
			formData({ name: 'Jo', email: 'jo@example.org', role: 'owner' }),
			[]
		);
		expect(owner.ok).toBe(false);
	});
});

describe('ChangeRoleForm', () => {
	it('needs a member id and a known role', () => {
		const id = '8f1c1a52-6a57-4d43-9d3c-1b2f0a1e6c11';
		expect(validateForm(ChangeRoleForm, formData({ userId: id, role: 'admin' }), []).ok).toBe(true);
		expect(validateForm(ChangeRoleForm, formData({ userId: 'x', role: 'admin' }), []).ok).toBe(
			false
		);
		expect(validateForm(ChangeRoleForm, formData({ userId: id }), []).ok).toBe(false);
	});
});
