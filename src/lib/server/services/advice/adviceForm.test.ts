import { describe, expect, it } from 'vitest';
import { formOf } from '../../testing/forms.ts';
import { ADVICE_FILE_MESSAGES, MAX_ADVICE_FILE_BYTES, parseAdviceForm } from './adviceForm.ts';
import { fixtureBytes } from './testing/fixtureFiles.ts';

const NOW = new Date('2026-11-23T10:00:00Z');

const fields = {
	title: 'Speech and language therapy report',
	authorName: 'Sam Okafor',
	agency: 'Northshire Community Health',
	'adviceDate-day': '2',
	'adviceDate-month': '10',
	'adviceDate-year': '2026',
	'reviewBy-day': '',
	'reviewBy-month': '',
	'reviewBy-year': '',
	text: ''
};

function withFile(file: File | null, change: Record<string, string> = {}): FormData {
	const form = formOf({ ...fields, ...change });
	// Browsers send an empty file part when no file was chosen.
	form.append('file', file ?? new File([], '', { type: 'application/octet-stream' }));
	return form;
}

const fileOf = (bytes: Uint8Array, name: string, type = 'application/pdf') =>
	new File([bytes as Uint8Array<ArrayBuffer>], name, { type });

describe('parseAdviceForm', () => {
	it.each([
		['pdf', 'report.pdf', 'application/pdf'],
		[
			'docx',
			'programme.docx',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		],
		['png', 'photo.png', 'image/png'],
		['jpeg', 'photo.jpg', 'image/jpeg']
	] as const)('accepts a %s upload and records its real type', async (fixture, name, mimeType) => {
		const bytes = fixtureBytes(fixture);
		// The browser's claimed type is ignored: only the bytes count.
		const result = await parseAdviceForm(withFile(fileOf(bytes, name, 'text/plain')), NOW);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.data.file).toEqual({ name, mimeType, bytes });
		expect(result.data).toMatchObject({ adviceDate: '2026-10-02', reviewBy: null, text: '' });
	});

	it('accepts written advice with no file', async () => {
		const result = await parseAdviceForm(withFile(null, { text: 'Use Makaton signs.' }), NOW);
		expect(result.ok && result.data).toMatchObject({ text: 'Use Makaton signs.', file: null });
	});

	it('refuses a file whose bytes are not a PDF, DOCX, PNG or JPEG, whatever its name', async () => {
		for (const fake of [
			fileOf(fixtureBytes('pretendPdf'), 'report.pdf'),
			fileOf(fixtureBytes('plainZip'), 'programme.docx')
		]) {
			const result = await parseAdviceForm(withFile(fake), NOW);
			expect(!result.ok && result.errors).toEqual({ file: ADVICE_FILE_MESSAGES.wrongType });
		}
	});

	it('refuses a file over 20 MB, and accepts one of exactly 20 MB', async () => {
		const big = new Uint8Array(MAX_ADVICE_FILE_BYTES + 1);
		big.set(fixtureBytes('pdf'));
		const tooBig = await parseAdviceForm(withFile(fileOf(big, 'scan.pdf')), NOW);
		expect(!tooBig.ok && tooBig.errors).toEqual({ file: ADVICE_FILE_MESSAGES.tooBig });

		const limit = await parseAdviceForm(withFile(fileOf(big.subarray(0, -1), 'scan.pdf')), NOW);
		expect(limit.ok && limit.data.file?.bytes.byteLength).toBe(MAX_ADVICE_FILE_BYTES);
	});

	it('refuses an empty file', async () => {
		const result = await parseAdviceForm(withFile(fileOf(new Uint8Array(0), 'blank.pdf')), NOW);
		expect(!result.ok && result.errors).toEqual({ file: ADVICE_FILE_MESSAGES.empty });
	});

	it('asks for advice text or a file when there is neither', async () => {
		const result = await parseAdviceForm(withFile(null), NOW);
		expect(!result.ok && result.errors).toEqual({
			text: 'Enter the advice, or choose a file to upload'
		});
	});

	it.each([
		[{ title: '' }, 'title', 'Enter a title, like ‘Speech and language therapy report’'],
		[{ authorName: ' ' }, 'authorName', 'Enter the name of the person who gave the advice'],
		[{ agency: '' }, 'agency', 'Enter the service or organisation the author works for'],
		[
			{ 'adviceDate-day': '31', 'adviceDate-month': '9' },
			'adviceDate',
			'Date of the advice must be a real date'
		],
		[{ 'adviceDate-month': '12' }, 'adviceDate', 'Date of the advice must be today or in the past'],
		[
			{ 'reviewBy-day': '1', 'reviewBy-month': '9', 'reviewBy-year': '2026' },
			'reviewBy',
			'Review-by date must be after the date of the advice'
		],
		[
			{ 'reviewBy-day': '1', 'reviewBy-year': '2027' },
			'reviewBy',
			'Review-by date must include a month'
		]
	])('refuses %o', async (change, field, message) => {
		const result = await parseAdviceForm(withFile(null, { text: 'Advice', ...change }), NOW);
		expect(!result.ok && result.errors).toEqual({ [field]: message });
	});

	it('keeps what was typed and names the chosen file so it can be chosen again', async () => {
		const result = await parseAdviceForm(
			withFile(fileOf(fixtureBytes('pdf'), 'report.pdf'), { title: '', text: 'Keep me' }),
			NOW
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.values).toMatchObject({ text: 'Keep me', authorName: 'Sam Okafor' });
		expect(result.chosenFileName).toBe('report.pdf');
	});
});
