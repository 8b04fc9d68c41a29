import type { ActionStatus } from '../domain/actionStatuses.ts';
import type { MeetingType } from '../domain/meetingTypes.ts';

/** Actions as the pages list them: read from the actions projection on the server. */

export interface OpenAction {
	id: string;
	text: string;
	childId: string;
	childName: string;
	meetingId: string;
	meetingType: MeetingType;
	/** yyyy-mm-dd (UK) of the meeting that agreed or carried it. */
	meetingDate: string;
	meetingClosed: boolean;
	ownerId: string | null;
	ownerName: string | null;
	ownerAgency: string;
	dueDate: string | null;
	status: ActionStatus;
	/** Whole days since it was first agreed (in whichever meeting). */
	daysOpen: number;
	carried: boolean;
	/** Due before today. */
	overdue: boolean;
}

/** An action on someone's own home page: the ones they own that are still open. */
export interface MyAction {
	id: string;
	text: string;
	childId: string;
	childName: string;
	meetingId: string;
	dueDate: string | null;
	status: ActionStatus;
	overdue: boolean;
}
