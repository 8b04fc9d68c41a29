import { and, asc, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { meetingDocumentName, restrictedDocumentName } from '../../shared/collab/documentName.ts';
import {
	addAction,
	addAmendment,
	addDecision,
	addDisagreement,
	addDisagreementView,
	addOutcome,
	addProvision,
	initMeetingDoc,
	itemFieldId,
	linkActionToOutcome,
	readActions,
	readAttendance,
	setActionDueDate,
	setActionOwner,
	setActionStatus,
	setAttendanceStatus,
	setColumnScale,
	readOutcomes,
	removeListItem,
	setFieldText,
	setNextReviewDate,
	setOutcomeProgress,
	setRecommendation
} from '../../shared/collab/meetingDoc.ts';
import { addRestrictedNote, initRestrictedDoc } from '../../shared/collab/restrictedDoc.ts';
import { shiftDate, ukDateOf } from '../../shared/domain/ukCalendar.ts';
import { appendUpdates, writeState } from '../collab/documentStore.ts';
import { loadMeetingDocSeed } from '../services/meetings/meetingDocSeed.ts';
import { projectMeetingDoc } from '../services/meetings/projectMeetingDoc.ts';
import { freezeMinutes } from '../services/minutes/minutesVersions.ts';
import { recordLaDecision } from '../services/plan/laDecision.ts';
import { recordPlanFromReview } from '../services/plan/planFromReview.ts';
import { loadCurrentPlan } from '../services/plan/planVersions.ts';
import { loadActor } from '../policy.ts';
import { storedDocuments } from '../collab/liveDocuments.ts';
import type { Database } from '../db/client.ts';
import { meetings, teamMembers, users } from '../db/schema.ts';
import type { DemoMinutes, DemoOutcome } from './story.ts';

/**
 * Writes what each held demo meeting recorded (the stories' minutes) into its live
 * documents, as the chair would have on the day, then closes it: every demo child has
 * minutes (version 1, frozen at the close), actions with owners in "Your actions" — some
 * done with evidence, some overdue — and, for Maya, an action carried from one TAF review
 * into the next. Each review starts from the child's plan and flows back into it, as it
 * would have live, with the local authority's decisions where the story has them, so the
 * outcomes carry across the reviews with their progress. Dates are relative to each meeting.
 */

async function namesAndAgencies(db: Database, childId: string) {
	const rows = await db
		.select({ id: users.id, name: users.name, agency: teamMembers.agency })
		.from(teamMembers)
		.innerJoin(users, eq(users.id, teamMembers.userId))
		.where(eq(teamMembers.childId, childId));
	return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Scores the outcomes the review started with (carried from the plan), adds the new ones
 * and removes those the review ended. `outcomeIds` maps the story's keys to the ids of
 * the child's outcomes, across meetings. Returns the first outcome's id.
 */
function reviewOutcomes(
	doc: Y.Doc,
	outcomes: DemoOutcome[],
	outcomeIds: Map<string, string>
): string | null {
	const carried = new Set(readOutcomes(doc).map((outcome) => outcome.id));
	const kept = new Set<string>();
	for (const outcome of outcomes) {
		const known = outcomeIds.get(outcome.key);
		if (known && carried.has(known)) {
			setOutcomeProgress(doc, known, outcome.progress);
			setFieldText(doc, itemFieldId('outcomes', known, 'evidence'), outcome.evidence);
			kept.add(known);
			continue;
		}
		const id = addOutcome(doc, {
			areaOfNeed: outcome.area,
			text: outcome.text,
			steps: outcome.steps,
			progress: outcome.progress,
			evidence: outcome.evidence
		});
		outcomeIds.set(outcome.key, id);
		kept.add(id);
	}
	for (const id of carried) if (!kept.has(id)) removeListItem(doc, 'outcomes', id);
	const first = outcomes[0];
	return first ? (outcomeIds.get(first.key) ?? null) : null;
}

function fill(
	doc: Y.Doc,
	content: DemoMinutes,
	meetingDate: string,
	people: (key: string) => { id: string; name: string; agency: string },
	chairId: string,
	closedAt: Date,
	outcomeIds: Map<string, string>
): void {
	const author = { userId: chairId, at: closedAt };
	for (const attendee of readAttendance(doc)) {
		if (attendee.status === 'expected') setAttendanceStatus(doc, attendee.id, 'present');
	}
	setFieldText(doc, 'childViews', content.childViews);
	setFieldText(doc, 'familyViews', content.familyViews);
	setFieldText(doc, 'working', content.working[0]);
	setColumnScale(doc, 'working', content.working[1]);
	setFieldText(doc, 'notWorking', content.notWorking[0]);
	setColumnScale(doc, 'notWorking', content.notWorking[1]);
	setFieldText(doc, 'worries', content.worries[0]);
	setColumnScale(doc, 'worries', content.worries[1]);
	const outcomeId = reviewOutcomes(doc, content.outcomes, outcomeIds);
	const provider = people(content.provision.author);
	addProvision(doc, {
		text: content.provision.text,
		providedBy: content.provision.providedBy,
		frequency: content.provision.frequency,
		authorUserId: provider.id,
		authorName: provider.name,
		date: meetingDate,
		reviewBy: shiftDate(meetingDate, { days: content.nextReviewInDays })
	});
	if (content.carriedInProgress) {
		for (const carried of readActions(doc).filter((action) => action.carriedFrom)) {
			setActionStatus(doc, carried.id, 'in_progress', author);
		}
	}
	for (const action of content.actions) {
		const owner = people(action.owner);
		const id = addAction(doc, { text: action.text }, author);
		setActionOwner(doc, id, { userId: owner.id, agency: owner.agency }, author);
		setActionDueDate(doc, id, shiftDate(meetingDate, { days: action.dueInDays }), author);
		if (action.forOutcome && outcomeId) linkActionToOutcome(doc, id, outcomeId);
		if (action.status !== 'open') setActionStatus(doc, id, action.status, author);
		if (action.evidence) setFieldText(doc, itemFieldId('actions', id, 'evidence'), action.evidence);
	}
	for (const decision of content.decisions) addDecision(doc, decision);
	if (content.disagreement) {
		const id = addDisagreement(doc, content.disagreement.point);
		for (const [key, view] of content.disagreement.views) {
			const holder = people(key);
			addDisagreementView(doc, id, {
				heldByUserId: holder.id,
				heldByName: holder.name,
				text: view
			});
		}
	}
	setNextReviewDate(doc, shiftDate(meetingDate, { days: content.nextReviewInDays }));
	if (content.recommendation) setRecommendation(doc, content.recommendation);
	for (const [section, text] of content.amendments ?? []) addAmendment(doc, section, text);
}

/** Stores a document as the live server would: one logged update, and the state it makes. */
async function store(db: Database, name: string, doc: Y.Doc, userId: string, at: Date) {
	const state = Y.encodeStateAsUpdate(doc);
	const seq = await appendUpdates(db, [
		{ documentName: name, update: state, userId, receivedAt: at }
	]);
	if (seq !== null) await writeState(db, name, state, seq);
}

/**
 * Seeds the minutes of every held demo meeting (`heldMinutes` by meeting id), each child's
 * oldest first; pass the transaction that seeds the rest.
 */
export async function seedDemoMinutes(
	db: Database,
	childIds: Map<string, string>,
	userIds: Map<string, string>,
	heldMinutes: Map<string, DemoMinutes>
): Promise<void> {
	for (const [childName, childId] of childIds) {
		const team = await namesAndAgencies(db, childId);
		const people = (key: string) => {
			const person = team.get(userIds.get(key) ?? '');
			if (!person) throw new Error(`Demo minutes refer to "${key}", not in ${childName}’s team.`);
			return person;
		};
		const closed = await db
			.select()
			.from(meetings)
			.where(and(eq(meetings.childId, childId), inArray(meetings.status, ['closed'])))
			.orderBy(asc(meetings.startsAt));
		const outcomeIds = new Map<string, string>();
		for (const meeting of closed) {
			const content = heldMinutes.get(meeting.id);
			if (!content || !meeting.closedAt || !meeting.chairId) continue;
			// Created as it would have been on the day: from the plan as it then stood, carrying
			// the previous meeting's open actions.
			const seed = await loadMeetingDocSeed(db, meeting.id, meeting.startsAt);
			if (!seed) continue;
			const plan = await loadCurrentPlan(db, childId);
			seed.plan = plan
				? { versionId: plan.id, outcomes: plan.content.outcomes, provision: plan.content.provision }
				: null;
			const doc = new Y.Doc();
			initMeetingDoc(doc, seed);
			fill(
				doc,
				content,
				ukDateOf(meeting.startsAt),
				people,
				meeting.chairId,
				meeting.closedAt,
				outcomeIds
			);
			await store(db, meetingDocumentName(meeting.id), doc, meeting.chairId, meeting.closedAt);
			if (content.restricted) {
				const restricted = new Y.Doc();
				initRestrictedDoc(restricted, meeting.id);
				for (const note of content.restricted) {
					const writer = people(note.author);
					addRestrictedNote(restricted, {
						category: note.category,
						text: note.text,
						authorUserId: writer.id,
						authorName: writer.name,
						createdAt: meeting.startsAt.toISOString()
					});
				}
				await store(
					db,
					restrictedDocumentName(meeting.id),
					restricted,
					meeting.chairId,
					meeting.closedAt
				);
			}
			await projectMeetingDoc(db, meeting, doc);
			// No live server while seeding: the documents are read as stored.
			await freezeMinutes(db, storedDocuments(db), {
				meetingId: meeting.id,
				closedBy: meeting.chairId,
				closedAt: meeting.closedAt
			});
			await recordPlanFromReview(db, storedDocuments(db), {
				meetingId: meeting.id,
				closedBy: meeting.chairId
			});
			if (content.laDecision) {
				const decidedOn = shiftDate(ukDateOf(meeting.startsAt), {
					days: content.laDecision.inDays
				});
				const decided = await recordLaDecision(
					db,
					await loadActor(db, people(content.laDecision.by).id),
					meeting.id,
					{ decision: content.laDecision.decision, decidedOn, note: content.laDecision.note },
					new Date(`${decidedOn}T16:00:00Z`)
				);
				if (!decided.ok) throw new Error(`Demo LA decision refused: ${decided.problem}`);
			}
		}
	}
}
