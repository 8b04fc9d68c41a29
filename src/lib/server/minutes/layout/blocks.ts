import type { Block } from '../../../shared/viewModels/documentBlocks.ts';

/**
 * Builders for the document blocks (shared/viewModels/documentBlocks.ts), and the laid-out
 * document the export renderers take: blocks with a title and the export stamp.
 */

export interface LaidOutDocument {
	title: string;
	/** Printed at the top and on each page: who exported it and when, version, fingerprint. */
	stamp: string[];
	blocks: Block[];
}

export function heading(level: 1 | 2 | 3, text: string): Block {
	return { kind: 'heading', level, text };
}

/** One paragraph per line of the text; nothing for empty text unless a fallback is given. */
export function paragraphs(text: string, fallback?: string): Block[] {
	const lines = text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);
	if (lines.length === 0)
		return fallback ? [{ kind: 'paragraph', text: fallback, style: 'note' }] : [];
	return lines.map((line) => ({ kind: 'paragraph', text: line }));
}

export function note(text: string): Block {
	return { kind: 'paragraph', text, style: 'note' };
}
