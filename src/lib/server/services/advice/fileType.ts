/**
 * What an uploaded file really is, judged by its first bytes ("magic numbers") and, for
 * Word documents, by the parts inside the ZIP container: never by the name or the MIME
 * type the browser sent, which anyone can set.
 */

export const ADVICE_FILE_TYPES = {
	pdf: { mimeType: 'application/pdf', extension: 'pdf' },
	docx: {
		mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		extension: 'docx'
	},
	png: { mimeType: 'image/png', extension: 'png' },
	jpeg: { mimeType: 'image/jpeg', extension: 'jpg' }
} as const;
export type AdviceFileKind = keyof typeof ADVICE_FILE_TYPES;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL_FILE = [0x50, 0x4b, 0x03, 0x04];
const ZIP_END_OF_DIRECTORY = 0x06054b50;
const ZIP_DIRECTORY_ENTRY = 0x02014b50;

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
	return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

/** The names of the entries in a ZIP file's central directory, or null if it has none. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// The end-of-directory record is 22 bytes plus a comment of at most 65,535 bytes.
	const earliest = Math.max(0, bytes.length - 22 - 0xffff);
	for (let at = bytes.length - 22; at >= earliest; at--) {
		if (view.getUint32(at, true) !== ZIP_END_OF_DIRECTORY) continue;
		const count = view.getUint16(at + 10, true);
		let entry = view.getUint32(at + 16, true);
		const names: string[] = [];
		const decoder = new TextDecoder();
		for (let i = 0; i < count; i++) {
			if (entry + 46 > bytes.length || view.getUint32(entry, true) !== ZIP_DIRECTORY_ENTRY) {
				return null;
			}
			const nameLength = view.getUint16(entry + 28, true);
			const extraLength = view.getUint16(entry + 30, true);
			const commentLength = view.getUint16(entry + 32, true);
			if (entry + 46 + nameLength > bytes.length) return null;
			names.push(decoder.decode(bytes.subarray(entry + 46, entry + 46 + nameLength)));
			entry += 46 + nameLength + extraLength + commentLength;
		}
		return names;
	}
	return null;
}

/** A Word document is a ZIP holding a content-types part and its main part under word/. */
function isDocx(bytes: Uint8Array): boolean {
	if (!startsWith(bytes, ZIP_LOCAL_FILE)) return false;
	const names = zipEntryNames(bytes);
	return (
		names !== null &&
		names.includes('[Content_Types].xml') &&
		names.some((name) => name.startsWith('word/') && name.endsWith('.xml'))
	);
}

export function detectAdviceFileKind(bytes: Uint8Array): AdviceFileKind | null {
	if (startsWith(bytes, PDF)) return 'pdf';
	if (startsWith(bytes, PNG)) return 'png';
	if (startsWith(bytes, JPEG)) return 'jpeg';
	if (isDocx(bytes)) return 'docx';
	return null;
}

/**
 * A safe name for the stored file: no folders, no control characters, not too long, and
 * ending in the extension of what the file really is.
 */
export function storedFileName(uploadedName: string, kind: AdviceFileKind): string {
	const base =
		uploadedName
			.split(/[/\\]/)
			.at(-1)
			?.replace(/[\p{Cc}\p{Cf}"]/gu, '')
			.trim() ?? '';
	const { extension } = ADVICE_FILE_TYPES[kind];
	const extensions: string[] = kind === 'jpeg' ? ['jpg', 'jpeg'] : [extension];
	const dot = base.lastIndexOf('.');
	const given = dot === -1 ? '' : base.slice(dot + 1).toLowerCase();
	const stem = extensions.includes(given) ? base.slice(0, dot) : base;
	return `${(stem.trim() || 'advice').slice(0, 150)}.${extensions.includes(given) ? given : extension}`;
}
