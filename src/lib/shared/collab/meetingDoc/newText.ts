import * as Y from 'yjs';
import {
	CHAIR,
	MEETING_SECTION_LABELS,
	MEETING_SECTIONS,
	SECTION_OF_KEY,
	type MeetingSection
} from './shape.ts';

/** What someone wrote in one section, for a person whose edit was not kept. */
export interface SectionText {
	section: MeetingSection;
	label: string;
	text: string;
}

/** Which items count: e.g. those this device wrote that the server never stored. */
export type ItemFilter = (id: { client: number; clock: number }) => boolean;

/**
 * Text someone typed (the content of texts and rich-text fields). Plain values in maps
 * — ids, positions, dates, statuses — are not what a person wants back to copy.
 */
function contentText(content: Y.Item['content']): string | null {
	return content instanceof Y.ContentString ? content.str : null;
}

/**
 * Collects, in document order, the text of the live (not deleted) items that pass the
 * filter, anywhere inside `type`: runs of text inside one text stay together, and each
 * break between runs or texts becomes a new line.
 */
function collect(type: Y.AbstractType<unknown>, keep: ItemFilter, out: string[]): void {
	let run = '';
	const endRun = () => {
		if (run.trim() !== '') out.push(run.trim());
		run = '';
	};
	const visit = (item: Y.Item) => {
		if (item.deleted) {
			endRun();
			return;
		}
		if (item.content instanceof Y.ContentType) {
			endRun();
			collect(item.content.type, keep, out);
			return;
		}
		const text = keep(item.id) ? contentText(item.content) : null;
		if (text === null) endRun();
		else run += text;
	};
	for (let item = type._start; item !== null; item = item.right) visit(item);
	endRun();
	for (const item of type._map.values()) {
		if (!item.deleted) {
			visit(item);
			endRun();
		}
	}
}

/**
 * The text in each section of a meeting document that the filter picks out, e.g. what
 * this device wrote that the server refused, so the page can show it to be copied.
 * Sections with nothing picked out are left out.
 */
export function textByItems(doc: Y.Doc, keep: ItemFilter): SectionText[] {
	const found = new Map<MeetingSection, string[]>();
	const add = (section: MeetingSection, pieces: string[]) => {
		if (pieces.length > 0) found.set(section, [...(found.get(section) ?? []), ...pieces]);
	};
	for (const [key, section] of Object.entries(SECTION_OF_KEY)) {
		// The chair's controls hold no one's writing.
		if (key === CHAIR || !doc.share.has(key)) continue;
		const pieces: string[] = [];
		collect(doc.share.get(key) as Y.AbstractType<unknown>, keep, pieces);
		add(section, pieces);
	}
	return MEETING_SECTIONS.filter((section) => found.has(section)).map((section) => ({
		section,
		label: MEETING_SECTION_LABELS[section],
		text: (found.get(section) ?? []).join('\n')
	}));
}
