import { describe, expect, it } from 'vitest';
import { detectAdviceFileKind, storedFileName, zipEntryNames } from './fileType.ts';
import { fixtureBytes } from './testing/fixtureFiles.ts';

describe('detectAdviceFileKind', () => {
	it.each([
		['pdf', 'pdf'],
		['docx', 'docx'],
		['png', 'png'],
		['jpeg', 'jpeg']
	] as const)('recognises a real %s file', (fixture, kind) => {
		expect(detectAdviceFileKind(fixtureBytes(fixture))).toBe(kind);
	});

	it('refuses a script named .pdf and a ZIP archive named .docx', () => {
		expect(detectAdviceFileKind(fixtureBytes('pretendPdf'))).toBeNull();
		expect(detectAdviceFileKind(fixtureBytes('plainZip'))).toBeNull();
	});

	it('refuses other formats and broken files', () => {
		const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');
		const html = new TextEncoder().encode('<!doctype html><title>x</title>');
		const truncatedZip = fixtureBytes('docx').subarray(0, 200);
		for (const bytes of [gif, html, truncatedZip, new Uint8Array(0), new Uint8Array([0x25])]) {
			expect(detectAdviceFileKind(bytes)).toBeNull();
		}
	});
});

describe('zipEntryNames', () => {
	it('reads the central directory of a ZIP file', () => {
		expect(zipEntryNames(fixtureBytes('docx'))).toEqual([
			'[Content_Types].xml',
			'_rels/.rels',
			'word/document.xml'
		]);
	});

	it('finds no directory in a file that is not a ZIP', () => {
		expect(zipEntryNames(fixtureBytes('pdf'))).toBeNull();
	});
});

describe('storedFileName', () => {
	it.each([
		['SaLT report.pdf', 'pdf', 'SaLT report.pdf'],
		['C:\\Users\\sam\\Reports\\report.PDF', 'pdf', 'report.pdf'],
		['../../etc/passwd', 'pdf', 'passwd.pdf'],
		['scan', 'jpeg', 'scan.jpg'],
		['photo.jpeg', 'jpeg', 'photo.jpeg'],
		['image.png', 'jpeg', 'image.png.jpg'],
		['quote".pdf', 'pdf', 'quote.pdf'],
		['', 'docx', 'advice.docx'],
		[`${'a'.repeat(300)}.docx`, 'docx', `${'a'.repeat(150)}.docx`]
	] as const)('stores %s (a %s) as %s', (uploaded, kind, stored) => {
		expect(storedFileName(uploaded, kind)).toBe(stored);
	});
});
