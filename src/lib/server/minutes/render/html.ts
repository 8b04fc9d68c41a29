import type { Block } from '../../../shared/viewModels/documentBlocks.ts';
import type { LaidOutDocument } from '../layout/blocks.ts';
import { progressChartSvg } from './progressSvg.ts';

/**
 * A laid-out document as one standalone, printable HTML page: lang en-GB, a title, real
 * headings, lists and tables (captions, th with scope), styles inline so the file can be
 * saved or emailed. Every piece of text is escaped: nothing anyone typed can become
 * markup. dir="auto" lets right-to-left text read in its own direction.
 */

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

const STYLES = `
:root { color: #0b0c0c; background: #fff; }
body { font-family: Arial, 'Helvetica Neue', Helvetica, sans-serif; line-height: 1.5; margin: 0; }
.page { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
.stamp { border-bottom: 2px solid #0b0c0c; padding-bottom: 0.5rem; margin-bottom: 1.5rem; font-size: 0.9rem; }
.stamp p { margin: 0.15rem 0; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.45rem; margin: 2rem 0 0.75rem; border-top: 1px solid #b1b4b6; padding-top: 1rem; }
h3 { font-size: 1.15rem; margin: 1.25rem 0 0.5rem; }
p, li, td, th, dd, dt, caption { overflow-wrap: anywhere; }
p { margin: 0 0 0.75rem; }
.note { color: #484949; }
.strong { font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.25rem; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.4rem; }
th, td { text-align: left; vertical-align: top; border: 1px solid #b1b4b6; padding: 0.4rem 0.5rem; }
thead th { background: #f3f2f1; }
dl { margin: 0 0 1.25rem; }
dl div { display: grid; grid-template-columns: minmax(8rem, 16rem) 1fr; gap: 1rem; border-bottom: 1px solid #b1b4b6; padding: 0.35rem 0; }
dt { font-weight: 700; }
dd { margin: 0; white-space: pre-wrap; }
.chart { margin: 0 0 1.25rem; max-width: 36rem; }
.chart svg { display: block; width: 100%; height: auto; }
.chart figcaption { color: #484949; font-size: 0.9rem; }
@media print {
  .page { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  tr, dl div, .chart { break-inside: avoid; }
}
`;

function tableHtml(block: Extract<Block, { kind: 'table' }>): string {
	const head = block.columns.map((column) => `<th scope="col">${escapeHtml(column.label)}</th>`);
	const rows = block.rows.map((row) => {
		const cells = row.map((cell, index) =>
			index === 0 && block.rowHeaders
				? `<th scope="row" dir="auto">${escapeHtml(cell)}</th>`
				: `<td dir="auto">${escapeHtml(cell)}</td>`
		);
		return `<tr>${cells.join('')}</tr>`;
	});
	return (
		`<table><caption>${escapeHtml(block.caption)}</caption>` +
		`<thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`
	);
}

export function blockHtml(block: Block): string {
	switch (block.kind) {
		case 'heading':
			return `<h${block.level} dir="auto">${escapeHtml(block.text)}</h${block.level}>`;
		case 'paragraph': {
			const style = block.style && block.style !== 'normal' ? ` class="${block.style}"` : '';
			return `<p dir="auto"${style}>${escapeHtml(block.text)}</p>`;
		}
		case 'list': {
			const tag = block.ordered ? 'ol' : 'ul';
			const items = block.items.map((item) => `<li dir="auto">${escapeHtml(item)}</li>`);
			return `<${tag}>${items.join('')}</${tag}>`;
		}
		case 'table':
			return tableHtml(block);
		case 'facts': {
			const items = block.items.map(
				(item) =>
					`<div><dt>${escapeHtml(item.term)}</dt><dd dir="auto">${escapeHtml(item.value)}</dd></div>`
			);
			return `<dl>${items.join('')}</dl>`;
		}
		case 'chart':
			return progressChartSvg(block);
	}
}

export function renderHtml(document: LaidOutDocument): string {
	const stamp = document.stamp.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
	return [
		'<!doctype html>',
		'<html lang="en-GB">',
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(document.title)}</title>`,
		`<style>${STYLES}</style>`,
		'</head>',
		'<body>',
		'<div class="page">',
		`<header class="stamp" aria-label="About this copy">${stamp}</header>`,
		'<main>',
		document.blocks.map(blockHtml).join('\n'),
		'</main>',
		'</div>',
		'</body>',
		'</html>'
	].join('\n');
}
