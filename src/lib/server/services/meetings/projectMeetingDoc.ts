import { and, eq, notInArray, sql } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Database } from '../../db/client.ts';
import { actions, outcomes, teamMembers } from '../../db/schema.ts';
import {
	readActions,
	readOutcomes,
	type Action,
	type Outcome
} from '../../../shared/collab/meetingDoc.ts';

/**
 * Copies a meeting document's actions and outcomes into the `actions` and `outcomes`
 * tables, so that dashboards and "my actions" never parse Yjs in a request. Rows of items
 * removed from the document are deleted. The document is the source of truth; the rows
 * are rewritten from it after every store.
 *
 * Item ids are chosen by clients, so an action id that already belongs to another
 * meeting's row is skipped rather than allowed to overwrite it. Outcomes are keyed by
 * meeting and id: an outcome carried from the child's plan keeps its id in every review.
 */
export async function projectMeetingDoc(
	db: Database,
	meeting: { id: string; childId: string },
	doc: Y.Doc
): Promise<void> {
	const documentActions = readActions(doc).filter((action) => validId(action.id));
	const documentOutcomes = readOutcomes(doc).filter((outcome) => validId(outcome.id));
	await db.transaction(async (tx) => {
		const team = await tx
			.select({ userId: teamMembers.userId })
			.from(teamMembers)
			.where(eq(teamMembers.childId, meeting.childId));
		const teamIds = new Set(team.map((member) => member.userId));

		await tx.delete(actions).where(
			and(
				eq(actions.meetingId, meeting.id),
				documentActions.length > 0
					? notInArray(
							actions.id,
							documentActions.map((action) => action.id)
						)
					: undefined
			)
		);
		for (const action of documentActions) {
			const row = actionRow(action, meeting, teamIds);
			await tx
				.insert(actions)
				.values(row)
				.onConflictDoUpdate({
					target: actions.id,
					set: { ...row, updatedAt: sql`now()` },
					setWhere: eq(actions.meetingId, meeting.id)
				});
		}

		await tx.delete(outcomes).where(
			and(
				eq(outcomes.meetingId, meeting.id),
				documentOutcomes.length > 0
					? notInArray(
							outcomes.id,
							documentOutcomes.map((outcome) => outcome.id)
						)
					: undefined
			)
		);
		for (const outcome of documentOutcomes) {
			const row = outcomeRow(outcome, meeting);
			await tx
				.insert(outcomes)
				.values(row)
				.onConflictDoUpdate({
					target: [outcomes.meetingId, outcomes.id],
					set: { ...row, updatedAt: sql`now()` }
				});
		}
	});
}

const validId = (id: string) => id.length > 0 && id.length <= 100;

/** Another client may have written anything: only real dates and scale values reach SQL. */
function isoDateOrNull(value: string | null): string | null {
	if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

function scaleOrNull(value: number | null): number | null {
	return value !== null && Number.isInteger(value) && value >= 0 && value <= 10 ? value : null;
}

function firstRaisedAt(action: Action): Date {
	const raised =
		action.carriedFrom?.firstRaisedAt ??
		action.history.find((entry) => entry.kind === 'created')?.at;
	const date = raised ? new Date(raised) : new Date();
	return Number.isNaN(date.getTime()) ? new Date() : date;
}

function actionRow(
	action: Action,
	meeting: { id: string; childId: string },
	teamIds: Set<string>
): typeof actions.$inferInsert {
	// Only a member of the child's team can own an action.
	const ownerId = action.ownerUserId && teamIds.has(action.ownerUserId) ? action.ownerUserId : null;
	return {
		id: action.id,
		meetingId: meeting.id,
		childId: meeting.childId,
		text: action.text.text,
		ownerId,
		ownerAgency: ownerId ? action.ownerAgency : '',
		dueDate: isoDateOrNull(action.dueDate),
		status: action.status,
		outcomeId: action.outcomeId,
		evidence: action.evidence.text.trim() === '' ? null : action.evidence.text,
		carriedFromId: action.carriedFrom?.actionId ?? null,
		firstRaisedAt: firstRaisedAt(action)
	};
}

function outcomeRow(
	outcome: Outcome,
	meeting: { id: string; childId: string }
): typeof outcomes.$inferInsert {
	return {
		id: outcome.id,
		meetingId: meeting.id,
		childId: meeting.childId,
		areaOfNeed: outcome.areaOfNeed,
		text: outcome.text.text,
		progress: scaleOrNull(outcome.progress),
		evidence: outcome.evidence.text
	};
}
