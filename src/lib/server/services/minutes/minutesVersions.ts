import { and, asc, desc, eq } from 'drizzle-orm';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import type { Database } from '../../db/client.ts';
import { meetings, minutesVersions, users } from '../../db/schema.ts';
import { fingerprint } from '../../minutes/fingerprint.ts';
import type { SectionChanges } from '../../../shared/viewModels/minutesChanges.ts';
import { diffMinutes } from '../../minutes/minutesDiff.ts';
import {
	MINUTES_FORMAT_VERSION,
	type Minutes,
	type RestrictedMinutes
} from '../../minutes/minutesTypes.ts';
import { currentMinutes } from './currentMinutes.ts';

/**
 * Frozen minutes: when the chair closes a meeting, the minutes as they stand are stored
 * as the next version (1, 2, …) with the documents' Yjs states, who closed it, when, and
 * SHA-256 fingerprints. Versions are only ever inserted; earlier ones stay readable, and
 * what changed between two versions is worked out from their stored minutes.
 */

export interface VersionSummary {
	version: number;
	closedByName: string;
	closedAt: Date;
	contentHash: string;
}

export interface FrozenMinutes extends VersionSummary {
	minutes: Minutes;
	/** Null when the meeting had no restricted notes document at the close. */
	restricted: RestrictedMinutes | null;
	restrictedHash: string | null;
}

export interface FreezeRequest {
	meetingId: string;
	closedBy: string | null;
	/** The meeting's closedAt, which identifies the close. */
	closedAt: Date;
}

/**
 * Freezes the minutes for one close of the meeting. Doing it twice for the same close
 * stores nothing new (the version for that close is returned), so it is safe to retry.
 */
export async function freezeMinutes(
	db: Database,
	live: LiveDocuments,
	request: FreezeRequest
): Promise<VersionSummary | null> {
	const existing = await versionForClose(db, request.meetingId, request.closedAt);
	if (existing) return existing;
	const current = await currentMinutes(db, live, request.meetingId);
	if (!current) return null;
	const [closer] = request.closedBy
		? await db.select({ name: users.name }).from(users).where(eq(users.id, request.closedBy))
		: [];
	const contentHash = fingerprint(current.minutes);
	return db.transaction(async (tx) => {
		// One close at a time per meeting: the row lock orders concurrent freezes.
		await tx
			.select({ id: meetings.id })
			.from(meetings)
			.where(eq(meetings.id, request.meetingId))
			.for('update');
		const [last] = await tx
			.select({ version: minutesVersions.version })
			.from(minutesVersions)
			.where(eq(minutesVersions.meetingId, request.meetingId))
			.orderBy(desc(minutesVersions.version))
			.limit(1);
		const [row] = await tx
			.insert(minutesVersions)
			.values({
				meetingId: request.meetingId,
				version: (last?.version ?? 0) + 1,
				documentState: current.documentState,
				restrictedState: current.restrictedState,
				content: current.minutes,
				restrictedContent: current.restricted,
				contentHash,
				restrictedHash: current.restricted ? fingerprint(current.restricted) : null,
				closedBy: request.closedBy,
				closedByName: closer?.name ?? 'Coplan',
				closedAt: request.closedAt
			})
			.onConflictDoNothing()
			.returning();
		if (!row) return versionForClose(tx, request.meetingId, request.closedAt);
		return summary(row);
	});
}

function summary(row: typeof minutesVersions.$inferSelect): VersionSummary {
	return {
		version: row.version,
		closedByName: row.closedByName,
		closedAt: row.closedAt,
		contentHash: row.contentHash
	};
}

async function versionForClose(
	db: Database,
	meetingId: string,
	closedAt: Date
): Promise<VersionSummary | null> {
	const [row] = await db
		.select()
		.from(minutesVersions)
		.where(and(eq(minutesVersions.meetingId, meetingId), eq(minutesVersions.closedAt, closedAt)));
	return row ? summary(row) : null;
}

export async function listMinutesVersions(
	db: Database,
	meetingId: string
): Promise<VersionSummary[]> {
	const rows = await db
		.select({
			version: minutesVersions.version,
			closedByName: minutesVersions.closedByName,
			closedAt: minutesVersions.closedAt,
			contentHash: minutesVersions.contentHash
		})
		.from(minutesVersions)
		.where(eq(minutesVersions.meetingId, meetingId))
		.orderBy(asc(minutesVersions.version));
	return rows;
}

/** Stored minutes are Coplan's own JSON; a format this code does not know is refused. */
function storedMinutes(content: unknown): Minutes {
	const minutes = content as Minutes | null;
	if (minutes?.formatVersion !== MINUTES_FORMAT_VERSION) {
		throw new Error(`Unknown minutes format ${String(minutes?.formatVersion)}`);
	}
	return minutes;
}

export async function loadMinutesVersion(
	db: Database,
	meetingId: string,
	version: number
): Promise<FrozenMinutes | null> {
	const [row] = await db
		.select()
		.from(minutesVersions)
		.where(and(eq(minutesVersions.meetingId, meetingId), eq(minutesVersions.version, version)));
	if (!row) return null;
	return {
		...summary(row),
		minutes: storedMinutes(row.content),
		restricted: (row.restrictedContent as RestrictedMinutes | null) ?? null,
		restrictedHash: row.restrictedHash
	};
}

/** What changed from the version before this one; null for version 1. */
export async function changesSincePrevious(
	db: Database,
	meetingId: string,
	version: number
): Promise<SectionChanges[] | null> {
	if (version <= 1) return null;
	const [previous, current] = await Promise.all([
		loadMinutesVersion(db, meetingId, version - 1),
		loadMinutesVersion(db, meetingId, version)
	]);
	if (!previous || !current) return null;
	return diffMinutes(previous.minutes, current.minutes);
}
