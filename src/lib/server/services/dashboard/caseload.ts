import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { knownAs } from '../../../shared/domain/childNames.ts';
import { describeStatus, mostUrgent } from '../../../shared/domain/timeline.ts';
import { ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import { isTransferDue, nextTransfer } from '../../../shared/domain/yearGroups.ts';
import type { Database } from '../../db/client.ts';
import { actions, meetings } from '../../db/schema.ts';
import { PLAN_TYPES, type PlanType } from '../../../shared/domain/planTypes.ts';
import {
	CASELOAD_SORTS,
	type CaseloadRow,
	type CaseloadSort,
	type NextDeadline,
	type NextMeeting,
	type TransferFlag
} from '../../../shared/viewModels/caseload.ts';
import type { Actor } from '../../policy.ts';
import { listVisibleChildren } from '../children/listVisibleChildren.ts';
import { notCarriedForward } from '../actions/openActions.ts';
import { timelinesForChildren, type MeetingWithTimeline } from '../meetings/timelines.ts';

/**
 * The coordinator's caseload: every child they may see (their organisations' children
 * and the teams they are in), each with the next meeting, the statutory deadline that
 * most needs attention and counts of open and overdue actions. Sorted and filtered on the
 * server from the query string, so the page works without JavaScript.
 */

export interface CaseloadQuery {
	sort: CaseloadSort;
	planType: PlanType | null;
	overdueOnly: boolean;
}

export interface Caseload {
	rows: CaseloadRow[];
	/** Children on the caseload before filtering: 0 means a new coordinator. */
	total: number;
}

/** Reads ?sort, ?plan and ?overdue; anything unknown falls back to the default. */
export function parseCaseloadQuery(params: URLSearchParams): CaseloadQuery {
	const sort = params.get('sort');
	const plan = params.get('plan');
	return {
		sort: (CASELOAD_SORTS as readonly string[]).includes(sort ?? '')
			? (sort as CaseloadSort)
			: 'deadline',
		planType: (PLAN_TYPES as readonly string[]).includes(plan ?? '') ? (plan as PlanType) : null,
		overdueOnly: params.get('overdue') === '1'
	};
}

/** Coordinators and admins of an organisation get the caseload; everyone else the simpler home. */
export function isCoordinator(actor: Actor): boolean {
	return actor.memberships.some((m) => m.role === 'coordinator' || m.role === 'admin');
}

export interface ActionCounts {
	open: number;
	overdue: number;
}

/** Open (open or in progress) and overdue (due before today, UK) actions per child. */
export async function countActions(
	db: Database,
	childIds: string[],
	now: Date
): Promise<Map<string, ActionCounts>> {
	const counts = new Map<string, ActionCounts>();
	if (childIds.length === 0) return counts;
	const today = ukDateOf(now);
	const rows = await db
		.select({
			childId: actions.childId,
			open: sql<number>`count(*)::int`,
			overdue: sql<number>`(count(*) filter (where ${actions.dueDate} < ${today}))::int`
		})
		.from(actions)
		.innerJoin(meetings, eq(meetings.id, actions.meetingId))
		.where(
			and(
				inArray(actions.childId, childIds),
				inArray(actions.status, ['open', 'in_progress']),
				isNull(meetings.deletedAt),
				notCarriedForward(db)
			)
		)
		.groupBy(actions.childId);
	for (const row of rows) {
		counts.set(row.childId, { open: Number(row.open), overdue: Number(row.overdue) });
	}
	return counts;
}

/** The next meeting still to happen or under way. */
export function nextMeetingOf(timelines: MeetingWithTimeline[], now: Date): NextMeeting | null {
	const next = timelines
		.filter(
			(m) =>
				m.status === 'in_progress' ||
				(m.status !== 'closed' && m.startsAt.getTime() >= now.getTime())
		)
		.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
	return next
		? { id: next.id, type: next.type, startsAt: next.startsAt, status: next.status }
		: null;
}

export function nextDeadlineOf(timelines: MeetingWithTimeline[], now: Date): NextDeadline | null {
	let best: NextDeadline | null = null;
	for (const meeting of timelines) {
		const urgent = mostUrgent(meeting.deadlines);
		if (urgent && (!best || urgent.dueDate < best.dueDate)) {
			best = {
				meetingId: meeting.id,
				ruleKey: urgent.rule.key,
				title: urgent.rule.title,
				dueDate: urgent.dueDate,
				status: urgent.status,
				statusText: describeStatus(urgent, now)
			};
		}
	}
	return best;
}

const byName = (a: CaseloadRow, b: CaseloadRow) => a.name.localeCompare(b.name, 'en-GB');

/** Earlier first, rows without a value last. */
function byOptional<T>(value: (row: CaseloadRow) => T | null, compare: (a: T, b: T) => number) {
	return (a: CaseloadRow, b: CaseloadRow) => {
		const [x, y] = [value(a), value(b)];
		if (x === null && y === null) return byName(a, b);
		if (x === null) return 1;
		if (y === null) return -1;
		return compare(x, y) || byName(a, b);
	};
}

const SORTS: Record<CaseloadSort, (a: CaseloadRow, b: CaseloadRow) => number> = {
	child: byName,
	meeting: byOptional(
		(row) => row.nextMeeting?.startsAt.getTime() ?? null,
		(x, y) => x - y
	),
	deadline: byOptional(
		(row) => row.nextDeadline?.dueDate ?? null,
		(x, y) => x.localeCompare(y)
	),
	overdue: (a, b) =>
		b.overdueActions - a.overdueActions || b.openActions - a.openActions || byName(a, b)
};

/**
 * A child with an EHCP whose move between phases comes up: flagged from 1 June of the year
 * before (time to book the autumn review) until the plan's amendment deadline.
 */
function transferFlag(
	child: { planType: string; receptionYear: number | null },
	meetingsOfChild: MeetingWithTimeline[],
	now: Date
): TransferFlag | null {
	if (child.planType !== 'ehcp' || child.receptionYear === null) return null;
	const today = ukDateOf(now);
	const upcoming = nextTransfer(child.receptionYear, today);
	if (!upcoming || !isTransferDue(upcoming, today)) return null;
	return {
		transfer: upcoming.transfer,
		year: upcoming.year,
		deadline: upcoming.deadline,
		reviewBooked: meetingsOfChild.some(
			(meeting) =>
				meeting.type === 'phase_transfer_review' && ukDateOf(meeting.startsAt) >= upcoming.flagFrom
		)
	};
}

export async function loadCaseload(
	db: Database,
	actor: Actor,
	query: CaseloadQuery,
	now = new Date()
): Promise<Caseload> {
	const visible = await listVisibleChildren(db, actor);
	const childIds = visible.map((child) => child.id);
	const [timelines, actionCounts] = await Promise.all([
		timelinesForChildren(db, childIds, now),
		countActions(db, childIds, now)
	]);
	const rows: CaseloadRow[] = visible.map((child) => {
		const own = timelines.filter((meeting) => meeting.childId === child.id);
		const counts = actionCounts.get(child.id) ?? { open: 0, overdue: 0 };
		return {
			childId: child.id,
			name: knownAs(child),
			setting: child.setting,
			yearGroup: child.yearGroup,
			planType: child.planType,
			nextMeeting: nextMeetingOf(own, now),
			nextDeadline: nextDeadlineOf(own, now),
			openActions: counts.open,
			overdueActions: counts.overdue,
			transfer: transferFlag(child, own, now)
		};
	});
	const filtered = rows.filter(
		(row) =>
			(query.planType === null || row.planType === query.planType) &&
			(!query.overdueOnly || row.nextDeadline?.status === 'overdue')
	);
	return { rows: filtered.sort(SORTS[query.sort]), total: rows.length };
}
