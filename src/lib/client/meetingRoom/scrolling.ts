/**
 * Moving the live meeting page for a person: to a section they chose or the chair moved
 * to, and out from under what covers the field they are typing in (the meeting bar at
 * the top of a phone's screen, the on-screen keyboard at its bottom).
 */

const NOT_TYPED_IN = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color']);

/** Is the person typing or choosing in this element (so the page must not move away)? */
export function isTypingIn(element: Element | null): element is HTMLElement {
	if (!(element instanceof HTMLElement)) return false;
	if (element.isContentEditable) return true;
	if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
	return element instanceof HTMLInputElement && !NOT_TYPED_IN.has(element.type);
}

function prefersLessMotion(): boolean {
	return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Scrolls a section of the live page (FoldableSection's data-section) to the top of the
 * view, smoothly unless the person asked for less motion. `focus` moves keyboard focus
 * there too, as following a link does; following the chair never takes focus.
 */
export function scrollToSection(section: string, { focus }: { focus: boolean }): boolean {
	const element = document.querySelector<HTMLElement>(`[data-section="${CSS.escape(section)}"]`);
	if (!element) return false;
	if (focus) element.focus({ preventScroll: true });
	element.scrollIntoView({ behavior: prefersLessMotion() ? 'instant' : 'smooth', block: 'start' });
	return true;
}

/** Where the caret is (in a rich-text field), else the field itself. */
function caretBox(field: HTMLElement): DOMRect {
	const selection = window.getSelection();
	if (selection && selection.rangeCount > 0 && field.contains(selection.anchorNode)) {
		const box = selection.getRangeAt(0).getBoundingClientRect();
		if (box.height > 0) return box;
	}
	return field.getBoundingClientRect();
}

/**
 * Keeps the field being typed in between what covers the top of the screen (`coveredTop`,
 * in pixels from the top of the viewport) and the top of the on-screen keyboard: on focus,
 * and when the visible area shrinks as the keyboard opens. Returns a clean-up function.
 */
export function keepTypingInView(area: HTMLElement, coveredTop: () => number): () => void {
	let frame = 0;
	const reveal = () => {
		cancelAnimationFrame(frame);
		// After the browser's own scrolling for focus and resizing has happened.
		frame = requestAnimationFrame(() => {
			const field = document.activeElement;
			if (!isTypingIn(field) || !area.contains(field)) return;
			const box = caretBox(field);
			const top = coveredTop();
			const viewport = window.visualViewport;
			const bottom = viewport ? viewport.offsetTop + viewport.height : window.innerHeight;
			const margin = 16;
			if (box.top < top + margin) window.scrollBy({ top: box.top - top - margin });
			else if (box.bottom > bottom - margin) window.scrollBy({ top: box.bottom - bottom + margin });
		});
	};
	area.addEventListener('focusin', reveal);
	window.visualViewport?.addEventListener('resize', reveal);
	return () => {
		cancelAnimationFrame(frame);
		area.removeEventListener('focusin', reveal);
		window.visualViewport?.removeEventListener('resize', reveal);
	};
}

/** The nearest ancestor that scrolls its own content (the agenda's column), if any. */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
	for (let parent = element.parentElement; parent; parent = parent.parentElement) {
		const { overflowY } = getComputedStyle(parent);
		if (overflowY === 'auto' || overflowY === 'scroll') return parent;
	}
	return null;
}

/**
 * Shows an element inside the column that scrolls it (the agenda's current item), a third
 * of the way down, without moving the page itself: only when it is out of the column's
 * view, so the column does not jump about under someone reading it.
 */
export function revealInColumn(element: HTMLElement): void {
	const column = scrollingAncestor(element);
	if (!column || !element.checkVisibility()) return;
	const outer = column.getBoundingClientRect();
	const inner = element.getBoundingClientRect();
	if (inner.top >= outer.top && inner.bottom <= outer.top + column.clientHeight) return;
	const offset = inner.top - outer.top + column.scrollTop;
	column.scrollTo({ top: offset - column.clientHeight / 3, behavior: 'instant' });
}
