import type { Font } from 'fontkit';

/**
 * fontkit 2.0.4 throws "Cannot read properties of null (reading 'xCoordinate')" when a
 * font's mark-positioning table has no anchor for a mark on some base (an empty anchor
 * is allowed by OpenType: it means "do not attach here"). Noto Sans Gurmukhi has such
 * anchors (ਸ੍ਰੀ in "ਸਤ ਸ੍ਰੀ ਅਕਾਲ", Punjabi's everyday greeting), and one such word would stop
 * a whole export. This skips the attachment instead, as HarfBuzz does.
 *
 * The class is not exported, so it is reached through a font's layout engine; the patch
 * goes on the class, once. fontkitPatch.test.ts fails if fontkit's internals move.
 */

interface AnchorProcessor {
	applyAnchor(markRecord: { markAnchor?: unknown } | null, baseAnchor: unknown, base: number): void;
}

interface LaidOutFont {
	_layoutEngine?: { engine?: { GPOSProcessor?: AnchorProcessor | null } };
}

const patched = new WeakSet<object>();

/** Patches the class of this font's position processor; false if it cannot be found. */
export function skipMissingAnchors(font: Font): boolean {
	// fontkit's Font with the internals its type leaves out.
	const processor = (font as unknown as LaidOutFont)._layoutEngine?.engine?.GPOSProcessor;
	if (!processor) return false;
	const prototype: unknown = Object.getPrototypeOf(processor);
	if (typeof prototype !== 'object' || prototype === null || !('applyAnchor' in prototype)) {
		return false;
	}
	if (patched.has(prototype)) return true;
	const target = prototype as AnchorProcessor;
	const applyAnchor = target.applyAnchor;
	target.applyAnchor = function (markRecord, baseAnchor, base) {
		if (baseAnchor == null || markRecord?.markAnchor == null) return;
		applyAnchor.call(this, markRecord, baseAnchor, base);
	};
	patched.add(prototype);
	return true;
}
