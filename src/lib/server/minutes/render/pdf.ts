import PDFDocument from 'pdfkit';
import type { Block, TableColumn } from '../../../shared/viewModels/documentBlocks.ts';
import type { LaidOutDocument } from '../layout/blocks.ts';
import { drawnOutOfOrder, toDrawable } from '../../pdf/drawable.ts';
import { FONT, useUnicodeFonts, type DirectionOption } from '../../pdf/unicodeText.ts';
import { paragraphDirection, type Direction } from '../../pdf/visualOrder.ts';
import { breakLongRuns } from './longWords.ts';
import { drawProgressChart } from './pdfChart.ts';
import { chartGeometry, PRINT_FRAME } from '../../../shared/domain/plan/progressChart.ts';
import type { ScoredDate } from '../../../shared/domain/plan/progress.ts';

/**
 * A laid-out document as a tagged PDF (PDF/UA-style): a structure tree of H1–H3, P, L/LI
 * with Lbl and LBody, and Table/TR/TH/TD with header scope, so screen readers can move by
 * heading and read tables as tables; /Lang en-GB; the title shown in the window bar;
 * bookmarks for every heading; page numbers marked as artifacts. Text is drawn in Noto
 * fonts for every script Coplan has a font for, right-to-left text right-aligned and in
 * visual order (see ../../pdf/unicodeText.ts). Where a character cannot be drawn, or is
 * drawn out of typed order, the element's ActualText keeps the original words.
 */

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
type TextOptions = PDFKit.Mixins.TextOptions & DirectionOption;
type Cell = PDFKit.Mixins.CellOptions & {
	scope?: 'row' | 'column';
	title?: string;
	textOptions?: TextOptions;
};
type AccessibleTableOptions = PDFKit.Mixins.TableOptionsWithData & { structParent: Struct };

const MARGIN = 56;
const BODY_SIZE = 10.5;
const TABLE_SIZE = 9;
const HEADING_SIZES = { 1: 18, 2: 14, 3: 12 } as const;
const TEXT_COLOUR = '#0b0c0c';
const NOTE_COLOUR = '#484949';
const BORDER_COLOUR = '#b1b4b6';
/** A table cell longer than this is cut, and its full text printed after the table. */
const LONGEST_CELL = 900;

/**
 * PDFKit makes each table cell's structure element itself, passing on only the cell's
 * `title`. For a cell whose text had to be changed to be drawable, the title carries a
 * key, and while the table is drawn the key is swapped for the original text as the
 * element's ActualText (its /T title is then never written).
 */
const ACTUAL_TEXT_KEY = '\u0000coplan-actual-text:';

function actualTextKey(texts: Map<string, string>, actual: string): string {
	const key = `${ACTUAL_TEXT_KEY}${texts.size}`;
	texts.set(key, actual);
	return key;
}

function withCellActualText(doc: Doc, texts: Map<string, string>, draw: () => void): void {
	if (texts.size === 0) return draw();
	const struct = doc.struct;
	doc.struct = function (this: Doc, type, options, children) {
		const actual = typeof options?.title === 'string' ? texts.get(options.title) : undefined;
		return struct.call(this, type, actual === undefined ? options : { actual }, children);
	};
	try {
		draw();
	} finally {
		doc.struct = struct;
	}
}

/** Right-to-left paragraphs start at the right edge, as in the Word document. */
function directionOptions(text: string): TextOptions {
	const direction: Direction = paragraphDirection(text);
	return direction === 'rtl' ? { direction, align: 'right' } : {};
}

class TaggedWriter {
	readonly doc: Doc;
	private readonly root: Struct;
	/** Whether some text had characters the font cannot draw. */
	changedText = false;

	/**
	 * Text the fonts can draw, the original as ActualText when what is drawn differs or
	 * is drawn out of order, and options that right-align a right-to-left paragraph.
	 */
	private drawable(text: string): {
		text: string;
		actual: string | undefined;
		options: TextOptions;
	} {
		const result = toDrawable(text);
		if (result.changed) this.changedText = true;
		const drawn = breakLongRuns(result.text);
		const differs = result.changed || drawn !== result.text || drawnOutOfOrder(drawn);
		return { text: drawn, actual: differs ? text : undefined, options: directionOptions(drawn) };
	}

	constructor(doc: Doc) {
		this.doc = doc;
		this.root = doc.struct('Document');
		doc.addStructure(this.root);
	}

	/** Adds a structure element whose content is drawn by `draw`. */
	private element(
		type: string,
		text: string,
		draw: (drawnText: string, options: TextOptions) => void
	): void {
		const { text: drawn, actual, options } = this.drawable(text);
		const element = this.doc.struct(type, actual ? { actual } : {});
		this.root.add(element);
		element.add(() => draw(drawn, options));
		element.end();
	}

	heading(level: 1 | 2 | 3, text: string): void {
		const doc = this.doc;
		const size = HEADING_SIZES[level];
		// Keep a heading with at least a few lines of what follows it.
		if (doc.y + size * 4 > doc.page.maxY()) doc.addPage();
		doc.moveDown(level === 1 ? 0 : 0.6);
		this.element(`H${level}`, text, (drawn, options) => {
			doc.font(FONT.bold).fontSize(size).fillColor(TEXT_COLOUR).text(drawn, options);
		});
		// Bookmarks are Unicode text strings, shown in the reader's own fonts.
		if (level <= 2) doc.outline.addItem(text);
		doc.moveDown(0.3);
	}

	paragraph(text: string, style: 'normal' | 'note' | 'strong' = 'normal'): void {
		const doc = this.doc;
		this.element('P', text, (drawn, options) => {
			doc
				.font(style === 'strong' ? FONT.bold : FONT.regular)
				.fontSize(BODY_SIZE)
				.fillColor(style === 'note' ? NOTE_COLOUR : TEXT_COLOUR)
				.text(drawn, options);
		});
		doc.moveDown(0.4);
	}

	list(items: string[], ordered: boolean): void {
		const doc = this.doc;
		const list = doc.struct('L');
		this.root.add(list);
		const left = doc.page.margins.left;
		const indent = 18;
		const width = doc.page.width - left - doc.page.margins.right - indent;
		items.forEach((item, index) => {
			const body = this.drawable(item);
			doc.font(FONT.regular).fontSize(BODY_SIZE).fillColor(TEXT_COLOUR);
			if (doc.y + doc.currentLineHeight(true) > doc.page.maxY()) doc.addPage();
			const top = doc.y;
			const entry = doc.struct('LI');
			list.add(entry);
			const label = doc.struct('Lbl');
			entry.add(label);
			label.add(() => doc.text(ordered ? `${index + 1}.` : '•', left, top, { lineBreak: false }));
			label.end();
			const content = doc.struct('LBody', body.actual ? { actual: body.actual } : {});
			entry.add(content);
			content.add(() => doc.text(body.text, left + indent, top, { ...body.options, width }));
			content.end();
			entry.end();
			doc.x = left;
			doc.moveDown(0.2);
		});
		list.end();
		doc.moveDown(0.3);
	}

	table(
		caption: string,
		columns: TableColumn[],
		rows: string[][],
		rowHeaders: boolean,
		header = true
	): void {
		const doc = this.doc;
		if (caption) this.paragraph(caption, 'strong');
		const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
		const totalWeight = columns.reduce((sum, column) => sum + (column.weight ?? 1), 0);
		const widths = columns.map((column) => (width * (column.weight ?? 1)) / totalWeight);
		const overflow: string[] = [];
		const actualTexts = new Map<string, string>();
		const cell = (text: string, rowIndex: number, columnIndex: number): Cell => {
			let shown = text;
			if (shown.length > LONGEST_CELL) {
				overflow.push(`Row ${rowIndex + 1}, ${columns[columnIndex]?.label ?? ''}: ${text}`);
				shown = `${text.slice(0, LONGEST_CELL)}… (continued after the table)`;
			}
			const { text: drawn, actual, options } = this.drawable(shown);
			const title = actual === undefined ? undefined : actualTextKey(actualTexts, actual);
			const isRowHeader = rowHeaders && columnIndex === 0;
			const content: Cell = { text: drawn, title, textOptions: options };
			if (options.align) content.align = { x: options.align };
			return isRowHeader
				? { ...content, type: 'TH', scope: 'row', font: { src: FONT.bold } }
				: { ...content, type: 'TD' };
		};
		const data: Cell[][] = rows.map((row, rowIndex) =>
			row.map((text, columnIndex) => cell(text, rowIndex, columnIndex))
		);
		if (header) {
			data.unshift(
				columns.map((column): Cell => ({
					text: column.label,
					type: 'TH',
					scope: 'column',
					font: { src: FONT.bold },
					backgroundColor: '#f3f2f1'
				}))
			);
		}
		doc.font(FONT.regular).fontSize(TABLE_SIZE).fillColor(TEXT_COLOUR);
		const options: AccessibleTableOptions = {
			structParent: this.root,
			columnStyles: widths,
			defaultStyle: { padding: 4, border: 0.75, borderColor: BORDER_COLOUR },
			data
		};
		withCellActualText(doc, actualTexts, () => doc.table(options));
		doc.x = doc.page.margins.left;
		doc.moveDown(0.6);
		if (overflow.length > 0) {
			this.paragraph('Continued from the table above', 'strong');
			for (const text of overflow) this.paragraph(text);
		}
	}

	/** Term and value pairs as a two-column table whose terms are row headers. */
	facts(items: { term: string; value: string }[]): void {
		this.table(
			'',
			[
				{ label: 'Detail', weight: 2 },
				{ label: 'Value', weight: 5 }
			],
			items.map((item) => [item.term, item.value]),
			true,
			false
		);
	}

	/** A progress chart as a Figure, its summary as the alternative text, then its caption. */
	chart(caption: string, points: ScoredDate[]): void {
		const doc = this.doc;
		const geometry = chartGeometry(points, PRINT_FRAME);
		const left = doc.page.margins.left;
		const scale = Math.min(1, (doc.page.width - left - doc.page.margins.right) / PRINT_FRAME.width);
		const height = PRINT_FRAME.height * scale;
		if (doc.y + height + BODY_SIZE * 3 > doc.page.maxY()) doc.addPage();
		const top = doc.y;
		const figure = doc.struct('Figure', { alt: geometry.summary });
		this.root.add(figure);
		figure.add(() => drawProgressChart(doc, geometry, left, top, scale));
		figure.end();
		doc.x = left;
		doc.y = top + height + 4;
		this.paragraph(caption, 'note');
	}

	/** Lines that say who exported this copy, at the top of the first page. */
	stamp(lines: string[]): void {
		for (const line of lines) this.paragraph(line, 'note');
		this.doc.moveDown(0.4);
	}

	end(): void {
		this.root.end();
	}
}

/** "Page 2 of 7" and the title at the foot of every page, marked as a pagination artifact. */
function addPageFooters(doc: Doc, footer: string): void {
	const range = doc.bufferedPageRange();
	for (let index = range.start; index < range.start + range.count; index++) {
		doc.switchToPage(index);
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		doc.markContent('Artifact', { type: 'Pagination' });
		doc
			.font(FONT.regular)
			.fontSize(8)
			.fillColor(NOTE_COLOUR)
			.text(
				`${footer} | Page ${index + 1} of ${range.count}`,
				doc.page.margins.left,
				doc.page.height - bottom / 2 - 4,
				{
					width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
					lineBreak: false,
					ellipsis: true
				}
			);
		doc.endMarkedContent();
		doc.page.margins.bottom = bottom;
	}
}

function renderBlock(writer: TaggedWriter, block: Block): void {
	switch (block.kind) {
		case 'heading':
			return writer.heading(block.level, block.text);
		case 'paragraph':
			return writer.paragraph(block.text, block.style);
		case 'list':
			return writer.list(block.items, block.ordered);
		case 'table':
			return writer.table(block.caption, block.columns, block.rows, block.rowHeaders ?? false);
		case 'facts':
			return writer.facts(block.items);
		case 'chart':
			return writer.chart(block.caption, block.points);
	}
}

export interface PdfOptions {
	/** Short text for the foot of each page, e.g. "Minutes for Aaron, version 2". */
	footer: string;
}

export function renderPdf(document: LaidOutDocument, options: PdfOptions): Promise<Uint8Array> {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
		pdfVersion: '1.7',
		tagged: true,
		lang: 'en-GB',
		displayTitle: true,
		bufferPages: true,
		// No default Helvetica: it would be written into the file though nothing uses it.
		font: '',
		info: { Title: document.title, Author: 'Coplan', Subject: document.stamp.join(' ') }
	});
	useUnicodeFonts(doc);
	const chunks: Uint8Array[] = [];
	const finished = new Promise<Uint8Array>((resolve, reject) => {
		doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.on('error', reject);
	});
	const writer = new TaggedWriter(doc);
	writer.stamp(document.stamp);
	for (const block of document.blocks) renderBlock(writer, block);
	if (writer.changedText) {
		writer.paragraph(
			'Some characters are in a script this PDF has no font for: they cannot be drawn in this PDF and show as “?”. Screen readers and copied text get the original words. The Word document and the web page show them in full.',
			'note'
		);
	}
	writer.end();
	addPageFooters(doc, toDrawable(options.footer).text);
	doc.end();
	return finished;
}
