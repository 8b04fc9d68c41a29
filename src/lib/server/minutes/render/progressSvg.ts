import {
	axisLabelShown,
	chartGeometry,
	PRINT_FRAME
} from '../../../shared/domain/plan/progressChart.ts';
import type { Block } from '../../../shared/viewModels/documentBlocks.ts';
import { escapeHtml } from './html.ts';

/**
 * A progress chart as static SVG for the HTML minutes: an image with its summary as its
 * name, the scores printed by each point, axis labels as real text. The table before it
 * holds the same numbers. Inline colours, since the file must stand alone.
 */

const TEXT = '#0b0c0c';
const LINE = '#1d4f91';
const GRID = '#b1b4b6';

export function progressChartSvg(block: Extract<Block, { kind: 'chart' }>): string {
	const g = chartGeometry(block.points, PRINT_FRAME);
	const { frame, plot } = g;
	const text = (x: number, y: number, content: string, extra = '') =>
		`<text x="${x}" y="${y}" fill="${TEXT}"${extra}>${escapeHtml(content)}</text>`;
	const parts: string[] = [];
	for (const tick of g.yTicks) {
		parts.push(
			`<line x1="${plot.left}" x2="${plot.right}" y1="${tick.y}" y2="${tick.y}" stroke="${GRID}" stroke-dasharray="4 4"/>`,
			text(plot.left - 6, tick.y + 4, String(tick.value), ' text-anchor="end"')
		);
	}
	parts.push(
		`<line x1="${plot.left}" x2="${plot.left}" y1="${plot.top}" y2="${plot.bottom}" stroke="${TEXT}" stroke-width="1.5"/>`,
		`<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="${TEXT}" stroke-width="1.5"/>`,
		text(
			0,
			0,
			'Score',
			` text-anchor="middle" transform="translate(${frame.fontSize} ${(plot.top + plot.bottom) / 2}) rotate(-90)"`
		)
	);
	g.points.forEach((point, index) => {
		if (axisLabelShown(index, g.points.length, frame)) {
			parts.push(text(point.x, plot.bottom + 16, point.axisLabel, ' text-anchor="middle"'));
		}
	});
	parts.push(
		text((plot.left + plot.right) / 2, frame.height - 4, 'Review date', ' text-anchor="middle"')
	);
	if (g.line) {
		parts.push(`<path d="${g.line}" fill="none" stroke="${LINE}" stroke-width="3"/>`);
	}
	for (const point of g.points) {
		parts.push(
			point.score === null
				? `<rect x="${point.x - 5}" y="${point.y - 5}" width="10" height="10" fill="#fff" stroke="${TEXT}" stroke-width="2"/>`
				: `<circle cx="${point.x}" cy="${point.y}" r="5" fill="${LINE}" stroke="#fff" stroke-width="2"/>` +
						text(
							point.x,
							point.y - 9,
							String(point.score),
							' text-anchor="middle" font-weight="700"'
						)
		);
	}
	return (
		`<figure class="chart">` +
		`<svg role="img" aria-label="${escapeHtml(g.summary)}" viewBox="0 0 ${frame.width} ${frame.height}" font-size="${frame.fontSize}" font-family="Arial, sans-serif">` +
		parts.join('') +
		`</svg><figcaption dir="auto">${escapeHtml(block.caption)}</figcaption></figure>`
	);
}
