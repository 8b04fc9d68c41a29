import { fileNameSlug } from '../../fileNameSlug.ts';
import { renderExportOffThread } from '../../minutes/exportPool.ts';
import { layOutHandoverPack } from './handoverLayout.ts';
import type { HandoverRecord } from './readHandover.ts';

/**
 * The pack as a tagged PDF, with the minutes' renderer (headings, lists, tables with
 * headers, bookmarks, en-GB), made in the export workers like every other PDF so that a
 * long pack never holds up a live meeting. `owner` takes turns with others' exports.
 */
export async function renderHandoverPdf(
	handover: Pick<HandoverRecord, 'pack' | 'restricted' | 'createdAt'>,
	owner: string
): Promise<{ bytes: Uint8Array; filename: string }> {
	const { pack } = handover;
	const child = fileNameSlug(pack.child.knownAs, 'child');
	const date = handover.createdAt.toISOString().slice(0, 10);
	const file = await renderExportOffThread(
		{
			format: 'laid-out-pdf',
			document: layOutHandoverPack(pack, handover.restricted),
			footer: `Handover pack: ${pack.child.knownAs} to ${pack.settingName}`,
			filename: `handover-${child}-${date}.pdf`
		},
		owner
	);
	return { bytes: file.bytes, filename: file.filename };
}
