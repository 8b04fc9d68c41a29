import { and, eq } from 'drizzle-orm';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import type { Database } from '../../db/client.ts';
import { childVoiceLinks, childVoiceSubmissions, meetings } from '../../db/schema.ts';
import type { ParsedChildVoice } from '../../../shared/domain/childVoiceQuestions.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { documentEditor, refreshLiveCasework } from '../meetings/liveCasework.ts';
import type { OpenChildVoiceLink } from './links.ts';
import type { PictureType } from './picture.ts';

/**
 * Stores what the child gave through their link and puts it into the meeting's live
 * document, so that anyone with the meeting open sees it at once. Sending again through
 * the same link replaces the earlier answers; a picture sent before is kept unless a new
 * one comes, so nothing the child made is lost by sending their words again.
 */
export async function submitChildVoice(
	db: Database,
	live: LiveDocuments,
	link: OpenChildVoiceLink,
	given: ParsedChildVoice,
	picture: { type: PictureType; data: Uint8Array } | null,
	ip: string | null,
	now = new Date()
): Promise<{ submissionId: string }> {
	const pictureColumns = picture
		? { pictureType: picture.type, pictureSize: picture.data.byteLength, pictureData: picture.data }
		: {};
	const [row] = await db
		.insert(childVoiceSubmissions)
		.values({
			linkId: link.linkId,
			meetingId: link.meetingId,
			answers: given.answers,
			helpedBy: given.helpedBy,
			submittedAt: now,
			...pictureColumns
		})
		.onConflictDoUpdate({
			target: childVoiceSubmissions.linkId,
			set: {
				answers: given.answers,
				helpedBy: given.helpedBy,
				submittedAt: now,
				...pictureColumns
			}
		})
		.returning({ id: childVoiceSubmissions.id });
	if (!row) throw new Error('Storing the child’s views returned no row');
	await db
		.update(childVoiceLinks)
		.set({ lastUsedAt: now })
		.where(eq(childVoiceLinks.id, link.linkId));
	await recordAuditEvent(db, {
		actorId: null,
		action: 'childVoice.submitted',
		subjectType: 'meeting',
		subjectId: link.meetingId,
		ip,
		details: {
			linkId: link.linkId,
			answers: given.answers.length,
			picture: picture !== null
		}
	});
	// Written into the live document on behalf of whoever made the link (or, if they have
	// left, the chair): the update log names a person for every change.
	const editorId = link.createdBy ?? (await chairOf(db, link.meetingId));
	const editor = editorId ? await documentEditor(db, editorId) : null;
	if (editor) await refreshLiveCasework(db, live, link.meetingId, editor);
	return { submissionId: row.id };
}

async function chairOf(db: Database, meetingId: string): Promise<string | null> {
	const [row] = await db
		.select({ chairId: meetings.chairId })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	return row?.chairId ?? null;
}

/** The picture of one submission of a meeting, for the team's pages and the minutes. */
export async function loadChildVoicePicture(
	db: Database,
	meetingId: string,
	submissionId: string
): Promise<{ type: string; data: Uint8Array } | null> {
	const [row] = await db
		.select({ type: childVoiceSubmissions.pictureType, data: childVoiceSubmissions.pictureData })
		.from(childVoiceSubmissions)
		.where(
			and(
				eq(childVoiceSubmissions.id, submissionId),
				eq(childVoiceSubmissions.meetingId, meetingId)
			)
		);
	if (!row?.type || !row.data) return null;
	return { type: row.type, data: row.data };
}
