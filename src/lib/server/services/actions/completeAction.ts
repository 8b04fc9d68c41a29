import { and, eq, isNull } from 'drizzle-orm';
import * as v from 'valibot';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import {
	fieldText,
	itemFieldId,
	readActions,
	setActionStatus,
	setFieldText
} from '../../../shared/collab/meetingDoc.ts';
import type { DocumentEditor, LiveDocuments } from '../../collab/liveDocuments.ts';
import type { Database } from '../../db/client.ts';
import { actions, children, meetings } from '../../db/schema.ts';
import { can, type Actor, type Resource } from '../../policy.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { projectMeetingDoc } from '../meetings/projectMeetingDoc.ts';

/**
 * Marking an action done, with a short note of the evidence, from "Your actions".
 *
 * The meeting's live document stays the source of truth: the change is made there,
 * through the live collaboration server (liveDocuments.ts), as the person who made it —
 * so everyone with the meeting open sees it, the action's own history says who marked it
 * done and when, the update log attributes it, and the `actions` projection is rewritten
 * from the document as after any edit.
 *
 * Follow-through after the meeting: an action can be marked done after its meeting was
 * closed. People cannot edit a closed meeting's document, but marking actions done is
 * what closing the meeting hands over to its owners; the frozen minutes versions are not
 * touched, and the minutes page shows each action's status now beside them.
 */

export const EVIDENCE_MAX_LENGTH = 2000;

export const CompleteActionForm = v.object({
	evidence: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter what was done, as evidence that the action is complete'),
		v.maxLength(
			EVIDENCE_MAX_LENGTH,
			`The evidence must be ${EVIDENCE_MAX_LENGTH} characters or fewer`
		)
	)
});

export interface ActionToComplete {
	id: string;
	text: string;
	meetingId: string;
	childId: string;
	organisationId: string;
	ownerId: string | null;
	status: string;
}

export function actionResource(action: ActionToComplete): Extract<Resource, { type: 'action' }> {
	return {
		type: 'action',
		childId: action.childId,
		organisationId: action.organisationId,
		ownerId: action.ownerId
	};
}

export async function findActionToComplete(
	db: Database,
	actionId: string
): Promise<ActionToComplete | null> {
	if (actionId.length === 0 || actionId.length > 100) return null;
	const [row] = await db
		.select({
			id: actions.id,
			text: actions.text,
			meetingId: actions.meetingId,
			childId: actions.childId,
			organisationId: children.organisationId,
			ownerId: actions.ownerId,
			status: actions.status
		})
		.from(actions)
		.innerJoin(meetings, eq(meetings.id, actions.meetingId))
		.innerJoin(children, eq(children.id, actions.childId))
		.where(and(eq(actions.id, actionId), isNull(meetings.deletedAt), isNull(children.deletedAt)));
	return row ?? null;
}

export type CompleteResult =
	| { ok: true }
	| { ok: false; problem: 'not_found' | 'forbidden' | 'already_done' | 'gone_from_meeting' };

class ActionGoneError extends Error {}

export async function completeAction(
	db: Database,
	live: LiveDocuments,
	actor: Actor,
	editor: DocumentEditor,
	actionId: string,
	evidence: string,
	now = new Date()
): Promise<CompleteResult> {
	const action = await findActionToComplete(db, actionId);
	if (!action) return { ok: false, problem: 'not_found' };
	if (!can(actor, 'action.complete', actionResource(action)))
		return { ok: false, problem: 'forbidden' };
	if (action.status === 'done') return { ok: false, problem: 'already_done' };

	const name = meetingDocumentName(action.meetingId);
	let result;
	try {
		result = await live.change(name, editor, (doc) => {
			if (!readActions(doc).some((item) => item.id === action.id)) throw new ActionGoneError();
			// One transaction: evidence and status arrive together, as one update.
			doc.transact(() => {
				const field = itemFieldId('actions', action.id, 'evidence');
				const earlier = fieldText(doc, field).trim();
				setFieldText(doc, field, earlier ? `${earlier}\n${evidence}` : evidence);
				setActionStatus(doc, action.id, 'done', { userId: editor.id, at: now });
			});
		});
	} catch (error) {
		if (error instanceof ActionGoneError) return { ok: false, problem: 'gone_from_meeting' };
		throw error;
	}
	if (result.via === 'stored') {
		await projectMeetingDoc(db, { id: action.meetingId, childId: action.childId }, result.doc);
	}
	await recordAuditEvent(db, {
		actorId: actor.id,
		action: 'action.completed',
		subjectType: 'action',
		subjectId: action.id,
		details: { meetingId: action.meetingId, childId: action.childId }
	});
	return { ok: true };
}
