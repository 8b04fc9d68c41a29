import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './findAdviceFile.ts';

describe('attachmentDisposition', () => {
	it.each([
		['report.pdf', `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`],
		[
			'Aaron’s SaLT report (2026).pdf',
			`attachment; filename="Aaron_s SaLT report (2026).pdf"; filename*=UTF-8''Aaron%E2%80%99s%20SaLT%20report%20%282026%29.pdf`
		],
		['a\\b.pdf', `attachment; filename="a_b.pdf"; filename*=UTF-8''a%5Cb.pdf`]
	])('always downloads %s, never shows it inline', (name, header) => {
		expect(attachmentDisposition(name)).toBe(header);
	});
});
