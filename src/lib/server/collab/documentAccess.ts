import { and, eq, isNull, sql } from 'drizzle-orm';
import {
	COLLAB_DENIAL,
	READ_ONLY_REASONS,
	type CollabDenial,
	type ReadOnlyReason
} from '../../shared/collab/closeCodes.ts';
import { parseDocumentName, type DocumentKind } from '../../shared/collab/documentName.ts';
import type { Database } from '../db/client.ts';
import { children, meetings } from '../db/schema.ts';
import { can, loadActor, type Resource } from '../policy.ts';

/**
 * What a user may do with one live document, decided by can() like every HTTP route.
 * The collaboration server asks when a connection opens and again whenever a meeting's
 * access changes (closed, reopened).
 */
export type DocumentAccess =
	| { allowed: false; reason: CollabDenial }
	| {
			allowed: true;
			kind: DocumentKind;
			meetingId: string;
			childId: string;
			organisationId: string;
			readOnly: boolean;
			readOnlyReason: ReadOnlyReason | null;
			/** May use the chair's controls and write in locked sections. */
			chair: boolean;
	  };

export interface MeetingForAccess {
	id: string;
	childId: string;
	organisationId: string;
	status: string;
	chairId: string | null;
}

/** A meeting that exists and whose child's record exists (neither soft-deleted). */
export async function loadMeetingForAccess(
	db: Database,
	meetingId: string
): Promise<MeetingForAccess | null> {
	// Prepared: asked for every websocket that opens a meeting (one round trip, not two).
	const [row] = await db
		.select({
			id: meetings.id,
			childId: meetings.childId,
			organisationId: children.organisationId,
			status: meetings.status,
			chairId: meetings.chairId
		})
		.from(meetings)
		.innerJoin(children, eq(children.id, meetings.childId))
		.where(
			and(
				eq(meetings.id, sql.placeholder('meetingId')),
				isNull(meetings.deletedAt),
				isNull(children.deletedAt)
			)
		)
		.prepare('meeting_for_access')
		.execute({ meetingId });
	return row ?? null;
}

export function meetingResource(meeting: MeetingForAccess): Resource {
	return {
		type: 'meeting',
		childId: meeting.childId,
		organisationId: meeting.organisationId,
		closed: meeting.status === 'closed',
		chairId: meeting.chairId
	};
}

export async function decideDocumentAccess(
	db: Database,
	userId: string,
	documentName: string
): Promise<DocumentAccess> {
	const parsed = parseDocumentName(documentName);
	if (!parsed) return { allowed: false, reason: COLLAB_DENIAL.unknownDocument };
	const meeting = await loadMeetingForAccess(db, parsed.id);
	if (!meeting) return { allowed: false, reason: COLLAB_DENIAL.unknownDocument };
	const actor = await loadActor(db, userId);
	const resource = meetingResource(meeting);
	if (!can(actor, 'meeting.view', resource))
		return { allowed: false, reason: COLLAB_DENIAL.forbidden };
	if (parsed.kind === 'restricted' && !can(actor, 'meeting.viewRestricted', resource)) {
		return { allowed: false, reason: COLLAB_DENIAL.restrictedForbidden };
	}
	const readOnly = !can(actor, 'meeting.collaborate', resource);
	return {
		allowed: true,
		kind: parsed.kind,
		meetingId: meeting.id,
		childId: meeting.childId,
		organisationId: meeting.organisationId,
		readOnly,
		readOnlyReason: !readOnly
			? null
			: meeting.status === 'closed'
				? READ_ONLY_REASONS.meetingClosed
				: READ_ONLY_REASONS.viewOnly,
		chair: can(actor, 'meeting.chair', resource)
	};
}
