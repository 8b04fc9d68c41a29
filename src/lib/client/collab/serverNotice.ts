import {
	describeRevert,
	parseAccessNotice,
	parseRevertNotice,
	type ReadOnlyReason
} from '../../shared/collab/closeCodes.ts';

/**
 * A stateless message from the collaboration server (see closeCodes.ts), read into what
 * the page acts on: a sentence for a change the server undid, or whether this connection
 * may edit and why not.
 */
export type ServerNotice =
	| { type: 'reverted'; message: string }
	| { type: 'access'; readOnly: boolean; reason: ReadOnlyReason | null };

export function readServerNotice(payload: string): ServerNotice | null {
	const revert = parseRevertNotice(payload);
	if (revert) return { type: 'reverted', message: describeRevert(revert) };
	const access = parseAccessNotice(payload);
	if (!access) return null;
	// A reason only means something while editing is off.
	return {
		type: 'access',
		readOnly: access.readOnly,
		reason: access.readOnly ? access.reason : null
	};
}
