import { describe, expect, it } from 'vitest';
import { checkPicture, MAX_PICTURE_BYTES, pictureTypeOf } from './picture.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]);

describe('the child’s picture', () => {
	it('is known by its first bytes, not its name or claimed type', async () => {
		expect(pictureTypeOf(PNG)).toBe('image/png');
		expect(pictureTypeOf(JPEG)).toBe('image/jpeg');
		const disguised = new File(['<svg onload=alert(1)>'], 'x.png', { type: 'image/png' });
		expect(await checkPicture(disguised)).toEqual({
			ok: false,
			problem: 'Please choose a photo or drawing saved as PNG or JPEG.'
		});
	});

	it('is optional, and refused when too big', async () => {
		expect(await checkPicture(null)).toEqual({ ok: true, picture: null });
		expect(await checkPicture(new File([], 'empty.png'))).toEqual({ ok: true, picture: null });
		const big = new Uint8Array(MAX_PICTURE_BYTES + 1);
		big.set(PNG);
		const result = await checkPicture(new File([big], 'big.png'));
		expect(result.ok).toBe(false);
	});

	it('keeps a good picture’s bytes and type', async () => {
		const result = await checkPicture(new File([JPEG], 'photo.jpg'));
		expect(result).toEqual({ ok: true, picture: { type: 'image/jpeg', data: JPEG } });
	});
});
