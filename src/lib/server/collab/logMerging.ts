import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../db/client.ts';

/**
 * Merging an update log's old rows. The live server logs every update it receives: one
 * keystroke, one row, about 5.6× the bytes of the document it builds (and a row header
 * each). History only needs who wrote what to the minute, so once rows are a few minutes
 * old one person's consecutive updates within one calendar minute are merged
 * (Y.mergeUpdates) into the last of them, which keeps its seq and time; the row records
 * how many updates it holds and when the first arrived. Replaying the log gives the same
 * document, the timeline the same entries, and the document "as it was" at any minute's
 * end the same content.
 */

export interface LogRowSummary {
	seq: number;
	userId: string | null;
	receivedAt: Date;
	firstReceivedAt: Date | null;
	updateCount: number;
}

const MINUTE_MS = 60_000;
const minuteOf = (at: Date) => Math.floor(at.getTime() / MINUTE_MS);

/**
 * Groups rows (in log order) into runs that may be merged: consecutive rows of one author
 * within one calendar minute. Only runs of two or more rows are returned.
 */
export function mergeableRuns(rows: readonly LogRowSummary[]): LogRowSummary[][] {
	const runs: LogRowSummary[][] = [];
	let run: LogRowSummary[] = [];
	const close = () => {
		if (run.length > 1) runs.push(run);
		run = [];
	};
	for (const row of rows) {
		const first = run[0];
		if (
			first &&
			(first.userId !== row.userId || minuteOf(first.receivedAt) !== minuteOf(row.receivedAt))
		)
			close();
		run.push(row);
	}
	close();
	return runs;
}

export interface MergeResult {
	/** Rows read and considered. */
	examined: number;
	/** Rows removed, their updates folded into the last row of their run. */
	removed: number;
	/** True when more old rows remain than one call takes: call again after `lastSeq`. */
	more: boolean;
	/** The seq of the last row considered. */
	lastSeq: number;
}

interface SummaryRow {
	seq: string | number;
	user_id: string | null;
	received_at: string | Date;
	first_received_at: string | Date | null;
	update_count: number;
}

interface UpdateRow {
	seq: string | number;
	update: Uint8Array;
}

/** A raw query's rows: postgres.js returns them as the result, PGlite in `rows`. */
function rowsOf<Row>(result: unknown): Row[] {
	return Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows;
}

const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

/**
 * Merges the mergeable runs among a document's log rows received before `before` (a
 * minute boundary, so no minute is split), taking at most `maxRows` rows after seq
 * `afterSeq`, oldest first. A run cut by that limit is merged as far as it goes: merging
 * is associative, so the rest joins a later call's run or stays a row of its own.
 * Only the log's prefix older than `before` is considered, so a newer row between two
 * old ones still separates them. One transaction, under an advisory lock per document, so
 * two servers never merge the same log at once; rows are only updated and deleted, never
 * inserted, so a merge racing an erasure cannot bring anything back.
 */
export async function mergeOldLogRows(
	db: Database,
	documentName: string,
	before: Date,
	{ afterSeq = 0, maxRows = 5000 }: { afterSeq?: number; maxRows?: number } = {}
): Promise<MergeResult> {
	return db.transaction(async (tx) => {
		await tx.execute(
			sql`select pg_advisory_xact_lock(hashtext(${'coplan-log-merge:' + documentName}))`
		);
		const summaries = rowsOf<SummaryRow>(
			await tx.execute(sql`
				select seq, user_id, received_at, first_received_at, update_count
				from document_updates
				where document_name = ${documentName}
				  and seq > ${afterSeq}
				  and seq < coalesce(
				    (select min(seq) from document_updates
				     where document_name = ${documentName} and received_at >= ${before.toISOString()}::timestamptz),
				    9223372036854775807)
				order by seq
				limit ${maxRows}`)
		).map((row): LogRowSummary => ({
			seq: Number(row.seq),
			userId: row.user_id,
			receivedAt: toDate(row.received_at),
			firstReceivedAt: row.first_received_at === null ? null : toDate(row.first_received_at),
			updateCount: Number(row.update_count)
		}));
		const unchanged = {
			examined: summaries.length,
			removed: 0,
			more: summaries.length === maxRows,
			lastSeq: summaries.at(-1)?.seq ?? afterSeq
		};
		const runs = mergeableRuns(summaries);
		if (runs.length === 0) return unchanged;

		const seqs = runs.flat().map((row) => row.seq);
		const updates = new Map(
			rowsOf<UpdateRow>(
				await tx.execute(
					sql`select seq, update from document_updates where seq = any(${`{${seqs.join(',')}}`}::bigint[])`
				)
			).map((row) => [Number(row.seq), new Uint8Array(row.update)])
		);
		const merged = runs.flatMap((run) => {
			const parts = run.map((row) => updates.get(row.seq));
			// A row erased since the summaries were read: leave the run to a later call.
			if (parts.some((part) => part === undefined)) return [];
			const last = run[run.length - 1];
			const first = run[0];
			if (!last || !first) return [];
			return [
				{
					seq: last.seq,
					update: Buffer.from(Y.mergeUpdates(parts as Uint8Array[])).toString('base64'),
					update_count: run.reduce((sum, row) => sum + row.updateCount, 0),
					first_received_at: (first.firstReceivedAt ?? first.receivedAt).toISOString(),
					removed: run.slice(0, -1).map((row) => row.seq)
				}
			];
		});
		if (merged.length === 0) return unchanged;
		const removed = merged.flatMap((run) => run.removed);
		const replacements = merged.map((run) => ({
			seq: run.seq,
			update: run.update,
			update_count: run.update_count,
			first_received_at: run.first_received_at
		}));
		await tx.execute(sql`
			update document_updates as target
			set update = decode(source.update, 'base64'),
			    update_count = source.update_count,
			    first_received_at = source.first_received_at
			from json_to_recordset(${JSON.stringify(replacements)}::json)
			  as source(seq bigint, update text, update_count integer, first_received_at timestamptz)
			where target.seq = source.seq`);
		await tx.execute(
			sql`delete from document_updates where seq = any(${`{${removed.join(',')}}`}::bigint[])`
		);
		return { ...unchanged, removed: removed.length };
	});
}
