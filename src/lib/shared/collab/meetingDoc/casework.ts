import type * as Y from 'yjs';
import { addAttendee, addContribution, setAttendanceStatus, setFieldText } from './change.ts';
import { carryActionForward } from './changeActions.ts';
import { change } from './changeHelpers.ts';
import { putChildVoice, readChildVoice } from './childVoice.ts';
import { catchUpWithPlan } from './fromPlan.ts';
import { readActions, readAttendance, readContributions } from './read.ts';
import type { ChangeAuthor, MeetingDocSeed } from './types.ts';

/** What reconciling changed, for the log and for tests. */
export interface CaseworkChanges {
	attendeesAdded: number;
	attendanceChanged: number;
	contributionsAdded: number;
	contributionsUpdated: number;
	actionsCarried: number;
	planItemsAdded: number;
	/** The child's views sent (or sent again) through their link since the last time. */
	childVoicePut: number;
}

/**
 * Brings the parts of a meeting document that come from the casework in line with it
 * again, after the document was created: people who joined the team, answers to the
 * invitation (apologies, or attending after all), written contributions sent in or
 * rewritten, open actions of the previous meeting not carried forward yet, and what a
 * newer version of the child's plan holds that the document has not seen. What
 * people wrote or decided in the meeting is left alone: an attendee marked present stays
 * present, nobody is removed, and a contribution is rewritten only when its author sent
 * a newer version. What the child sent through their link is added, or replaced when
 * they sent it again. Keyed by ids, so it can run again and again without duplicating.
 */
export function reconcileCasework(
	doc: Y.Doc,
	seed: MeetingDocSeed,
	author: ChangeAuthor
): CaseworkChanges {
	const changes: CaseworkChanges = {
		attendeesAdded: 0,
		attendanceChanged: 0,
		contributionsAdded: 0,
		contributionsUpdated: 0,
		actionsCarried: 0,
		planItemsAdded: 0,
		childVoicePut: 0
	};
	change(doc, () => {
		const attendance = readAttendance(doc);
		for (const attendee of seed.attendees) {
			if (attendee.userId === null) continue;
			const present = attendance.find((entry) => entry.userId === attendee.userId);
			const status = attendee.status ?? 'expected';
			if (!present) {
				addAttendee(doc, attendee);
				changes.attendeesAdded += 1;
			} else if (present.status !== 'present' && present.status !== status) {
				setAttendanceStatus(doc, present.id, status);
				changes.attendanceChanged += 1;
			}
		}

		const contributions = readContributions(doc);
		for (const contribution of seed.contributions) {
			const existing = contributions.find(
				(entry) => entry.authorUserId !== null && entry.authorUserId === contribution.authorUserId
			);
			if (!existing) {
				addContribution(doc, contribution);
				changes.contributionsAdded += 1;
			} else if (
				existing.submittedAt !== contribution.submittedAt &&
				existing.text.text !== contribution.text
			) {
				setFieldText(doc, existing.text.fieldId, contribution.text);
				changes.contributionsUpdated += 1;
			}
		}

		const voices = new Map(readChildVoice(doc).map((entry) => [entry.submissionId, entry]));
		for (const entry of seed.childVoice ?? []) {
			if (voices.get(entry.submissionId)?.submittedAt === entry.submittedAt) continue;
			putChildVoice(doc, entry);
			changes.childVoicePut += 1;
		}

		// Before the carried actions, so that an action serving a new outcome finds it.
		if (seed.plan) changes.planItemsAdded = catchUpWithPlan(doc, seed.plan);

		const carried = new Set(
			readActions(doc)
				.map((action) => action.carriedFrom?.actionId)
				.filter((id): id is string => id !== undefined)
		);
		for (const action of seed.carriedActions) {
			if (carried.has(action.actionId)) continue;
			carryActionForward(doc, action, author);
			changes.actionsCarried += 1;
		}
	});
	return changes;
}
