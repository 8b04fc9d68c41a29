import { eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { readMeetingDoc } from '../../../shared/collab/meetingDoc.ts';
import {
	meetingDocumentName,
	restrictedDocumentName
} from '../../../shared/collab/documentName.ts';
import {
	RESTRICTED_CATEGORY_LABELS,
	readRestrictedDoc
} from '../../../shared/collab/restrictedDoc.ts';
import { knownAs } from '../../../shared/domain/childNames.ts';
import { MEETING_TYPE_LABELS, TEAM_ROLE_LABELS } from '../../../shared/domain/labels.ts';
import { progressSentence } from '../../../shared/domain/plan/progressWords.ts';
import { packSendDate } from '../../../shared/domain/packs.ts';
import { ukDateOf } from '../../../shared/domain/ukCalendar.ts';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import type { Database } from '../../db/client.ts';
import { actions, meetingPacks, packReaders } from '../../db/schema.ts';
import { can, type Actor } from '../../policy.ts';
import { listOpenActions } from '../actions/openActions.ts';
import { listAdvice } from '../advice/listAdvice.ts';
import type { MeetingRecord, MeetingResource } from '../meetings/findMeeting.ts';
import { listContributions } from '../meetings/responses.ts';
import { loadCurrentPlan } from '../plan/planVersions.ts';
import { loadProgressHistory } from '../plan/progressHistory.ts';
import { adviceStatus, previousReviewStart } from './owingAdvice.ts';

/**
 * The pre-meeting pack for one reader, as it is now: the page, the PDF and latecomers all
 * get this. Restricted notes (social care, safeguarding, medical detail) are read from
 * their own documents only when the policy lets this reader see them; for anyone else
 * they are never loaded, so they cannot reach the page or the PDF.
 */

export interface PackPerson {
	userId: string;
	name: string;
	role: string;
	agency: string;
}

export interface Pack {
	meeting: { id: string; childId: string; type: string; startsAt: Date; location: string };
	childName: string;
	/** When it went out, or null before its date. */
	sentAt: Date | null;
	/** The UK date it is (or was) due; null for meetings without the advice rule. */
	dueDate: string | null;
	agenda: string[];
	advice: {
		id: string;
		title: string;
		authorName: string;
		agency: string;
		adviceDate: string;
		text: string;
	}[];
	adviceSince: Date | null;
	owing: PackPerson[];
	outcomes: { id: string; text: string; areaOfNeed: string | null; progress: string }[];
	actions: {
		id: string;
		text: string;
		ownerName: string | null;
		ownerAgency: string;
		dueDate: string | null;
		carried: boolean;
		overdue: boolean;
	}[];
	lastReview: { date: string; decisions: string[] } | null;
	contributions: { name: string; agency: string | null; text: string; submittedAt: Date }[];
	childViews: string;
	familyViews: string;
	/** Null: this reader may not see restricted notes (and none were read). */
	restricted: { category: string; text: string; authorName: string; from: string }[] | null;
}

async function readDoc(live: LiveDocuments, name: string): Promise<Y.Doc | null> {
	return (await live.exists(name)) ? live.read(name) : null;
}

async function restrictedNotes(live: LiveDocuments, meetingId: string, from: string) {
	const doc = await readDoc(live, restrictedDocumentName(meetingId));
	if (!doc) return [];
	return readRestrictedDoc(doc).notes.flatMap((note) =>
		note.text.trim()
			? [
					{
						category: note.category ? RESTRICTED_CATEGORY_LABELS[note.category] : 'Restricted',
						text: note.text,
						authorName: note.authorName,
						from
					}
				]
			: []
	);
}

export async function buildPack(
	db: Database,
	live: LiveDocuments,
	meeting: MeetingRecord,
	reader: { actor: Actor; resource: MeetingResource },
	now: Date
): Promise<Pack> {
	const [status, previous, plan, openActions, contributions, advice, packRow, doc] =
		await Promise.all([
			adviceStatus(db, meeting),
			previousReviewStart(db, meeting),
			loadCurrentPlan(db, meeting.childId),
			listOpenActions(db, eq(actions.childId, meeting.childId), now),
			listContributions(db, meeting.id),
			listAdvice(db, meeting.childId, now),
			db.select().from(meetingPacks).where(eq(meetingPacks.meetingId, meeting.id)),
			readDoc(live, meetingDocumentName(meeting.id))
		]);
	const planOutcomes = plan?.content.outcomes ?? [];
	const history = await loadProgressHistory(db, meeting.childId, {
		upTo: meeting.startsAt,
		excludeMeetingId: meeting.id,
		outcomeIds: planOutcomes.map((outcome) => outcome.id)
	});
	const previousDoc = previous ? await readDoc(live, meetingDocumentName(previous.id)) : null;
	const snapshot = doc ? readMeetingDoc(doc) : null;
	const mayReadRestricted = can(reader.actor, 'meeting.viewRestricted', reader.resource);
	const previousDate = previous ? ukDateOf(previous.startsAt) : null;
	return {
		meeting: {
			id: meeting.id,
			childId: meeting.childId,
			type: MEETING_TYPE_LABELS[meeting.type] ?? meeting.type,
			startsAt: meeting.startsAt,
			location: meeting.location
		},
		childName: knownAs(meeting.child),
		sentAt: packRow[0]?.sentAt ?? packRow[0]?.claimedAt ?? null,
		dueDate: packSendDate(meeting.type, meeting.startsAt),
		agenda: meeting.agenda.map((item) => item.title),
		advice: advice
			.filter((item) => status.since === null || item.createdAt >= status.since)
			.map(({ id, title, authorName, agency, adviceDate, text }) => ({
				id,
				title,
				authorName,
				agency,
				adviceDate,
				text
			})),
		adviceSince: status.since,
		owing: status.owing.map((invitee) => ({
			userId: invitee.userId,
			name: invitee.name,
			role: TEAM_ROLE_LABELS[invitee.teamRole ?? ''] ?? invitee.teamRole ?? '',
			agency: invitee.agency ?? ''
		})),
		outcomes: planOutcomes.map((outcome) => ({
			id: outcome.id,
			text: outcome.text,
			areaOfNeed: outcome.areaOfNeed,
			progress: progressSentence(
				outcome.text,
				history.find((item) => item.outcomeId === outcome.id)?.points ?? [],
				{ latest: 'dated' }
			)
		})),
		actions: openActions.map((action) => ({
			id: action.id,
			text: action.text,
			ownerName: action.ownerName,
			ownerAgency: action.ownerAgency,
			dueDate: action.dueDate,
			carried: action.carried,
			overdue: action.overdue
		})),
		lastReview:
			previous && previousDate
				? {
						date: previousDate,
						decisions: previousDoc
							? readMeetingDoc(previousDoc)
									.decisions.map((decision) => decision.text.text.trim())
									.filter(Boolean)
							: []
					}
				: null,
		contributions: contributions.map(({ name, agency, text, submittedAt }) => ({
			name,
			agency,
			text,
			submittedAt
		})),
		childViews: snapshot?.childViews.text.trim() ?? '',
		familyViews: snapshot?.familyViews.text.trim() ?? '',
		restricted: mayReadRestricted
			? [
					...(previous && previousDate
						? await restrictedNotes(live, previous.id, `the review on ${previousDate}`)
						: []),
					...(await restrictedNotes(live, meeting.id, 'this meeting, written in advance'))
				]
			: null
	};
}

/** Records that the reader opened the pack (their first and latest time, and how often). */
export async function recordPackOpened(
	db: Database,
	meetingId: string,
	userId: string,
	now: Date
): Promise<void> {
	await db
		.insert(packReaders)
		.values({ meetingId, userId, firstOpenedAt: now, lastOpenedAt: now, openCount: 1 })
		.onConflictDoUpdate({
			target: [packReaders.meetingId, packReaders.userId],
			set: {
				firstOpenedAt: sql`coalesce(${packReaders.firstOpenedAt}, ${now.toISOString()}::timestamptz)`,
				lastOpenedAt: now,
				openCount: sql`${packReaders.openCount} + 1`
			}
		});
}
