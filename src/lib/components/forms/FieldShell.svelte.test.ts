import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import AccountField from '../account/AccountField.svelte';
import TextField from './TextField.svelte';

/** FieldShell is the frame of both kinds of field: tested through each of them. */
describe('FieldShell', () => {
	it('labels the control and describes it with its hint and error', () => {
		render(TextField, {
			name: 'preferredName',
			label: 'Preferred name',
			hint: 'What Aaron likes to be called',
			error: 'Enter a preferred name of 100 characters or fewer',
			value: 'Az'
		});
		const input = screen.getByRole('textbox', { name: 'Preferred name' }) as HTMLInputElement;
		expect(input.id).toBe('preferredName');
		expect(input.value).toBe('Az');
		expect(input.getAttribute('aria-describedby')).toBe('preferredName-hint preferredName-error');
		expect(document.getElementById('preferredName-hint')?.textContent).toBe(
			'What Aaron likes to be called'
		);
		expect(document.getElementById('preferredName-error')?.textContent).toBe(
			'Error: Enter a preferred name of 100 characters or fewer'
		);
	});

	it('describes nothing when there is no hint or error', () => {
		render(AccountField, { name: 'email', label: 'Email address', type: 'email' });
		const input = screen.getByRole('textbox', { name: 'Email address' });
		expect(input.hasAttribute('aria-describedby')).toBe(false);
		expect(input.closest('.form-group')?.classList.contains('form-group-error')).toBe(false);
	});
});
