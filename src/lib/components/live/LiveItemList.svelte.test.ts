import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addDecision, readDecisions, type Decision } from '$lib/shared/collab/meetingDoc.ts';
import LiveItemList from './LiveItemList.svelte';

/** A document with three decisions, in order. */
function threeDecisions(): Y.Doc {
	const doc = new Y.Doc();
	for (const text of ['Refer to the SALT', 'Keep the visual timetable', 'Review in March']) {
		addDecision(doc, text);
	}
	return doc;
}

const texts = (doc: Y.Doc) => readDecisions(doc).map((decision) => decision.text.text);

/** The body a section would give: here, the item's name and its text. */
const body = createRawSnippet<[Decision, string, number]>((decision, name) => ({
	render: () => `<p class="body">${name()}: ${decision().text.text}</p>`
}));

function renderList(doc: Y.Doc, props: Record<string, unknown> = {}) {
	return render(LiveItemList<Decision>, {
		doc,
		list: 'decisions',
		items: readDecisions(doc),
		noun: 'Decision',
		editable: true,
		empty: 'No decisions recorded yet.',
		body,
		addLabel: 'Add a decision',
		onAdd: () => {},
		...props
	});
}

describe('LiveItemList', () => {
	it('names each item by its place and gives it the section’s body', () => {
		const doc = threeDecisions();
		const { container } = renderList(doc, { editable: false });
		expect([...container.querySelectorAll('.item-card .body')].map((p) => p.textContent)).toEqual([
			'Decision 1: Refer to the SALT',
			'Decision 2: Keep the visual timetable',
			'Decision 3: Review in March'
		]);
		expect(screen.queryByText('No decisions recorded yet.')).toBeNull();
	});

	it('heads each item with its name when asked, with the section’s tag', () => {
		const doc = threeDecisions();
		const [first] = readDecisions(doc);
		const headingTag = createRawSnippet<[Decision]>((decision) => ({
			render: () => `<span class="tag">${decision().text.text.length} letters</span>`
		}));
		renderList(doc, { headingIdPrefix: 'decision', headingTag });
		const article = screen.getByRole('article', { name: 'Decision 1 17 letters' });
		const heading = screen.getByRole('heading', { level: 3, name: 'Decision 1 17 letters' });
		expect(heading.id).toBe(`decision-heading-${first?.id}`);
		expect(article.getAttribute('aria-labelledby')).toBe(heading.id);
	});

	it('says so when there are none', () => {
		const { container } = renderList(new Y.Doc());
		expect(screen.getByText('No decisions recorded yet.').tagName).toBe('P');
		expect(container.querySelector('.item-card')).toBeNull();
	});

	it('moves items in the document with buttons named after them, never past either end', async () => {
		const doc = threeDecisions();
		renderList(doc);
		expect(
			(screen.getByRole('button', { name: 'Move up: Decision 1' }) as HTMLButtonElement).disabled
		).toBe(true);
		expect(
			(screen.getByRole('button', { name: 'Move down: Decision 3' }) as HTMLButtonElement).disabled
		).toBe(true);
		await fireEvent.click(screen.getByRole('button', { name: 'Move down: Decision 1' }));
		expect(texts(doc)).toEqual([
			'Keep the visual timetable',
			'Refer to the SALT',
			'Review in March'
		]);
	});

	it('removes an item from the document', async () => {
		const doc = threeDecisions();
		renderList(doc);
		await fireEvent.click(screen.getByRole('button', { name: 'Remove: Decision 2' }));
		expect(texts(doc)).toEqual(['Refer to the SALT', 'Review in March']);
	});

	it('adds with its button, or with the section’s own controls', async () => {
		const onAdd = vi.fn();
		const first = renderList(new Y.Doc(), { onAdd });
		await fireEvent.click(screen.getByRole('button', { name: 'Add a decision' }));
		expect(onAdd).toHaveBeenCalledOnce();
		first.unmount();

		const adder = createRawSnippet(() => ({
			render: () => '<button type="button">Propose an amendment</button>'
		}));
		renderList(new Y.Doc(), { adder });
		expect(screen.getByRole('button', { name: 'Propose an amendment' })).toBeTruthy();
		expect(screen.queryByRole('button', { name: 'Add a decision' })).toBeNull();
	});

	it('offers no changes while the section may not be changed', () => {
		renderList(threeDecisions(), { editable: false });
		expect(screen.queryAllByRole('button')).toEqual([]);
	});
});
