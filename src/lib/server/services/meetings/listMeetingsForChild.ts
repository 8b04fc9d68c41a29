import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { meetings, users } from '../../db/schema.ts';

export interface MeetingListItem {
	id: string;
	type: string;
	startsAt: Date;
	status: string;
	chairName: string | null;
}

export interface ChildMeetings {
	upcoming: MeetingListItem[];
	inProgress: MeetingListItem[];
	closed: MeetingListItem[];
}

/** A child's meetings, grouped as the child page shows them (soft-deleted ones left out). */
export async function listMeetingsForChild(
	db: Database,
	childId: string,
	now = new Date()
): Promise<ChildMeetings> {
	const rows = await db
		.select({
			id: meetings.id,
			type: meetings.type,
			startsAt: meetings.startsAt,
			status: meetings.status,
			chairName: users.name
		})
		.from(meetings)
		.leftJoin(users, eq(users.id, meetings.chairId))
		.where(and(eq(meetings.childId, childId), isNull(meetings.deletedAt)))
		.orderBy(asc(meetings.startsAt));
	return {
		upcoming: rows.filter((m) => m.status === 'scheduled' && m.startsAt >= now),
		inProgress: rows.filter(
			(m) => m.status === 'in_progress' || (m.status === 'scheduled' && m.startsAt < now)
		),
		closed: rows.filter((m) => m.status === 'closed').reverse()
	};
}
