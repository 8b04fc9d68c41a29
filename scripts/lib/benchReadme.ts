import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * bench/README.md holds several benchmarks' results, each between markers of its own, so
 * that one benchmark's full run rewrites its section and leaves the others'.
 */
export function replaceSection(text: string, name: string, markdown: string): string {
	const start = `<!-- bench:${name} -->`;
	const end = `<!-- /bench:${name} -->`;
	const section = `${start}\n${markdown.trimEnd()}\n${end}`;
	const from = text.indexOf(start);
	const to = text.indexOf(end);
	if (from === -1 || to < from) {
		return text.trim() === '' ? `${section}\n` : `${text.trimEnd()}\n\n${section}\n`;
	}
	return `${text.slice(0, from)}${section}${text.slice(to + end.length)}`;
}

/** Writes the benchmark's section of bench/README.md (added at the end the first time). */
export function writeReadmeSection(name: string, markdown: string, path = 'bench/README.md'): void {
	const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
	writeFileSync(path, replaceSection(text, name, markdown));
}
