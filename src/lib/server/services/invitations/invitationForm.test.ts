import { describe, expect, it } from 'vitest';
import { validateForm } from '../../forms.ts';
import { InvitationForm } from './invitationForm.ts';

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.set(key, value);
	return data;
}

describe('InvitationForm', () => {
	it('accepts a professional with their agency, lower-casing the email', () => {
		const result = validateForm(
			InvitationForm,
			form({
				name: ' Sam Okafor ',
				email: 'Sam.Okafor@Example.ORG',
				teamRole: 'salt',
				agency: 'Northshire Community Health'
			})
		);
		expect(result).toEqual({
			ok: true,
			data: {
				name: 'Sam Okafor',
				email: 'sam.okafor@example.org',
				teamRole: 'salt',
				agency: 'Northshire Community Health'
			}
		});
	});

	it('records a parent without an agency as Family', () => {
		const result = validateForm(
			InvitationForm,
			form({
				name: 'Emma Thompson',
				email: 'emma@example.org',
				teamRole: 'parent_carer',
				agency: ''
			})
		);
		expect(result.ok && result.data.agency).toBe('Family');
	});

	it('asks a professional for their agency', () => {
		const result = validateForm(
			InvitationForm,
			form({ name: 'Sam Okafor', email: 'sam@example.org', teamRole: 'salt', agency: ' ' })
		);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors).toEqual({
			agency: 'Enter the organisation or service they work for'
		});
	});

	it('reports every empty or wrong field at once and keeps what was typed', () => {
		const result = validateForm(
			InvitationForm,
			form({ name: '', email: 'not-an-email', teamRole: 'headteacher', agency: '' })
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual({
			name: 'Enter the name of the person you are inviting',
			email: 'Enter an email address in the correct format, like name@example.com',
			teamRole: 'Select their role in the team'
		});
		expect(result.values).toMatchObject({ email: 'not-an-email', teamRole: 'headteacher' });
	});
});
