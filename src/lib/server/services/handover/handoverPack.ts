import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { actions, meetings, minutesVersions, teamMembers, users } from '../../db/schema.ts';
import { knownAs } from '../../../shared/domain/childNames.ts';
import { labelFor, MEETING_TYPE_LABELS, TEAM_ROLE_LABELS } from '../../../shared/domain/labels.ts';
import type { PlanContent } from '../../../shared/domain/plan/planContent.ts';
import type { OutcomeProgress } from '../../../shared/domain/plan/progress.ts';
import { ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import { MINUTES_FORMAT_VERSION, type Minutes } from '../../minutes/minutesTypes.ts';
import { listOpenActions } from '../actions/openActions.ts';
import { listAdvice } from '../advice/listAdvice.ts';
import type { ChildRecord } from '../children/findChild.ts';
import { listTeam } from '../children/team.ts';
import { loadCurrentPlan } from '../plan/planVersions.ts';
import { loadProgressHistory } from '../plan/progressHistory.ts';

/**
 * The handover pack: what the receiving setting needs to carry on without reassessing the
 * child. Gathered once, when the handover is made, and stored whole (handovers.pack): it
 * is what was shared. Nothing here is read from a restricted document, so no restricted
 * note can be in it; notes deliberately included are kept apart (handovers.restrictedNotes).
 */

export const HANDOVER_PACK_FORMAT = 1;

/** How many advice items the pack carries, newest first: the latest, not the whole register. */
export const PACK_ADVICE_LIMIT = 10;

export interface HandoverPack {
	formatVersion: typeof HANDOVER_PACK_FORMAT;
	child: {
		knownAs: string;
		dateOfBirth: string;
		yearGroup: string | null;
		/** The setting the child is leaving. */
		setting: string;
		planType: string;
		strengths: string;
	};
	settingName: string;
	sencoName: string;
	/** The family's consent the handover relies on, as recorded. */
	consent: { givenBy: string; givenOn: string; information: string };
	preparedByName: string;
	/** ISO instant. */
	preparedAt: string;
	plan: { version: number; summary: string; adoptedOn: string; content: PlanContent } | null;
	openActions: {
		text: string;
		ownerName: string | null;
		ownerAgency: string;
		dueDate: string | null;
		status: string;
	}[];
	advice: {
		title: string;
		authorName: string;
		agency: string;
		adviceDate: string;
		reviewBy: string | null;
		text: string;
	}[];
	team: { name: string; role: string; agency: string; email: string }[];
	/** The latest frozen minutes of the child's latest closed review (never its restricted notes). */
	lastMinutes: { version: number; minutes: Minutes } | null;
	progress: OutcomeProgress[];
}

export interface PackRequest {
	child: ChildRecord;
	settingName: string;
	sencoName: string;
	consent: HandoverPack['consent'];
	preparedByName: string;
}

async function teamWithContacts(db: Database, childId: string): Promise<HandoverPack['team']> {
	const [team, emails] = await Promise.all([
		listTeam(db, childId),
		db
			.select({ userId: teamMembers.userId, email: users.email })
			.from(teamMembers)
			.innerJoin(users, eq(users.id, teamMembers.userId))
			.where(eq(teamMembers.childId, childId))
	]);
	const emailOf = new Map(emails.map((row) => [row.userId, row.email]));
	return team.map((member) => ({
		name: member.name,
		role: labelFor(TEAM_ROLE_LABELS, member.teamRole),
		agency: member.agency,
		email: emailOf.get(member.userId) ?? ''
	}));
}

async function latestMinutes(db: Database, childId: string): Promise<HandoverPack['lastMinutes']> {
	const [row] = await db
		.select({ version: minutesVersions.version, content: minutesVersions.content })
		.from(minutesVersions)
		.innerJoin(meetings, eq(meetings.id, minutesVersions.meetingId))
		.where(and(eq(meetings.childId, childId), isNull(meetings.deletedAt)))
		.orderBy(desc(meetings.startsAt), desc(minutesVersions.version))
		.limit(1);
	if (!row) return null;
	const minutes = row.content as Minutes | null;
	// Minutes in a format this code does not know are left out rather than misread.
	if (minutes?.formatVersion !== MINUTES_FORMAT_VERSION) return null;
	return { version: row.version, minutes };
}

export async function gatherHandoverPack(
	db: Database,
	request: PackRequest,
	now = new Date()
): Promise<HandoverPack> {
	const { child } = request;
	const [plan, open, advice, team, lastMinutes, progress] = await Promise.all([
		loadCurrentPlan(db, child.id),
		listOpenActions(db, eq(actions.childId, child.id), now),
		listAdvice(db, child.id, now),
		teamWithContacts(db, child.id),
		latestMinutes(db, child.id),
		loadProgressHistory(db, child.id)
	]);
	return {
		formatVersion: HANDOVER_PACK_FORMAT,
		child: {
			knownAs: knownAs(child),
			dateOfBirth: child.dateOfBirth,
			yearGroup: child.yearGroup,
			setting: child.setting,
			planType: child.planType,
			strengths: child.strengths
		},
		settingName: request.settingName,
		sencoName: request.sencoName,
		consent: request.consent,
		preparedByName: request.preparedByName,
		preparedAt: now.toISOString(),
		plan: plan
			? {
					version: plan.version,
					summary: plan.summary,
					adoptedOn: ukDateOf(plan.createdAt),
					content: plan.content
				}
			: null,
		openActions: open.map((action) => ({
			text: action.text,
			ownerName: action.ownerName,
			ownerAgency: action.ownerAgency,
			dueDate: action.dueDate,
			status: action.status
		})),
		advice: advice.slice(0, PACK_ADVICE_LIMIT).map((item) => ({
			title: item.title,
			authorName: item.authorName,
			agency: item.agency,
			adviceDate: item.adviceDate,
			reviewBy: item.reviewBy,
			text: item.text
		})),
		team,
		lastMinutes,
		progress
	};
}

/** "Annual review, Thursday 12 March 2027 at 10:00": how the pack names the last minutes. */
export function lastMinutesLabel(minutes: Minutes): string {
	return `${labelFor(MEETING_TYPE_LABELS, minutes.meeting.type)}, ${minutes.meeting.when}`;
}
