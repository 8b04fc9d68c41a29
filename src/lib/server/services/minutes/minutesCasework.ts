import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type * as Y from 'yjs';
import { readMeetingDoc } from '../../../shared/collab/meetingDoc.ts';
import { ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import type { Database } from '../../db/client.ts';
import { children, meetings, teamMembers, users } from '../../db/schema.ts';
import type { MinutesCasework } from '../../minutes/minutesModel.ts';
import { loadProgressHistory } from '../plan/progressHistory.ts';

/**
 * The casework the minutes need beyond the live document: the child, the meeting's date,
 * place and chair, the names of everyone the document names by id (the team now, and
 * owners or view holders who have since left it), and the dates of the child's meetings.
 */
export async function loadMinutesCasework(
	db: Database,
	meetingId: string,
	doc: Y.Doc
): Promise<MinutesCasework | null> {
	const [row] = await db
		.select({
			id: meetings.id,
			childId: meetings.childId,
			type: meetings.type,
			startsAt: meetings.startsAt,
			location: meetings.location,
			chairName: users.name,
			firstName: children.firstName,
			preferredName: children.preferredName,
			dateOfBirth: children.dateOfBirth,
			setting: children.setting
		})
		.from(meetings)
		.innerJoin(children, eq(children.id, meetings.childId))
		.leftJoin(users, eq(users.id, meetings.chairId))
		.where(and(eq(meetings.id, meetingId), isNull(meetings.deletedAt)));
	if (!row) return null;

	const snapshot = readMeetingDoc(doc);
	const referenced = [
		...snapshot.actions.map((action) => action.ownerUserId),
		...snapshot.disagreements.flatMap((d) => d.views.map((view) => view.heldByUserId))
	].filter((id): id is string => id !== null && /^[0-9a-f-]{36}$/.test(id));

	const [team, named, childMeetings, history] = await Promise.all([
		db
			.select({ id: users.id, name: users.name })
			.from(teamMembers)
			.innerJoin(users, eq(users.id, teamMembers.userId))
			.where(eq(teamMembers.childId, row.childId)),
		referenced.length > 0
			? db
					.select({ id: users.id, name: users.name })
					.from(users)
					.where(inArray(users.id, [...new Set(referenced)]))
			: Promise.resolve([]),
		db
			.select({ id: meetings.id, startsAt: meetings.startsAt })
			.from(meetings)
			.where(eq(meetings.childId, row.childId))
			.orderBy(asc(meetings.startsAt)),
		// Earlier reviews only: this meeting's own scores are in its document. Reviews before
		// its start do not change when it closes, so frozen minutes keep a stable history.
		loadProgressHistory(db, row.childId, {
			upTo: row.startsAt,
			excludeMeetingId: row.id,
			outcomeIds: snapshot.outcomes.map((outcome) => outcome.id)
		})
	]);

	return {
		meeting: {
			id: row.id,
			type: row.type,
			startsAt: row.startsAt,
			location: row.location,
			chairName: row.chairName
		},
		child: {
			firstName: row.firstName,
			preferredName: row.preferredName,
			dateOfBirth: row.dateOfBirth,
			setting: row.setting
		},
		people: Object.fromEntries([...named, ...team].map((person) => [person.id, person.name])),
		meetingDates: Object.fromEntries(
			childMeetings.map((meeting) => [meeting.id, ukDateOf(meeting.startsAt)])
		),
		earlierProgress: Object.fromEntries(
			history.map((outcome) => [
				outcome.outcomeId,
				outcome.points.map(({ meetingDate, score }) => ({ meetingDate, score }))
			])
		)
	};
}
