import {
	AlignmentType,
	Document,
	Footer,
	HeadingLevel,
	LevelFormat,
	Packer,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type ParagraphChild
} from 'docx';
import type { Block } from '../../../shared/viewModels/documentBlocks.ts';
import type { LaidOutDocument } from '../layout/blocks.ts';

/**
 * A laid-out document as an editable Word file (for local authority workflows): Word's own
 * Heading 1–3 styles (so the navigation pane and screen readers find them), real tables
 * whose first row repeats as the header row on each page, bulleted and numbered lists,
 * document language en-GB and the title in the file's properties. Right-to-left
 * paragraphs are marked so Word lays them out right to left.
 */

const HEADINGS = {
	1: HeadingLevel.HEADING_1,
	2: HeadingLevel.HEADING_2,
	3: HeadingLevel.HEADING_3
} as const;

const ORDERED_LIST = 'coplan-ordered';

/** Characters XML 1.0 cannot hold (control characters, lone surrogates) are dropped. */
export function xmlSafe(text: string): string {
	let safe = '';
	// Iterating by code point: a lone surrogate comes out on its own, a pair as one.
	for (const character of text) {
		const code = character.codePointAt(0) ?? 0;
		const allowed =
			code === 0x09 ||
			code === 0x0a ||
			code === 0x0d ||
			(code >= 0x20 && code <= 0xd7ff) ||
			(code >= 0xe000 && code <= 0xfffd) ||
			code >= 0x10000;
		if (allowed) safe += character;
	}
	return safe;
}

const RTL_LETTER =
	/[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** True when the first letter of the text belongs to a right-to-left script. */
export function isRightToLeft(text: string): boolean {
	const first = /\p{L}/u.exec(text);
	return first !== null && RTL_LETTER.test(first[0]);
}

function run(text: string, options: { bold?: boolean; colour?: string } = {}): TextRun {
	return new TextRun({
		text: xmlSafe(text),
		bold: options.bold,
		color: options.colour,
		rightToLeft: isRightToLeft(text) || undefined
	});
}

function paragraph(
	text: string,
	options: { bold?: boolean; colour?: string; children?: ParagraphChild[] } = {}
): Paragraph {
	return new Paragraph({
		children: [run(text, options)],
		bidirectional: isRightToLeft(text) || undefined,
		spacing: { after: 120 }
	});
}

function cell(text: string, header: boolean, widthPercent: number): TableCell {
	return new TableCell({
		children: [paragraph(text, { bold: header })],
		width: { size: widthPercent, type: WidthType.PERCENTAGE },
		shading: header ? { type: ShadingType.CLEAR, fill: 'F3F2F1', color: 'auto' } : undefined
	});
}

function table(
	columns: { label: string; weight?: number }[],
	rows: string[][],
	rowHeaders: boolean,
	withHeader: boolean
): Table {
	const total = columns.reduce((sum, column) => sum + (column.weight ?? 1), 0);
	const widths = columns.map((column) => Math.round((100 * (column.weight ?? 1)) / total));
	const header = new TableRow({
		tableHeader: true,
		cantSplit: true,
		children: columns.map((column, index) => cell(column.label, true, widths[index] ?? 10))
	});
	const body = rows.map(
		(row) =>
			new TableRow({
				children: row.map((text, index) =>
					cell(text, rowHeaders && index === 0, widths[index] ?? 10)
				)
			})
	);
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: withHeader ? [header, ...body] : body
	});
}

function blockElements(block: Block, listNumber: () => number): (Paragraph | Table)[] {
	switch (block.kind) {
		case 'heading':
			return [
				new Paragraph({
					heading: HEADINGS[block.level],
					children: [run(block.text)],
					bidirectional: isRightToLeft(block.text) || undefined
				})
			];
		case 'paragraph':
			return [
				paragraph(block.text, {
					bold: block.style === 'strong',
					colour: block.style === 'note' ? '484949' : undefined
				})
			];
		case 'list': {
			const instance = listNumber();
			return block.items.map(
				(item) =>
					new Paragraph({
						children: [run(item)],
						bidirectional: isRightToLeft(item) || undefined,
						...(block.ordered
							? { numbering: { reference: ORDERED_LIST, level: 0, instance } }
							: { bullet: { level: 0 } })
					})
			);
		}
		case 'table':
			return [
				paragraph(block.caption, { bold: true }),
				table(block.columns, block.rows, block.rowHeaders ?? false, true),
				new Paragraph({ children: [] })
			];
		case 'facts':
			return [
				table(
					[
						{ label: 'Detail', weight: 2 },
						{ label: 'Value', weight: 5 }
					],
					block.items.map((item) => [item.term, item.value]),
					true,
					false
				),
				new Paragraph({ children: [] })
			];
		case 'chart':
			// Word has no vector drawing the docx library writes; the table before the chart
			// holds the same numbers, so the document loses nothing.
			return [];
	}
}

export async function renderDocx(document: LaidOutDocument): Promise<Uint8Array> {
	let lists = 0;
	const children = [
		...document.stamp.map((line) => paragraph(line, { colour: '484949' })),
		...document.blocks.flatMap((block) => blockElements(block, () => ++lists))
	];
	const file = new Document({
		title: xmlSafe(document.title),
		creator: 'Coplan',
		description: xmlSafe(document.stamp.join(' ')),
		styles: {
			default: {
				document: {
					run: { font: 'Arial', size: 22, language: { value: 'en-GB' } }
				}
			}
		},
		numbering: {
			config: [
				{
					reference: ORDERED_LIST,
					levels: [
						{
							level: 0,
							format: LevelFormat.DECIMAL,
							text: '%1.',
							alignment: AlignmentType.START,
							style: { paragraph: { indent: { left: 720, hanging: 360 } } }
						}
					]
				}
			]
		},
		sections: [
			{
				footers: {
					default: new Footer({
						children: [paragraph(document.stamp[0] ?? '', { colour: '484949' })]
					})
				},
				children
			}
		]
	});
	const buffer = await Packer.toBuffer(file);
	return new Uint8Array(buffer);
}
