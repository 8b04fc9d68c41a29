import type { ScoredDate } from '$lib/shared/domain/plan/progress.ts';
import type { LiveTeamMember } from './liveContext.ts';

/** What the live page's server load hands to the live meeting. */
export interface LiveMeetingData {
	meeting: {
		id: string;
		type: string;
		typeLabel: string;
		/** EHCP reviews record a recommendation and proposed amendments. */
		isEhcpReview: boolean;
		startsAt: string;
		childName: string;
		closed: boolean;
	};
	me: {
		userId: string;
		name: string;
		teamRole: string | null;
	};
	permissions: {
		/** May write in the meeting whenever it is open. */
		collaborate: boolean;
		chair: boolean;
		viewRestricted: boolean;
	};
	team: LiveTeamMember[];
	/** Dates (yyyy-mm-dd, UK) of the child's meetings, for "carried forward from". */
	meetingDates: Record<string, string>;
	/** Each outcome's scores at the child's earlier closed reviews, by outcome id. */
	earlierProgress: Record<string, ScoredDate[]>;
}

export interface LiveFormResult {
	action: 'close' | 'reopen';
	errors?: Record<string, string>;
	values?: Record<string, string>;
}
