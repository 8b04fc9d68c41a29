import { and, desc, eq } from 'drizzle-orm';
import { formatUkDateTime } from '../../../shared/domain/ukCalendar.ts';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import type { Database } from '../../db/client.ts';
import { auditEvents } from '../../db/schema.ts';
import type { SectionChanges } from '../../../shared/viewModels/minutesChanges.ts';
import type { ExportContext, Minutes, RestrictedMinutes } from '../../minutes/minutesTypes.ts';
import { can, type Actor } from '../../policy.ts';
import type { MeetingRecord, MeetingResource } from '../meetings/findMeeting.ts';
import { currentMinutes } from './currentMinutes.ts';
import {
	changesSincePrevious,
	freezeMinutes,
	listMinutesVersions,
	loadMinutesVersion,
	type VersionSummary
} from './minutesVersions.ts';

/**
 * The minutes one person may read: a frozen version, or the draft while the meeting is
 * open. Restricted notes are included only for people the policy lets read them
 * ('meeting.viewRestricted'); everyone else's copy never holds them. The export context
 * says who is reading (exporting) and when, for the stamp on every copy.
 */

export type MinutesSelection = { kind: 'draft' } | { kind: 'version'; number: number };

/** "draft" or a version number ("1", "2"…); anything else is not a page. */
export function parseSelection(value: string): MinutesSelection | null {
	if (value === 'draft') return { kind: 'draft' };
	if (!/^[1-9]\d{0,5}$/.test(value)) return null;
	return { kind: 'version', number: Number(value) };
}

export interface ReadableMinutes {
	selection: MinutesSelection;
	minutes: Minutes;
	restricted: RestrictedMinutes | null;
	context: ExportContext;
	/** What changed since the previous version (null for the draft and version 1). */
	changes: SectionChanges[] | null;
}

export interface Reader {
	actor: Actor;
	name: string;
}

export async function readMinutes(
	db: Database,
	live: LiveDocuments,
	meeting: MeetingRecord,
	resource: MeetingResource,
	reader: Reader,
	selection: MinutesSelection,
	now = new Date()
): Promise<ReadableMinutes | null> {
	const mayReadRestricted = can(reader.actor, 'meeting.viewRestricted', resource);
	const exported = { exportedByName: reader.name, exportedAt: formatUkDateTime(now) };
	if (selection.kind === 'draft') {
		if (meeting.status === 'closed') return null;
		const current = await currentMinutes(db, live, meeting.id);
		if (!current) return null;
		return {
			selection,
			minutes: current.minutes,
			restricted: mayReadRestricted ? (current.restricted ?? { notes: [] }) : null,
			context: { version: null, ...exported },
			changes: null
		};
	}
	const frozen = await loadMinutesVersion(db, meeting.id, selection.number);
	if (!frozen) return null;
	return {
		selection,
		minutes: frozen.minutes,
		restricted: mayReadRestricted ? (frozen.restricted ?? { notes: [] }) : null,
		context: {
			version: {
				number: frozen.version,
				closedByName: frozen.closedByName,
				closedAt: formatUkDateTime(frozen.closedAt),
				contentHash: frozen.contentHash,
				restrictedHash: frozen.restrictedHash
			},
			...exported
		},
		changes: await changesSincePrevious(db, meeting.id, frozen.version)
	};
}

/**
 * The versions of a meeting's minutes. A closed meeting whose close has no version yet
 * (closed before minutes were frozen, or freezing failed) gets it now: the document has
 * been read-only since the close, so it is the same as it was then.
 */
export async function minutesVersionsOf(
	db: Database,
	live: LiveDocuments,
	meeting: MeetingRecord
): Promise<VersionSummary[]> {
	const versions = await listMinutesVersions(db, meeting.id);
	const { closedAt } = meeting;
	if (meeting.status !== 'closed' || !closedAt) return versions;
	if (versions.some((version) => version.closedAt.getTime() === closedAt.getTime()))
		return versions;
	const [closing] = await db
		.select({ actorId: auditEvents.actorId })
		.from(auditEvents)
		.where(and(eq(auditEvents.subjectId, meeting.id), eq(auditEvents.action, 'meeting.closed')))
		.orderBy(desc(auditEvents.occurredAt))
		.limit(1);
	await freezeMinutes(db, live, {
		meetingId: meeting.id,
		closedBy: closing?.actorId ?? meeting.chairId,
		closedAt
	});
	return listMinutesVersions(db, meeting.id);
}
