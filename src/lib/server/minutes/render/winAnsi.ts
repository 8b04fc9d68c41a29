/**
 * The PDF uses PDFKit's built-in Helvetica, which needs no font file but can only draw
 * the Windows-1252 ("WinAnsi") characters: Latin letters with their accents, common
 * punctuation, £ and €. Anything else (emoji, Arabic, Hebrew, Chinese, rarer accents)
 * would come out as garbage, so text is made drawable first: accented letters outside
 * the set lose their accent (ő → o), typographic variants become their plain form, and
 * whatever is left becomes "?". The caller keeps the original text as the PDF's
 * ActualText, so screen readers and copy-and-paste still get exactly what was typed, and
 * the HTML and DOCX exports show it in full.
 */

/** Windows-1252's characters at 0x80–0x9F; 0x20–0x7E and 0xA0–0xFF are the same code points. */
const CP1252_EXTRAS = new Set(
	Array.from('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ', (character) => character.codePointAt(0) ?? 0)
);

export function isWinAnsi(codePoint: number): boolean {
	return (
		codePoint === 0x0a ||
		(codePoint >= 0x20 && codePoint <= 0x7e) ||
		(codePoint >= 0xa0 && codePoint <= 0xff) ||
		CP1252_EXTRAS.has(codePoint)
	);
}

/** Invisible joiners, direction marks, variation selectors and tags: dropped, not replaced. */
function isInvisible(codePoint: number): boolean {
	return (
		(codePoint >= 0x200b && codePoint <= 0x200f) ||
		(codePoint >= 0x202a && codePoint <= 0x202e) ||
		(codePoint >= 0x2060 && codePoint <= 0x2064) ||
		(codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
		codePoint === 0xfeff ||
		(codePoint >= 0xe0020 && codePoint <= 0xe007f)
	);
}

const EQUIVALENTS: Record<string, string> = {
	'\t': ' ',
	'\r': '',
	'\u2010': '-',
	'\u2011': '-',
	'\u2012': '-',
	'\u2212': '-',
	'\u2032': "'",
	'\u2033': '"',
	'\u2026': '…',
	'\u2002': ' ',
	'\u2003': ' ',
	'\u2009': ' ',
	'\u202F': ' ',
	// Letters that are not an accented form of another, so have no decomposition.
	Ł: 'L',
	ł: 'l',
	Đ: 'D',
	đ: 'd',
	Ħ: 'H',
	ħ: 'h',
	ı: 'i'
};

export interface DrawableText {
	text: string;
	/** True when some character could not be drawn and was changed. */
	changed: boolean;
}

export function toWinAnsi(input: string): DrawableText {
	let text = '';
	let changed = false;
	for (const character of input.normalize('NFC')) {
		const codePoint = character.codePointAt(0) ?? 0;
		if (isWinAnsi(codePoint)) {
			text += character;
			continue;
		}
		changed = true;
		const equivalent = EQUIVALENTS[character];
		if (equivalent !== undefined) {
			text += equivalent;
			continue;
		}
		if (isInvisible(codePoint) || (codePoint < 0x20 && codePoint !== 0x0a)) continue;
		// Compatibility decomposition without combining marks: ő → o, ﬁ → fi, ² → 2.
		const plain = character.normalize('NFKD').replace(/\p{M}/gu, '');
		text +=
			plain !== '' && Array.from(plain).every((c) => isWinAnsi(c.codePointAt(0) ?? 0))
				? plain
				: '?';
	}
	return { text, changed };
}
