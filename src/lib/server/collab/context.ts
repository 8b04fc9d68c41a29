import type { SessionUser } from '../auth/session.ts';
import type { ToolTokenGrant } from '../auth/toolTokens.ts';
import type { DocumentAccess } from './documentAccess.ts';
import type { SavingState } from './savingGate.ts';

export type GrantedAccess = Extract<DocumentAccess, { allowed: true }>;

/** What each collaboration connection knows about who is on the other end. */
export interface CollabContext {
	/** The person, or the owner of the tool token the connection opened with. */
	user: SessionUser | null;
	/** Set when the connection opened with a tool token (/yws): it narrows the owner's access. */
	toolToken?: ToolTokenGrant;
	/** The websocket's endpoint, when not /collab: for the audit trail. */
	endpoint?: '/yws';
	/** Where the websocket came from, for the audit trail. */
	address?: string | null;
	/** Set by the AuthorizationExtension once the connection may open its document. */
	access?: GrantedAccess;
	/** The AccessEpoch count when `access` was decided. */
	accessDecidedAt?: number;
	/** Shared by every connection of the server: while saving is paused nobody edits. */
	saving?: SavingState;
}
