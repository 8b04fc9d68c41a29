import { getContext, setContext } from 'svelte';
import type * as Y from 'yjs';
import type { CollabSession } from '$lib/client/collab/CollabSession.svelte.ts';
import type { LiveMeetingDoc } from '$lib/client/collab/LiveMeetingDoc.svelte.ts';
import type { SectionFolds } from '$lib/client/meetingRoom/SectionFolds.svelte.ts';
import type { ChangeAuthor, Editor, MeetingSection } from '$lib/shared/collab/meetingDoc.ts';

/** A member of the child's team, as the live page needs them (owner select, views). */
export interface LiveTeamMember {
	userId: string;
	name: string;
	teamRole: string;
	roleLabel: string;
	agency: string;
}

/** What every section of the live meeting shares, handed down through Svelte context. */
export interface LiveContext {
	session: CollabSession;
	live: LiveMeetingDoc;
	readonly doc: Y.Doc;
	team: LiveTeamMember[];
	me: { userId: string; name: string };
	isChair: boolean;
	/** Who this person is to the edit rules (editRules.ts): the page offers what they allow. */
	editor: Editor;
	/**
	 * May this person change the section now (not closed, not locked against them, not
	 * a section only the chair shapes)? Items within a section may have rules of their own.
	 */
	canEdit(section: MeetingSection): boolean;
	/** Who is making a change, for the actions' history trail. */
	author(): ChangeAuthor;
	/** A team member's name, or a neutral phrase for someone no longer in the team. */
	personName(userId: string): string;
	/** The sections this person has folded away (their view only). */
	folds: SectionFolds;
}

const KEY = Symbol('coplan.live');

export function setLiveContext(context: LiveContext): void {
	setContext(KEY, context);
}

export function getLiveContext(): LiveContext {
	const context = getContext<LiveContext | undefined>(KEY);
	if (!context) throw new Error('Live meeting sections must sit inside LiveMeeting.svelte');
	return context;
}
