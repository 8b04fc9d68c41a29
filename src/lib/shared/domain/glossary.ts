/**
 * Plain-English meanings of the acronyms and terms families meet in SEND meetings
 * (DOMAIN.md glossary). Used to expand each acronym the first time it appears in text
 * written for families, such as the family summary of a meeting.
 */

export interface GlossaryEntry {
	term: string;
	meaning: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
	{ term: 'SEND', meaning: 'special educational needs and disabilities' },
	{ term: 'SEN', meaning: 'special educational needs' },
	{
		term: 'EHCP',
		meaning:
			'Education, Health and Care plan: a legal document saying what support a child must get'
	},
	{
		term: 'EHC plan',
		meaning:
			'Education, Health and Care plan: a legal document saying what support a child must get'
	},
	{
		term: 'SENCo',
		meaning:
			'special educational needs coordinator: the member of staff who organises support for special educational needs'
	},
	{ term: 'TAF', meaning: 'Team Around the Family: the people working together on one plan' },
	{ term: 'LA', meaning: 'local authority, which means the council' },
	{ term: 'SaLT', meaning: 'speech and language therapist' },
	{ term: 'SALT', meaning: 'speech and language therapist' },
	{ term: 'OT', meaning: 'occupational therapist' },
	{ term: 'EP', meaning: 'educational psychologist' },
	{ term: 'CAMHS', meaning: 'children and young people’s mental health services' },
	{ term: 'TA', meaning: 'teaching assistant' },
	{ term: 'IEP', meaning: 'individual education plan' },
	{ term: 'GP', meaning: 'family doctor' },
	{ term: 'NHS', meaning: 'National Health Service' }
];

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches a term as a whole word: "SEN" is not found inside "SEND" or "SENCo". */
function termPattern(term: string): RegExp {
	return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'u');
}

/**
 * The glossary entries whose terms appear in these texts, once per meaning, in glossary
 * order: a page of reference text lists them up front rather than expanding inline.
 */
export function glossaryFor(
	texts: readonly string[],
	entries: readonly GlossaryEntry[] = GLOSSARY
): GlossaryEntry[] {
	const found = new Map<string, GlossaryEntry>();
	for (const entry of entries) {
		if (found.has(entry.meaning)) continue;
		if (texts.some((text) => termPattern(entry.term).test(text))) found.set(entry.meaning, entry);
	}
	return [...found.values()];
}

/**
 * Expands acronyms in a sequence of texts: the first time each term appears it is
 * followed by its meaning in brackets ("SaLT (speech and language therapist)"); later
 * appearances are left alone. Create one per page or document, and pass its texts in
 * reading order.
 */
export class AcronymExpander {
	/** Meanings explained so far, with the term that was explained. */
	private readonly expanded = new Map<string, string>();
	private readonly entries: readonly GlossaryEntry[];

	constructor(entries: readonly GlossaryEntry[] = GLOSSARY) {
		this.entries = entries;
	}

	expand(text: string): string {
		// The first place each unexplained meaning appears, under whichever of its terms.
		const first = new Map<string, { term: string; end: number }>();
		for (const entry of this.entries) {
			if (this.expanded.has(entry.meaning)) continue;
			const match = termPattern(entry.term).exec(text);
			if (!match) continue;
			const found = first.get(entry.meaning);
			if (!found || match.index + entry.term.length < found.end)
				first.set(entry.meaning, { term: entry.term, end: match.index + entry.term.length });
		}
		const inOrder = [...first].sort(([, a], [, b]) => a.end - b.end);
		for (const [meaning, { term }] of inOrder) this.expanded.set(meaning, term);
		// Inserted from the end backwards, so earlier positions stay right.
		let result = text;
		for (const [meaning, { end }] of inOrder.reverse()) {
			// Already explained in the text itself: "SaLT (speech and language therapist)".
			if (result.slice(end).trimStart().startsWith('(')) continue;
			result = `${result.slice(0, end)} (${meaning})${result.slice(end)}`;
		}
		return result;
	}

	/** The entries explained so far, for a glossary at the end. */
	used(): GlossaryEntry[] {
		return [...this.expanded].map(([meaning, term]) => ({ term, meaning }));
	}
}
