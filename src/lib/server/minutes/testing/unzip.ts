import { strFromU8, unzipSync } from 'fflate';

/** The text files of a zip archive (a .docx is one), by path. For tests. */
export function unzipText(bytes: Uint8Array): Record<string, string> {
	const files = unzipSync(bytes);
	return Object.fromEntries(
		Object.entries(files).map(([name, content]) => [name, strFromU8(content)])
	);
}
