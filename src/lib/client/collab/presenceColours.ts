/**
 * Each person's colour for carets, selections and avatars. Every colour carries white
 * text at WCAG AA contrast (4.5:1 or more) and is a hex #rrggbb, which TipTap's caret
 * extension requires. Colours come from the person's place in the child's team (sorted
 * by user id), so every browser gives the same person the same colour and, up to the
 * palette's size, no two team members share one.
 */
export const PRESENCE_PALETTE = [
	'#005ea5',
	'#00703c',
	'#912b88',
	'#a0410d',
	'#00545e',
	'#ad1457',
	'#5c2d91',
	'#2f5d00',
	'#283593',
	'#7a4100'
] as const;

/** A small, stable string hash (FNV-1a) for people outside the team list. */
function hash(value: string): number {
	let result = 0x811c9dc5;
	for (let index = 0; index < value.length; index++) {
		result ^= value.charCodeAt(index);
		result = Math.imul(result, 0x01000193);
	}
	return result >>> 0;
}

export function colourForUser(userId: string, teamUserIds: readonly string[] = []): string {
	const ordered = [...new Set(teamUserIds)].sort();
	const place = ordered.indexOf(userId);
	const index = place >= 0 ? place : hash(userId);
	return PRESENCE_PALETTE[index % PRESENCE_PALETTE.length] as string;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
	const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
	const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

export function contrastRatio(a: string, b: string): number {
	const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
	return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}
