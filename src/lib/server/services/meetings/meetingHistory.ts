import { inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import {
	readMeetingDoc,
	sectionsTouched,
	type MeetingDocSnapshot,
	type MeetingSection
} from '../../../shared/collab/meetingDoc.ts';
import { readLog, replayLog, type StoredUpdate } from '../../collab/documentStore.ts';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';

/**
 * A meeting's history, from its update log (every update the live document received,
 * with its author and arrival time): who changed which sections when, and the document
 * as it was at any moment. The log is replayed into a Y.Doc from the start; the caller
 * has checked that the user may view the meeting.
 */

export interface HistoryEntry {
	/** null: changes Coplan made itself (creating the document from casework, upgrades). */
	userId: string | null;
	userName: string | null;
	/** The minute these changes were made in. */
	minute: Date;
	firstAt: Date;
	lastAt: Date;
	sections: MeetingSection[];
	/** How many updates were received in that minute from that person. */
	updates: number;
}

const MINUTE_MS = 60_000;

/** Replays the log, naming the sections each update touched. */
function sectionsPerUpdate(log: StoredUpdate[]): MeetingSection[][] {
	const doc = new Y.Doc();
	let touched: MeetingSection[] = [];
	doc.on('afterTransaction', (transaction: Y.Transaction) => {
		touched = [...touched, ...sectionsTouched(doc, transaction)];
	});
	try {
		return log.map((row) => {
			touched = [];
			Y.applyUpdate(doc, row.update);
			return [...new Set(touched)];
		});
	} finally {
		doc.destroy();
	}
}

/**
 * Edits received in the last fraction of a second are still in the live server's batch;
 * a history opened straight after an edit must show it. If writing fails the live server
 * keeps retrying, and the history shows what the database holds.
 */
async function flushPending(live: LiveDocuments, name: string): Promise<void> {
	await live.flush(name).catch(() => undefined);
}

/** Who changed what, grouped by person and minute, oldest first. */
export async function meetingTimeline(
	db: Database,
	live: LiveDocuments,
	meetingId: string
): Promise<HistoryEntry[]> {
	const name = meetingDocumentName(meetingId);
	await flushPending(live, name);
	const log = await readLog(db, name);
	const sections = sectionsPerUpdate(log);
	const groups = new Map<string, HistoryEntry>();
	log.forEach((row, index) => {
		const minute = new Date(Math.floor(row.receivedAt.getTime() / MINUTE_MS) * MINUTE_MS);
		const key = `${row.userId ?? 'coplan'}|${minute.getTime()}`;
		// A merged row (logMerging.ts) holds several updates of one person in one minute.
		const group = groups.get(key) ?? {
			userId: row.userId,
			userName: null,
			minute,
			firstAt: row.firstReceivedAt ?? row.receivedAt,
			lastAt: row.receivedAt,
			sections: [],
			updates: 0
		};
		group.lastAt = row.receivedAt;
		group.updates += row.updateCount;
		group.sections = [...new Set([...group.sections, ...(sections[index] ?? [])])];
		groups.set(key, group);
	});
	const entries = [...groups.values()].sort((a, b) => a.firstAt.getTime() - b.firstAt.getTime());
	const authorIds = [...new Set(entries.flatMap((entry) => (entry.userId ? [entry.userId] : [])))];
	if (authorIds.length > 0) {
		const names = await db
			.select({ id: users.id, name: users.name })
			.from(users)
			.where(inArray(users.id, authorIds));
		const nameOf = new Map(names.map((row) => [row.id, row.name]));
		for (const entry of entries)
			entry.userName = entry.userId ? (nameOf.get(entry.userId) ?? null) : null;
	}
	return entries;
}

/**
 * The meeting document as it was at a moment: every update received up to then, replayed.
 * Null if the document did not exist yet.
 */
export async function meetingAsOf(
	db: Database,
	live: LiveDocuments,
	meetingId: string,
	at: Date
): Promise<MeetingDocSnapshot | null> {
	const name = meetingDocumentName(meetingId);
	await flushPending(live, name);
	const log = await readLog(db, name, at);
	if (log.length === 0) return null;
	const doc = replayLog(log);
	try {
		return readMeetingDoc(doc);
	} finally {
		doc.destroy();
	}
}
