import { SvelteSet } from 'svelte/reactivity';

/**
 * Which sections of the live meeting this person has folded away. A personal view of
 * the page, like scrolling: kept in the browser and never written to the shared document,
 * so folding a section hides it for nobody else.
 */
export class SectionFolds {
	#folded = new SvelteSet<string>();

	isOpen(section: string): boolean {
		return !this.#folded.has(section);
	}

	toggle(section: string): void {
		if (this.#folded.has(section)) this.#folded.delete(section);
		else this.#folded.add(section);
	}

	open(section: string): void {
		this.#folded.delete(section);
	}

	/** Folds every section but one, to see only the item being discussed. */
	foldAllBut(sections: readonly string[], keepOpen: string): void {
		for (const section of sections) {
			if (section === keepOpen) this.#folded.delete(section);
			else this.#folded.add(section);
		}
	}

	openAll(): void {
		this.#folded.clear();
	}
}
