import type { PlanType } from '../planTypes.ts';
import {
	PLAN_SECTIONS,
	type PlanContent,
	type PlanOutcome,
	type PlanProvision
} from './planContent.ts';

/** Two versions of a plan side by side: each part, what became of it, and the words that changed. */

export type PartChange = 'same' | 'added' | 'removed' | 'changed';

export interface WordPiece {
	text: string;
	op: 'same' | 'added' | 'removed';
}

export interface PlanDiffRow {
	part: 'section' | 'outcome' | 'provision';
	key: string;
	title: string;
	change: PartChange;
	before: string | null;
	after: string | null;
	/** Both texts merged, word by word, when the part changed. */
	words: WordPiece[];
}

/** Words and the spaces between them, so pieces join back into the text. */
function tokens(text: string): string[] {
	return text.match(/\S+|\s+/g) ?? [];
}

/** Any run of spaces matches any other: a changed line break is not a changed word. */
function sameToken(a: string | undefined, b: string | undefined): boolean {
	return a === b || (a !== undefined && b !== undefined && a.trim() === '' && b.trim() === '');
}

/**
 * A word-level difference by longest common subsequence. Plans are a few hundred words a
 * part, so the quadratic table is small; beyond 2,000 words a part the texts are shown
 * whole as removed and added rather than spending time on the table.
 */
export function diffWords(before: string, after: string): WordPiece[] {
	const a = tokens(before);
	const b = tokens(after);
	if (a.length * b.length > 4_000_000) {
		return [
			...(before ? [{ text: before, op: 'removed' as const }] : []),
			...(after ? [{ text: after, op: 'added' as const }] : [])
		];
	}
	const lengths: number[][] = Array.from({ length: a.length + 1 }, () =>
		new Array<number>(b.length + 1).fill(0)
	);
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			const row = lengths[i] as number[];
			row[j] = sameToken(a[i], b[j])
				? (lengths[i + 1]?.[j + 1] ?? 0) + 1
				: Math.max(lengths[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
		}
	}
	const pieces: WordPiece[] = [];
	const push = (text: string, op: WordPiece['op']) => {
		const last = pieces[pieces.length - 1];
		if (last && last.op === op) last.text += text;
		else pieces.push({ text, op });
	};
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (sameToken(a[i], b[j])) {
			push(b[j] ?? '', 'same');
			i++;
			j++;
		} else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) {
			push(a[i++] ?? '', 'removed');
		} else {
			push(b[j++] ?? '', 'added');
		}
	}
	while (i < a.length) push(a[i++] ?? '', 'removed');
	while (j < b.length) push(b[j++] ?? '', 'added');
	return pieces;
}

function row(
	part: PlanDiffRow['part'],
	key: string,
	title: string,
	before: string | null,
	after: string | null
): PlanDiffRow {
	const change: PartChange =
		before === null ? 'added' : after === null ? 'removed' : before === after ? 'same' : 'changed';
	return {
		part,
		key,
		title,
		change,
		before,
		after,
		words: change === 'changed' ? diffWords(before ?? '', after ?? '') : []
	};
}

function outcomeText(outcome: PlanOutcome): string {
	return outcome.steps ? `${outcome.text}\nSteps: ${outcome.steps}` : outcome.text;
}

function provisionText(item: PlanProvision): string {
	const details = [item.providedBy && `by ${item.providedBy}`, item.frequency]
		.filter(Boolean)
		.join(', ');
	return details ? `${item.text} (${details})` : item.text;
}

/** Items of two lists matched by id, in the later version's order, then those it ended. */
function pairById<T extends { id: string }>(before: T[], after: T[]): [T | null, T | null][] {
	const earlier = new Map(before.map((item) => [item.id, item]));
	const later = new Set(after.map((item) => item.id));
	return [
		...after.map((item): [T | null, T | null] => [earlier.get(item.id) ?? null, item]),
		...before
			.filter((item) => !later.has(item.id))
			.map((item): [T | null, T | null] => [item, null])
	];
}

export function diffPlans(
	planType: PlanType,
	before: PlanContent,
	after: PlanContent
): PlanDiffRow[] {
	const rows: PlanDiffRow[] = [];
	const known = PLAN_SECTIONS[planType].map((section) => section.key);
	const extra = [...Object.keys(before.sections), ...Object.keys(after.sections)].filter(
		(key) => !known.includes(key)
	);
	for (const key of [...known, ...new Set(extra)]) {
		const title = PLAN_SECTIONS[planType].find((section) => section.key === key)?.title ?? key;
		const a = before.sections[key]?.trim() || null;
		const b = after.sections[key]?.trim() || null;
		if (a === null && b === null) continue;
		rows.push(row('section', key, title, a, b));
	}
	pairById(before.outcomes, after.outcomes).forEach(([a, b], index) => {
		const id = (b ?? a)?.id ?? String(index);
		rows.push(row('outcome', id, `Outcome ${index + 1}`, a && outcomeText(a), b && outcomeText(b)));
	});
	pairById(before.provision, after.provision).forEach(([a, b], index) => {
		const id = (b ?? a)?.id ?? String(index);
		rows.push(
			row('provision', id, `Provision ${index + 1}`, a && provisionText(a), b && provisionText(b))
		);
	});
	return rows;
}
