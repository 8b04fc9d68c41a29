import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { childVoiceLinks, childVoiceSubmissions, children, meetings } from '../../db/schema.ts';
import type { ChildVoiceInput } from '../../../shared/collab/meetingDoc.ts';

/**
 * What the child sent through their links for one meeting, as the live document takes it
 * (meetingDocSeed.ts): the picture itself stays in the database, the entry says there is one.
 */
export async function loadChildVoiceSeed(
	db: Database,
	meetingId: string
): Promise<ChildVoiceInput[]> {
	const rows = await db
		.select({
			id: childVoiceSubmissions.id,
			answers: childVoiceSubmissions.answers,
			helpedBy: childVoiceSubmissions.helpedBy,
			// Whether there is one, without reading its bytes.
			hasPicture: sql<boolean>`${childVoiceSubmissions.pictureData} is not null`,
			submittedAt: childVoiceSubmissions.submittedAt,
			firstName: children.firstName,
			preferredName: children.preferredName
		})
		.from(childVoiceSubmissions)
		.innerJoin(childVoiceLinks, eq(childVoiceLinks.id, childVoiceSubmissions.linkId))
		.innerJoin(meetings, eq(meetings.id, childVoiceSubmissions.meetingId))
		.innerJoin(children, eq(children.id, meetings.childId))
		.where(eq(childVoiceSubmissions.meetingId, meetingId))
		.orderBy(asc(childVoiceSubmissions.submittedAt));
	return rows.map((row) => ({
		submissionId: row.id,
		firstName: row.preferredName ?? row.firstName,
		submittedAt: row.submittedAt.toISOString(),
		helpedBy: row.helpedBy,
		answers: row.answers,
		hasPicture: row.hasPicture
	}));
}
