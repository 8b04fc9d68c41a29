import { axisLabelShown, type ChartGeometry } from '../../../shared/domain/plan/progressChart.ts';
import { FONT } from '../../pdf/unicodeText.ts';

/**
 * A progress chart drawn with PDFKit's vector graphics, from the same geometry as the
 * page's and the HTML minutes' SVG. The caller wraps it in a tagged Figure whose
 * alternative text sums the chart up; the table before it holds the same numbers.
 */

const TEXT = '#0b0c0c';
const LINE = '#1d4f91';
const GRID = '#b1b4b6';

type Doc = PDFKit.PDFDocument;

/** SVG places text by its baseline, PDFKit by the top of the line. */
function label(
	doc: Doc,
	content: string,
	x: number,
	baseline: number,
	size: number,
	align: 'left' | 'center' | 'right' = 'center',
	bold = false
): void {
	const width = size * 8;
	const left = align === 'center' ? x - width / 2 : align === 'right' ? x - width : x;
	doc
		.font(bold ? FONT.bold : FONT.regular)
		.fontSize(size)
		.fillColor(TEXT)
		.text(content, left, baseline - size * 0.85, { width, align, lineBreak: false });
}

/** Draws the chart with its top left corner at (left, top), scaled to fit. */
export function drawProgressChart(
	doc: Doc,
	g: ChartGeometry,
	left: number,
	top: number,
	scale: number
): void {
	const { frame, plot } = g;
	const size = frame.fontSize;
	doc.save();
	doc.translate(left, top).scale(scale);
	for (const tick of g.yTicks) {
		doc
			.moveTo(plot.left, tick.y)
			.lineTo(plot.right, tick.y)
			.dash(4, { space: 4 })
			.lineWidth(0.75)
			.strokeColor(GRID)
			.stroke()
			.undash();
		label(doc, String(tick.value), plot.left - 6, tick.y + 4, size, 'right');
	}
	doc
		.moveTo(plot.left, plot.top)
		.lineTo(plot.left, plot.bottom)
		.lineTo(plot.right, plot.bottom)
		.lineWidth(1.5)
		.strokeColor(TEXT)
		.stroke();
	doc.save();
	doc.rotate(-90, { origin: [size, (plot.top + plot.bottom) / 2] });
	label(doc, 'Score', size, (plot.top + plot.bottom) / 2, size);
	doc.restore();
	g.points.forEach((point, index) => {
		if (axisLabelShown(index, g.points.length, frame)) {
			label(doc, point.axisLabel, point.x, plot.bottom + 16, size);
		}
	});
	label(doc, 'Review date', (plot.left + plot.right) / 2, frame.height - 4, size);
	if (g.line) doc.path(g.line).lineWidth(3).strokeColor(LINE).stroke();
	for (const point of g.points) {
		if (point.score === null) {
			doc
				.rect(point.x - 5, point.y - 5, 10, 10)
				.lineWidth(2)
				.fillAndStroke('#ffffff', TEXT);
		} else {
			doc.circle(point.x, point.y, 5).lineWidth(2).fillAndStroke(LINE, '#ffffff');
			label(doc, String(point.score), point.x, point.y - 9, size, 'center', true);
		}
	}
	doc.restore();
}
