/**
 * A drawing or a photo of the child's work, checked by its first bytes (what the browser
 * claims a file is can be anything) and by size before it is stored.
 */
export const MAX_PICTURE_BYTES = 5 * 1024 * 1024;

export type PictureType = 'image/png' | 'image/jpeg';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
	return signature.every((byte, index) => bytes[index] === byte);
}

export function pictureTypeOf(bytes: Uint8Array): PictureType | null {
	if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
	if (startsWith(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
	return null;
}

export type PictureCheck =
	| { ok: true; picture: { type: PictureType; data: Uint8Array } | null }
	| { ok: false; problem: string };

/** Reads the optional picture from a form field; an empty file input means no picture. */
export async function checkPicture(value: FormDataEntryValue | null): Promise<PictureCheck> {
	if (!(value instanceof File) || value.size === 0) return { ok: true, picture: null };
	if (value.size > MAX_PICTURE_BYTES) {
		return { ok: false, problem: 'Your picture is too big. Please choose one smaller than 5 MB.' };
	}
	const data = new Uint8Array(await value.arrayBuffer());
	const type = pictureTypeOf(data);
	if (!type) {
		return { ok: false, problem: 'Please choose a photo or drawing saved as PNG or JPEG.' };
	}
	return { ok: true, picture: { type, data } };
}
