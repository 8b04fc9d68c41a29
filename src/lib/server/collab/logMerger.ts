import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { mergeOldLogRows } from './logMerging.ts';

export interface LogMergerOptions {
	/** Rows are merged once they are this old (five minutes by default). */
	ageMs?: number;
	/** How often the documents written to are visited (a minute by default). */
	everyMs?: number;
	now?: () => number;
}

const MINUTE_MS = 60_000;

/**
 * Merges the old rows of every document this server has logged to (and of every
 * document it loaded, so logs written before merging existed are merged when next used),
 * off the write path: a visit every minute, one document at a time. A document is
 * visited until everything it logged is old enough to have been merged.
 */
export class LogMerger {
	private readonly db: Database;
	private readonly log: Logger;
	private readonly ageMs: number;
	private readonly now: () => number;
	/** Each document to visit, with when it was last logged to (0: only loaded). */
	private readonly due = new Map<string, number>();
	private readonly timer: ReturnType<typeof setInterval>;
	private visiting: Promise<void> | null = null;

	constructor(db: Database, logger: Logger, options: LogMergerOptions = {}) {
		this.db = db;
		this.log = logger;
		this.ageMs = options.ageMs ?? 5 * MINUTE_MS;
		this.now = options.now ?? Date.now;
		this.timer = setInterval(() => void this.visitAll(), options.everyMs ?? MINUTE_MS);
		this.timer.unref();
	}

	/** The document's log has new rows. */
	noteLogged(documentName: string): void {
		this.due.set(documentName, this.now());
	}

	/** The document was loaded: its log may hold rows from before merging existed. */
	noteLoaded(documentName: string): void {
		if (!this.due.has(documentName)) this.due.set(documentName, 0);
	}

	/** The documents are being erased: never visit them again. */
	forget(documentNames: readonly string[]): void {
		for (const name of documentNames) this.due.delete(name);
	}

	/** Visits every due document once (the timer's work; tests call it directly). */
	visitAll(): Promise<void> {
		this.visiting ??= this.visitEach().finally(() => {
			this.visiting = null;
		});
		return this.visiting;
	}

	/** Waits for a visit under way, and stops visiting. */
	async stop(): Promise<void> {
		clearInterval(this.timer);
		await this.visiting;
	}

	private async visitEach(): Promise<void> {
		// Minute-aligned, so that no minute is merged in part and again later.
		const before = Math.floor((this.now() - this.ageMs) / MINUTE_MS) * MINUTE_MS;
		for (const [name, loggedAt] of [...this.due]) {
			try {
				let afterSeq = 0;
				for (;;) {
					const result = await mergeOldLogRows(this.db, name, new Date(before), { afterSeq });
					if (!result.more) break;
					afterSeq = result.lastSeq;
				}
				// Visited again only if it was logged to since, or holds rows still too new.
				if (loggedAt < before && this.due.get(name) === loggedAt) this.due.delete(name);
			} catch (error) {
				// The rows stay as they are, which loses nothing; the next visit tries again.
				this.log.warn({ err: error, document: name }, 'merging old update-log rows failed');
			}
		}
	}
}
