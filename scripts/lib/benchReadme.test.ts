import { describe, expect, it } from 'vitest';
import { replaceSection } from './benchReadme.ts';

describe('a benchmark’s section of bench/README.md', () => {
	it('starts the file when there is none', () => {
		expect(replaceSection('', 'one', '# One\n')).toBe(
			'<!-- bench:one -->\n# One\n<!-- /bench:one -->\n'
		);
	});

	it('is added after the others the first time', () => {
		const text = replaceSection('<!-- bench:one -->\nA\n<!-- /bench:one -->\n', 'two', 'B');
		expect(text).toBe(
			'<!-- bench:one -->\nA\n<!-- /bench:one -->\n\n<!-- bench:two -->\nB\n<!-- /bench:two -->\n'
		);
	});

	it('replaces only its own section afterwards', () => {
		const before = replaceSection(replaceSection('', 'one', 'A'), 'two', 'B');
		const after = replaceSection(before, 'one', 'A again');
		expect(after).toBe(
			'<!-- bench:one -->\nA again\n<!-- /bench:one -->\n\n<!-- bench:two -->\nB\n<!-- /bench:two -->\n'
		);
	});
});
