import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../db/client.ts';
import { documents, documentUpdates } from '../db/schema.ts';

/**
 * Storage of live documents: a compacted state per document plus the append-only log of
 * every update with its author. The state holds every log row up to `compactedSeq`; a
 * document is therefore the state with the later rows applied on top. Log rows are the
 * history (who changed what, when) and allow a replay to any minute: once a few minutes
 * old, one person's consecutive rows within a minute are merged into one (logMerging.ts);
 * otherwise they are deleted only with the record they belong to.
 */

export interface LoggedUpdate {
	documentName: string;
	update: Uint8Array;
	userId: string | null;
	receivedAt: Date;
}

export interface StoredUpdate extends LoggedUpdate {
	seq: number;
	/** How many received updates the row holds: more than one once merged (logMerging.ts). */
	updateCount: number;
	/** When the first of a merged row's updates arrived; null for a single update. */
	firstReceivedAt: Date | null;
}

/** Names the advisory lock of a document's log (see insertUpdates). */
const DOCUMENT_LOCK_PREFIX = 'coplan-document:';

/**
 * Appends updates (of any documents) in one statement, in the given order; their seqs.
 * The rows travel as one JSON parameter, so the statement's text is the same whatever
 * their number: the driver prepares it once, where a multi-row VALUES list would be a new
 * statement (parsed, described and cached on both sides) for every batch size.
 */
export async function insertUpdates(
	db: Database,
	rows: LoggedUpdate[]
): Promise<{ documentName: string; seq: number }[]> {
	if (rows.length === 0) return [];
	const json = JSON.stringify(
		rows.map((row, position) => ({
			position,
			document_name: row.documentName,
			update: Buffer.from(row.update.buffer, row.update.byteOffset, row.update.byteLength).toString(
				'base64'
			),
			user_id: row.userId,
			received_at: row.receivedAt.toISOString()
		}))
	);
	// Ordered by position: the sequence hands out seqs in the order rows are inserted.
	// Each document's lock is taken, shared, before any seq is drawn (an InitPlan runs
	// first): a compaction holding it exclusively (lockDocumentForCompaction) then sees
	// every row whose seq is below the ones it reads, even with several servers writing.
	const result = await db.execute(sql`
		with incoming as materialized (
			select * from json_to_recordset(${json}::json) as row(
				position integer, document_name text, update text, user_id uuid, received_at timestamptz
			)
		)
		insert into document_updates (document_name, update, user_id, received_at)
		select row.document_name, decode(row.update, 'base64'), row.user_id, row.received_at
		from incoming as row
		where (
			select count(pg_advisory_xact_lock_shared(hashtext(${DOCUMENT_LOCK_PREFIX} || name)))
			from (select distinct document_name as name from incoming) as names
		) >= 0
		order by row.position
		returning document_name, seq`);
	// A raw query's rows: postgres.js returns them as the result, PGlite in `rows`; seq is
	// a bigint, which postgres.js hands over as a string.
	const written = result as WrittenRow[] | { rows: WrittenRow[] };
	return (Array.isArray(written) ? written : written.rows).map((row) => ({
		documentName: row.document_name,
		seq: Number(row.seq)
	}));
}

interface WrittenRow {
	document_name: string;
	seq: string | number;
}

/**
 * Inside a transaction: waits for every insert of the document's log rows under way to
 * commit, and holds new ones back until the transaction ends. Rows read afterwards have
 * no gap below their seqs that a later commit could fill (the sequence hands out seqs
 * before the rows commit), so a state may claim to hold every row up to the last read.
 */
export async function lockDocumentForCompaction(tx: Database, documentName: string): Promise<void> {
	await tx.execute(
		sql`select pg_advisory_xact_lock(hashtext(${DOCUMENT_LOCK_PREFIX + documentName}))`
	);
}

/** Appends updates in the given order; returns the highest seq written. */
export async function appendUpdates(db: Database, rows: LoggedUpdate[]): Promise<number | null> {
	const written = await insertUpdates(db, rows);
	return written.length === 0 ? null : Math.max(...written.map((row) => row.seq));
}

/**
 * Writes a compacted state. A state that folds in fewer log rows than the stored one never
 * replaces it, so a slow writer cannot roll the document back.
 */
export async function writeState(
	db: Database,
	documentName: string,
	state: Uint8Array,
	compactedSeq: number
): Promise<void> {
	await db
		.insert(documents)
		.values({ name: documentName, state, compactedSeq })
		.onConflictDoUpdate({
			target: documents.name,
			set: { state, compactedSeq, updatedAt: sql`now()` },
			setWhere: sql`${documents.compactedSeq} <= ${compactedSeq}`
		});
}

export interface StoredDocument {
	state: Uint8Array | null;
	compactedSeq: number;
	/** Log rows after the state, oldest first. */
	pending: StoredUpdate[];
}

/** Prepared statements: every document opened from the database reads both. */
export async function readStoredDocument(
	db: Database,
	documentName: string
): Promise<StoredDocument> {
	const [row] = await db
		.select({ state: documents.state, compactedSeq: documents.compactedSeq })
		.from(documents)
		.where(eq(documents.name, sql.placeholder('documentName')))
		.prepare('document_state')
		.execute({ documentName });
	const compactedSeq = row?.compactedSeq ?? 0;
	const pending = await db
		.select()
		.from(documentUpdates)
		.where(
			and(
				eq(documentUpdates.documentName, sql.placeholder('documentName')),
				gt(documentUpdates.seq, sql.placeholder('compactedSeq'))
			)
		)
		.orderBy(asc(documentUpdates.seq))
		.prepare('document_log_after')
		.execute({ documentName, compactedSeq });
	return { state: row?.state ?? null, compactedSeq, pending };
}

/** Applies a stored document to a Y.Doc: the state, then each later update in order. */
export function applyStoredDocument(doc: Y.Doc, stored: StoredDocument, origin?: unknown): void {
	doc.transact(() => {
		if (stored.state) Y.applyUpdate(doc, stored.state);
		for (const row of stored.pending) Y.applyUpdate(doc, row.update);
	}, origin);
}

/** A new Y.Doc made by replaying log rows in order: the document as of the last of them. */
export function replayLog(log: readonly StoredUpdate[]): Y.Doc {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const row of log) Y.applyUpdate(doc, row.update);
	});
	return doc;
}

/**
 * Folds the log into the state by applying the updates to a Y.Doc (not Y.mergeUpdates,
 * which is slow over long logs). Returns the number of rows folded in.
 */
export async function compactDocument(db: Database, documentName: string): Promise<number> {
	const stored = await readStoredDocument(db, documentName);
	const last = stored.pending.at(-1);
	if (!last) return 0;
	const doc = new Y.Doc();
	try {
		applyStoredDocument(doc, stored);
		await writeState(db, documentName, Y.encodeStateAsUpdate(doc), last.seq);
	} finally {
		doc.destroy();
	}
	return stored.pending.length;
}

/** The highest log seq of a document (0 when it has none). */
export async function lastLoggedSeq(db: Database, documentName: string): Promise<number> {
	const [row] = await db
		.select({ seq: documentUpdates.seq })
		.from(documentUpdates)
		.where(eq(documentUpdates.documentName, documentName))
		.orderBy(desc(documentUpdates.seq))
		.limit(1);
	return row?.seq ?? 0;
}

/** The whole log of a document, oldest first, optionally only up to a moment. */
export async function readLog(
	db: Database,
	documentName: string,
	until?: Date
): Promise<StoredUpdate[]> {
	return db
		.select()
		.from(documentUpdates)
		.where(
			and(
				eq(documentUpdates.documentName, documentName),
				until ? lte(documentUpdates.receivedAt, until) : undefined
			)
		)
		.orderBy(asc(documentUpdates.seq));
}

/** The document as it is now in the database (for services outside the live server). */
export async function loadStoredDoc(db: Database, documentName: string): Promise<Y.Doc> {
	const doc = new Y.Doc();
	applyStoredDocument(doc, await readStoredDocument(db, documentName));
	return doc;
}

/** Whether a document has ever been stored (a state or any logged update). */
export async function documentExists(db: Database, documentName: string): Promise<boolean> {
	const [state] = await db
		.select({ name: documents.name })
		.from(documents)
		.where(eq(documents.name, documentName))
		.limit(1);
	if (state) return true;
	const [logged] = await db
		.select({ seq: documentUpdates.seq })
		.from(documentUpdates)
		.where(eq(documentUpdates.documentName, documentName))
		.limit(1);
	return logged !== undefined;
}
