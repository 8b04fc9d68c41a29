import { resolve } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads a PDF back the way assistive technology does, with PDF.js: its text, its
 * metadata and its structure tree, each structure element with the text of the marked
 * content it owns. For tests of the exports only.
 */

export interface PdfElement {
	role: string;
	/** Text drawn inside this element and its descendants, in order, from every page. */
	text: string;
	/** ActualText or Alt, when the element has one. */
	alt: string | null;
	scope: string | null;
	children: PdfElement[];
}

export interface ReadPdf {
	info: Record<string, unknown>;
	pageCount: number;
	/** All the text, page after page. */
	text: string;
	/** The whole structure tree, from its root. */
	root: PdfElement;
	/** The raw file as Latin-1, for catalogue entries PDF.js does not report. */
	raw: string;
}

interface RawNode {
	role?: string;
	alt?: string;
	scope?: string;
	type?: string;
	id?: string;
	children?: RawNode[];
}

/** The marked-content ids an element owns, itself and below: its identity across pages. */
function contentIds(node: RawNode): string[] {
	return (node.children ?? []).flatMap((child) =>
		child.type === 'content' && child.id ? [child.id] : contentIds(child)
	);
}

function toElement(node: RawNode, textOf: Map<string, string>): PdfElement {
	const children: PdfElement[] = [];
	let text = '';
	for (const child of node.children ?? []) {
		if (child.type === 'content' && child.id) {
			text += textOf.get(child.id) ?? '';
			continue;
		}
		if (child.role === undefined) continue;
		const element = toElement(child, textOf);
		children.push(element);
		text += (text && element.text ? ' ' : '') + element.text;
	}
	return {
		role: node.role ?? '',
		text: text.replace(/\s+/g, ' ').trim(),
		alt: node.alt ?? null,
		scope: node.scope ?? null,
		children
	};
}

interface RawTh extends RawNode {
	structId?: string;
}

/** A table's identity: the ID of its first header cell (PDFKit numbers its tables). */
function tableId(node: RawNode): string | null {
	for (const child of node.children ?? []) {
		const id = (child as RawTh).structId;
		if (child.role === 'TH' && id) return id;
		const below = tableId(child);
		if (below) return below;
	}
	return null;
}

/** Copies of one element from different pages: same shape, each with its page's content. */
function unite(a: RawNode, b: RawNode): RawNode {
	const children = (a.children ?? []).map((child, index) => {
		const other = b.children?.[index];
		return other && child.role !== undefined && other.role === child.role
			? unite(child, other)
			: child;
	});
	const extra = (b.children ?? []).filter(
		(child) =>
			child.type === 'content' &&
			!(a.children ?? []).some((mine) => mine.type === 'content' && mine.id === child.id)
	);
	return { ...a, children: [...children, ...extra] };
}

/**
 * PDF.js gives each page a tree of the elements with content on that page, tables whole
 * but with only that page's content. The document's tree is their union: the top-level
 * elements of every page, each once, a table spanning pages united from its copies.
 */
function mergePages(trees: RawNode[]): RawNode {
	const byKey = new Map<string, number>();
	const topLevel: RawNode[] = [];
	let documentRole = 'Document';
	for (const tree of trees) {
		for (const documentNode of tree.children ?? []) {
			documentRole = documentNode.role ?? documentRole;
			for (const child of documentNode.children ?? []) {
				const table = child.role === 'Table' ? tableId(child) : null;
				const key = table
					? `Table:${table}`
					: `${child.role ?? child.type}:${contentIds(child).join(',') || child.id}`;
				const index = byKey.get(key);
				if (index === undefined) {
					byKey.set(key, topLevel.length);
					topLevel.push(child);
				} else if (table) {
					topLevel[index] = unite(topLevel[index] ?? child, child);
				}
			}
		}
	}
	return { role: 'Root', children: [{ role: documentRole, children: topLevel }] };
}

type LoadedPdf = Awaited<ReturnType<typeof getDocument>['promise']>;

/** Opens a PDF with PDF.js, gives it to `read`, and closes it whatever happens. */
export async function withPdf<T>(
	bytes: Uint8Array,
	read: (pdf: LoadedPdf) => Promise<T>
): Promise<T> {
	const loading = getDocument({
		data: bytes.slice(),
		standardFontDataUrl: `${resolve('node_modules/pdfjs-dist/standard_fonts')}/`,
		verbosity: 0
	});
	try {
		return await read(await loading.promise);
	} finally {
		await loading.destroy();
	}
}

export function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
	return withPdf(bytes, async (pdf) => {
		const { info } = await pdf.getMetadata();
		const trees: RawNode[] = [];
		const textOf = new Map<string, string>();
		const texts: string[] = [];
		for (let number = 1; number <= pdf.numPages; number++) {
			const page = await pdf.getPage(number);
			const content = await page.getTextContent({ includeMarkedContent: true });
			const open: (string | null)[] = [];
			for (const item of content.items) {
				if ('str' in item) {
					texts.push(item.str);
					const id = open.findLast((entry) => entry !== null);
					if (id) textOf.set(id, `${textOf.get(id) ?? ''}${item.str}${item.hasEOL ? ' ' : ''}`);
				} else if (item.type === 'beginMarkedContentProps') {
					open.push(item.id);
				} else if (item.type === 'beginMarkedContent') {
					open.push(null);
				} else if (item.type === 'endMarkedContent') {
					open.pop();
				}
			}
			const tree = (await page.getStructTree()) as RawNode | null;
			if (tree) trees.push(tree);
		}
		return {
			info: info as Record<string, unknown>,
			pageCount: pdf.numPages,
			text: texts.join(' ').replace(/\s+/g, ' '),
			root: toElement(mergePages(trees), textOf),
			raw: Buffer.from(bytes).toString('latin1')
		};
	});
}

/** Every element with a role, in document order. */
export function elements(pdf: ReadPdf, role?: string): PdfElement[] {
	const found: PdfElement[] = [];
	const walk = (element: PdfElement) => {
		if (!role || element.role === role) found.push(element);
		element.children.forEach(walk);
	};
	walk(pdf.root);
	return found;
}
