import type { SectionText } from '../../shared/collab/meetingDoc.ts';

/** Why the server did not keep some of this person's changes. */
export type RefusalReason =
	'meeting-closed' | 'view-only' | 'access-removed' | 'document-too-large' | 'too-much-at-once';

export const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
	'meeting-closed': 'The chair closed the meeting before these changes reached Coplan.',
	'view-only': 'You can only view this meeting now, so Coplan could not take these changes.',
	'access-removed': 'You no longer have access to this meeting.',
	'document-too-large': 'This meeting has reached the largest size Coplan can save.',
	'too-much-at-once':
		'You added more in a few minutes than Coplan takes from one person. Wait a few minutes and add it in smaller parts.'
};

/** What the person is shown: the reason, and what they wrote in each section. */
export interface Refusal {
	reason: RefusalReason;
	sections: SectionText[];
}

const REASONS = Object.keys(REFUSAL_MESSAGES) as RefusalReason[];

function readRefusal(value: unknown): Refusal | null {
	if (typeof value !== 'object' || value === null) return null;
	const { reason, sections } = value as Record<string, unknown>;
	if (!REASONS.includes(reason as RefusalReason) || !Array.isArray(sections)) return null;
	const kept = sections.filter(
		(section): section is SectionText =>
			typeof section === 'object' &&
			section !== null &&
			typeof (section as SectionText).label === 'string' &&
			typeof (section as SectionText).text === 'string'
	);
	return { reason: reason as RefusalReason, sections: kept };
}

/**
 * Changes of this person's that the server did not keep, kept for this tab
 * (sessionStorage) until they dismiss them, so that the page can bring the device's copy
 * back in line with the server — by reloading — and still show them what to copy.
 */
export class RefusedEdits {
	#refusal = $state<Refusal | null>(null);
	readonly #key: string;

	constructor(documentName: string) {
		this.#key = `coplan:refused:${documentName}`;
		try {
			const saved = sessionStorage.getItem(this.#key);
			this.#refusal = saved ? readRefusal(JSON.parse(saved)) : null;
		} catch {
			this.#refusal = null;
		}
	}

	get refusal(): Refusal | null {
		return this.#refusal;
	}

	keep(refusal: Refusal): void {
		this.#refusal = refusal;
		try {
			sessionStorage.setItem(this.#key, JSON.stringify(refusal));
		} catch {
			// Without storage the panel still shows until the page is reloaded.
		}
	}

	dismiss(): void {
		this.#refusal = null;
		try {
			sessionStorage.removeItem(this.#key);
		} catch {
			// Nothing kept: nothing to remove.
		}
	}
}
