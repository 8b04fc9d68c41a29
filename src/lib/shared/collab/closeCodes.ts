/**
 * Reasons the collaboration server gives when it refuses or ends a connection, or makes it
 * read-only. Shared by server and browser so that the UI can turn each into a sentence.
 */
import {
	MEETING_SECTION_LABELS,
	MEETING_SECTIONS,
	type MeetingSection
} from './meetingDoc/shape.ts';

export const COLLAB_DENIAL = {
	unauthenticated: 'unauthenticated',
	forbidden: 'forbidden',
	/** The restricted companion document: only named professionals may open it. */
	restrictedForbidden: 'restricted-forbidden',
	unknownDocument: 'unknown-document',
	/** The client was built for another version of the document: reload to get the new code. */
	schemaMismatch: 'schema-mismatch',
	documentTooLarge: 'document-too-large'
} as const;

export type CollabDenial = (typeof COLLAB_DENIAL)[keyof typeof COLLAB_DENIAL];

export const COLLAB_DENIAL_MESSAGES: Record<CollabDenial, string> = {
	unauthenticated: 'You have been signed out. Please sign in again to keep working.',
	forbidden: 'You do not have access to this meeting.',
	'restricted-forbidden': 'Restricted notes are only open to the professionals named for them.',
	'unknown-document': 'This meeting could not be found.',
	'schema-mismatch': 'Coplan has been updated. Please reload the page to keep working.',
	'document-too-large':
		'This meeting has grown too large to save more changes. Please contact your administrator.'
};

export function describeDenial(reason: string): string {
	return (
		COLLAB_DENIAL_MESSAGES[reason as CollabDenial] ??
		'The connection to the meeting was refused. Please reload the page.'
	);
}

/**
 * Largest websocket message the server accepts: a pasted report of a hundred pages is a
 * few hundred kilobytes, and a demo meeting about 10 KB in all.
 */
export const MAX_MESSAGE_BYTES = 512 * 1024;
/** Largest a live document may grow (hundreds of times a long real meeting). */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

/** Websocket close codes the server uses (1009 is the standard "message too big"). */
export const COLLAB_CLOSE_CODES = {
	messageTooLarge: 1009,
	/** The session ended (signed out here or elsewhere, expired, password changed). */
	sessionEnded: 4401,
	/** A tool token (/yws) was revoked or has expired. */
	toolTokenEnded: 4401,
	documentTooLarge: 4413,
	/** One person added more than the edit budget allows in a few minutes (editBudget.ts). */
	tooMuchAtOnce: 4429
} as const;

export const COLLAB_CLOSE_MESSAGES: Record<number, string> = {
	[COLLAB_CLOSE_CODES.sessionEnded]: COLLAB_DENIAL_MESSAGES.unauthenticated,
	[COLLAB_CLOSE_CODES.messageTooLarge]: `That change was too large to send (over ${MAX_MESSAGE_BYTES / 1024} KB). Try pasting less at once.`,
	[COLLAB_CLOSE_CODES.documentTooLarge]: COLLAB_DENIAL_MESSAGES['document-too-large'],
	[COLLAB_CLOSE_CODES.tooMuchAtOnce]:
		'You added more in a few minutes than Coplan takes from one person (about 1 MB), so your last change was not saved. Wait a few minutes and add it in smaller parts.'
};

/** Why a connection is read-only. */
export const READ_ONLY_REASONS = {
	meetingClosed: 'meeting-closed',
	viewOnly: 'view-only'
} as const;
export type ReadOnlyReason = (typeof READ_ONLY_REASONS)[keyof typeof READ_ONLY_REASONS];

/**
 * The server tells each connection whether it may edit, and why not, in a stateless
 * message (HocuspocusProvider's `stateless` event) right after it connects and whenever
 * that changes (the meeting is closed or reopened). The provider's `authorizedScope`
 * ('readonly' | 'read-write') changes at the same moment.
 */
export interface AccessNotice {
	type: 'access';
	readOnly: boolean;
	reason: ReadOnlyReason | null;
}

export function encodeAccessNotice(notice: Omit<AccessNotice, 'type'>): string {
	return JSON.stringify({ type: 'access', ...notice } satisfies AccessNotice);
}

export function parseAccessNotice(payload: string): AccessNotice | null {
	try {
		const value: unknown = JSON.parse(payload);
		if (typeof value !== 'object' || value === null) return null;
		const { type, readOnly, reason } = value as Record<string, unknown>;
		if (type !== 'access' || typeof readOnly !== 'boolean') return null;
		const known = Object.values(READ_ONLY_REASONS) as string[];
		return {
			type,
			readOnly,
			reason:
				typeof reason === 'string' && known.includes(reason) ? (reason as ReadOnlyReason) : null
		};
	} catch {
		return null;
	}
}

/**
 * The server undid part of this connection's change because this person may not make it:
 * the sections were locked, the edit rules keep them from it (`rules`: the agenda, someone
 * else's attendance or contribution; see editRules.ts), or it touched the chair's controls
 * (see chairControlsGuard).
 */
export interface RevertNotice {
	type: 'reverted';
	sections: MeetingSection[];
	rules: MeetingSection[];
	controls: boolean;
}

export function encodeRevertNotice(notice: Omit<RevertNotice, 'type'>): string {
	return JSON.stringify({ type: 'reverted', ...notice } satisfies RevertNotice);
}

export function parseRevertNotice(payload: string): RevertNotice | null {
	try {
		const value: unknown = JSON.parse(payload);
		if (typeof value !== 'object' || value === null) return null;
		const { type, sections, rules, controls } = value as Record<string, unknown>;
		if (type !== 'reverted' || !Array.isArray(sections) || typeof controls !== 'boolean') {
			return null;
		}
		const known = MEETING_SECTIONS as readonly unknown[];
		const sectionsIn = (values: unknown[]) =>
			values.filter((section): section is MeetingSection => known.includes(section));
		return {
			type,
			sections: sectionsIn(sections),
			rules: Array.isArray(rules) ? sectionsIn(rules) : [],
			controls
		};
	} catch {
		return null;
	}
}

/** Why a section is not this person's to change, in words. */
const RULE_REASONS: Partial<Record<MeetingSection, string>> = {
	agenda: 'only the chair can change the agenda',
	attendance: 'you can set only your own attendance; the chair adds and removes people',
	contributions: 'you can change only your own written contribution'
};

function joined(names: string[]): string {
	return names.length === 1
		? (names[0] ?? '')
		: `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** What to tell the person whose change was undone. */
export function describeRevert(notice: Omit<RevertNotice, 'type'>): string {
	const ruled = notice.rules.filter((section) => notice.sections.includes(section));
	const locked = notice.sections.filter((section) => !ruled.includes(section));
	const sentences: string[] = [];
	if (locked.length > 0) {
		const names = locked.map((section) => MEETING_SECTION_LABELS[section]);
		sentences.push(
			`Your change to ${joined(names)} was undone: the chair has locked ${names.length === 1 ? 'that section' : 'those sections'}.`
		);
	}
	for (const section of ruled) {
		const reason = RULE_REASONS[section] ?? 'the chair decides about that section';
		sentences.push(`Your change to ${MEETING_SECTION_LABELS[section]} was undone: ${reason}.`);
	}
	if (sentences.length === 0) {
		return 'Your change was undone: only the chair can move through the agenda, run the timer or lock sections.';
	}
	return sentences.join(' ');
}
