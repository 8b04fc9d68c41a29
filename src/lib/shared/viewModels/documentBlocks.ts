import type { ScoredDate } from '../domain/plan/progress.ts';

/**
 * A document as a flat list of accessible building blocks — headings, paragraphs, lists,
 * tables and term/value facts — that every renderer (HTML, tagged PDF, DOCX, the app
 * page) turns into its own real headings, lists and tables. The minutes and the family
 * summary are laid out once, here, and look the same in every format.
 *
 * Text in blocks is plain text, never markup: each renderer escapes it for its format.
 */

export type Block =
	| { kind: 'heading'; level: 1 | 2 | 3; text: string }
	| { kind: 'paragraph'; text: string; style?: 'normal' | 'note' | 'strong' }
	| { kind: 'list'; ordered: boolean; items: string[] }
	| {
			kind: 'table';
			caption: string;
			columns: TableColumn[];
			rows: string[][];
			/** The first cell of each row names the row (a row header). */
			rowHeaders?: boolean;
	  }
	| { kind: 'facts'; caption: string; items: { term: string; value: string }[] }
	| {
			/**
			 * A line chart of an outcome's scores (0–10) by review. Always follows a table of
			 * the same numbers, so a format that cannot draw it (DOCX) loses nothing.
			 */
			kind: 'chart';
			caption: string;
			points: ScoredDate[];
	  };

export interface TableColumn {
	label: string;
	/** Share of the width (PDF and DOCX); columns without one share what is left. */
	weight?: number;
}
