import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Small real files for upload tests (tests/fixtures/advice, shared with the browser
 * tests): a one-page PDF, a Word document, PNG and JPEG images, and two impostors.
 */
export const FIXTURE_FILES = {
	pdf: 'salt-report.pdf',
	docx: 'programme.docx',
	png: 'photo.png',
	jpeg: 'photo.jpg',
	/** A script with a .pdf name. */
	pretendPdf: 'pretend.pdf',
	/** A ZIP archive with a .docx name but no Word document inside. */
	plainZip: 'not-a-document.docx'
} as const;

export function fixtureBytes(name: keyof typeof FIXTURE_FILES): Uint8Array {
	return new Uint8Array(readFileSync(resolve('tests/fixtures/advice', FIXTURE_FILES[name])));
}
