import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import ChoiceList from './ChoiceList.svelte';

const planTypes = [
	{ value: 'ehcp', label: 'EHC plan' },
	{ value: 'sen_support', label: 'SEN support' },
	{ value: 'none', label: 'No plan yet' }
];

const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;

describe('ChoiceList', () => {
	it('groups the options under the legend, described by its hint and error', () => {
		render(ChoiceList, {
			name: 'planType',
			legend: 'Plan or support',
			hint: 'The plan Aaron has now',
			error: 'Select the plan or support',
			type: 'radio',
			options: planTypes,
			selected: []
		});
		const group = screen.getByRole('group', { name: 'Plan or support' });
		expect(group.getAttribute('aria-describedby')).toBe('planType-hint planType-error');
		expect(document.getElementById('planType-hint')?.textContent).toBe('The plan Aaron has now');
		expect(document.getElementById('planType-error')?.textContent).toBe(
			'Error: Select the plan or support'
		);
		expect(group.closest('.form-group')?.classList.contains('form-group-error')).toBe(true);
		// The first option carries the field's id, so the error summary's link lands on it.
		expect(planTypes.map((option) => radio(option.label).id)).toEqual([
			'planType',
			'planType-sen_support',
			'planType-none'
		]);
		expect(planTypes.map((option) => radio(option.label).name)).toEqual([
			'planType',
			'planType',
			'planType'
		]);
	});

	it('describes nothing when there is no hint or error', () => {
		render(ChoiceList, {
			name: 'planType',
			legend: 'Plan or support',
			type: 'radio',
			options: planTypes,
			selected: []
		});
		const group = screen.getByRole('group', { name: 'Plan or support' });
		expect(group.hasAttribute('aria-describedby')).toBe(false);
		expect(group.closest('.form-group')?.classList.contains('form-group-error')).toBe(false);
	});

	it('names an option by its detail too, and describes it by its own hint', () => {
		render(ChoiceList, {
			name: 'invitees',
			legend: 'Who to invite',
			type: 'checkbox',
			options: [
				{ value: 'u1', label: 'Priya Shah', detail: 'SENCo, Oakfield Primary' },
				{ value: 'u2', label: 'Sam Okafor', hint: 'Speech and language therapy', id: 'salt' }
			],
			selected: ['u2']
		});
		const priya = screen.getByRole('checkbox', { name: 'Priya Shah SENCo, Oakfield Primary' });
		expect(priya.hasAttribute('aria-describedby')).toBe(false);
		const sam = screen.getByRole('checkbox', { name: 'Sam Okafor' }) as HTMLInputElement;
		expect(sam.id).toBe('salt');
		expect(sam.getAttribute('aria-describedby')).toBe('salt-hint');
		expect(document.getElementById('salt-hint')?.textContent).toBe('Speech and language therapy');
		expect(sam.checked).toBe(true);
	});

	it('in a form, makes the selection the default that resetting the form returns to', async () => {
		const form = document.body.appendChild(document.createElement('form'));
		onTestFinished(() => form.remove());
		render(ChoiceList, {
			target: form,
			props: {
				name: 'planType',
				legend: 'Plan or support',
				type: 'radio',
				options: planTypes,
				selected: ['ehcp']
			}
		});
		expect(radio('EHC plan').checked).toBe(true);
		await fireEvent.click(radio('No plan yet'));
		expect(radio('No plan yet').checked).toBe(true);
		form.reset();
		expect(radio('EHC plan').checked).toBe(true);
		expect(radio('No plan yet').checked).toBe(false);
	});

	it('given onchange, reports each choice and follows the selection it is given', async () => {
		const onchange = vi.fn();
		const { rerender } = render(ChoiceList, {
			name: 'recommendation',
			legend: 'What the meeting recommends',
			type: 'radio',
			options: planTypes,
			selected: ['ehcp'],
			onchange
		});
		await fireEvent.click(radio('SEN support'));
		expect(onchange).toHaveBeenCalledWith('sen_support', true);
		await rerender({ selected: ['sen_support'] });
		await fireEvent.click(radio('No plan yet'));
		expect(onchange).toHaveBeenLastCalledWith('none', true);
		// Someone else chose SEN support again before this choice arrived: the list shows theirs.
		await rerender({ selected: ['sen_support'] });
		expect(radio('SEN support').checked).toBe(true);
		expect(radio('No plan yet').checked).toBe(false);
	});

	it('can be read but not changed while disabled', () => {
		render(ChoiceList, {
			name: 'recommendation',
			legend: 'What the meeting recommends',
			type: 'radio',
			options: planTypes,
			selected: ['ehcp'],
			disabled: true,
			onchange: () => {}
		});
		expect(planTypes.every((option) => radio(option.label).disabled)).toBe(true);
		expect(radio('EHC plan').checked).toBe(true);
	});

	it('makes the legend the page’s question when asked', () => {
		render(ChoiceList, {
			name: 'type',
			legend: 'What kind of meeting is it?',
			largeLegend: true,
			type: 'radio',
			options: planTypes,
			selected: []
		});
		const legend = screen.getByText('What kind of meeting is it?');
		expect(legend.tagName).toBe('LEGEND');
		expect(legend.classList.contains('legend-large')).toBe(true);
	});
});
