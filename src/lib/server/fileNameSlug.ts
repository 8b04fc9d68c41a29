/**
 * A name for a downloaded file's name: ASCII letters, digits and dashes only, accents
 * dropped ("Zoë Ó" → "zoe-o"), so that every browser saves the file as named.
 */
export function fileNameSlug(text: string, fallback: string): string {
	return (
		text
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || fallback
	);
}
