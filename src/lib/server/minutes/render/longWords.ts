/**
 * PDFKit wraps a word wider than the line by measuring what is left of it again after
 * every line it fills: a run of N characters without a space costs about N²/100 width
 * measurements, so one pasted 1 MB string kept an export worker busy for hours. Runs of
 * more than LONGEST_RUN characters are given a space every PIECE characters before
 * layout; the PDF keeps the original words as ActualText for screen readers and copying.
 */
const LONGEST_RUN = 200;
const PIECE = 100;
const LONG_RUN = new RegExp(`\\S{${LONGEST_RUN + 1},}`, 'gu');
const PIECES = new RegExp(`\\S{1,${PIECE}}`, 'gu');

export function breakLongRuns(text: string): string {
	return text.replace(LONG_RUN, (run) => (run.match(PIECES) ?? [run]).join(' '));
}
