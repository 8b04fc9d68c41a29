import { fileNameSlug } from '../../fileNameSlug.ts';
import { layOutHandoverPack } from './handoverLayout.ts';
import type { HandoverRecord } from './readHandover.ts';

/**
 * The pack as a tagged PDF, with the minutes' renderer (headings, lists, tables with
 * headers, bookmarks, en-GB). The renderer is loaded on first use, as the export pool's
 * fallback does, so a server that never makes one never holds PDFKit and the fonts.
 */
export async function renderHandoverPdf(
	handover: Pick<HandoverRecord, 'pack' | 'restricted' | 'createdAt'>
): Promise<{ bytes: Uint8Array; filename: string }> {
	const { renderPdf } = await import('../../minutes/render/pdf.ts');
	const { pack } = handover;
	const bytes = await renderPdf(layOutHandoverPack(pack, handover.restricted), {
		footer: `Handover pack: ${pack.child.knownAs} to ${pack.settingName}`
	});
	const child = fileNameSlug(pack.child.knownAs, 'child');
	const date = handover.createdAt.toISOString().slice(0, 10);
	return { bytes, filename: `handover-${child}-${date}.pdf` };
}
