import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { children, meetings, users } from '../../db/schema.ts';
import type { AgendaItem } from '../../../shared/domain/meetingAgendas.ts';
import type { MeetingType } from '../../../shared/domain/meetingTypes.ts';
import type { Resource } from '../../policy.ts';
import { isUuid } from '../children/findChild.ts';

export interface MeetingRecord {
	id: string;
	childId: string;
	organisationId: string;
	type: MeetingType;
	transfer: string | null;
	startsAt: Date;
	durationMinutes: number;
	location: string;
	onlineLink: string | null;
	chairId: string | null;
	chairName: string | null;
	agenda: AgendaItem[];
	status: string;
	closedAt: Date | null;
	child: { firstName: string; preferredName: string | null; dateOfBirth: string };
}

export type MeetingResource = Extract<Resource, { type: 'meeting' }>;

/** The policy's view of a meeting. */
export function meetingResource(meeting: MeetingRecord): MeetingResource {
	return {
		type: 'meeting',
		childId: meeting.childId,
		organisationId: meeting.organisationId,
		closed: meeting.status === 'closed',
		chairId: meeting.chairId
	};
}

/** A meeting that exists, of a child that exists, neither deleted; or null. */
export async function findMeeting(db: Database, meetingId: string): Promise<MeetingRecord | null> {
	if (!isUuid(meetingId)) return null;
	const [row] = await db
		.select({
			id: meetings.id,
			childId: meetings.childId,
			organisationId: children.organisationId,
			type: meetings.type,
			transfer: meetings.transfer,
			startsAt: meetings.startsAt,
			durationMinutes: meetings.durationMinutes,
			location: meetings.location,
			onlineLink: meetings.onlineLink,
			chairId: meetings.chairId,
			chairName: users.name,
			agenda: meetings.agenda,
			status: meetings.status,
			closedAt: meetings.closedAt,
			firstName: children.firstName,
			preferredName: children.preferredName,
			dateOfBirth: children.dateOfBirth
		})
		.from(meetings)
		.innerJoin(children, eq(children.id, meetings.childId))
		.leftJoin(users, eq(users.id, meetings.chairId))
		.where(and(eq(meetings.id, meetingId), isNull(meetings.deletedAt), isNull(children.deletedAt)));
	if (!row) return null;
	const { firstName, preferredName, dateOfBirth, ...meeting } = row;
	return { ...meeting, child: { firstName, preferredName, dateOfBirth } };
}
