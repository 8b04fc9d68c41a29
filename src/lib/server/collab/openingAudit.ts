import type { Database } from '../db/client.ts';
import { auditEvents } from '../db/schema.ts';
import type { Logger } from '../logger.ts';

/** A live document opened: the child's record read, as the audit trail keeps it. */
export interface DocumentOpened {
	actorId: string;
	childId: string;
	organisationId: string;
	ip: string | null;
	documentName: string;
	/** Where it was opened: /collab (Coplan's pages) unless said otherwise. */
	endpoint?: '/collab' | '/yws';
}

const ROWS_PER_INSERT = 1000;

/**
 * Writes openings of live documents to the audit trail (`child.read`) in batches, beside
 * the openings rather than before them: when a meeting's people all come back at once (a
 * restart, a network blip), a thousand openings are a handful of inserts instead of a
 * thousand that hold the database's connections while others wait to be let in. An
 * opening is written within `delayMs`; `flush()` writes what waits now (at shutdown).
 * A failed insert is logged and its rows dropped, as the single insert's was before.
 */
export class OpeningAudit {
	readonly #db: Database;
	readonly #log: Logger;
	readonly #delayMs: number;
	#pending: DocumentOpened[] = [];
	#timer: ReturnType<typeof setTimeout> | null = null;
	#writing: Promise<void> = Promise.resolve();

	constructor(db: Database, log: Logger, delayMs = 100) {
		this.#db = db;
		this.#log = log;
		this.#delayMs = delayMs;
	}

	record(opened: DocumentOpened): void {
		this.#pending.push(opened);
		if (this.#timer) return;
		this.#timer = setTimeout(() => void this.flush(), this.#delayMs);
		this.#timer.unref?.();
	}

	/** Writes every opening recorded so far; resolves once written (or logged as failed). */
	flush(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		const taken = this.#pending.splice(0);
		this.#writing = this.#writing.then(() => this.#write(taken));
		return this.#writing;
	}

	async #write(openings: DocumentOpened[]): Promise<void> {
		for (let start = 0; start < openings.length; start += ROWS_PER_INSERT) {
			const chunk = openings.slice(start, start + ROWS_PER_INSERT);
			try {
				await this.#db.insert(auditEvents).values(
					chunk.map((opened) => ({
						actorId: opened.actorId,
						action: 'child.read',
						subjectType: 'child',
						subjectId: opened.childId,
						childId: opened.childId,
						organisationId: opened.organisationId,
						ip: opened.ip,
						details: { path: `${opened.endpoint ?? '/collab'}/${opened.documentName}` }
					}))
				);
			} catch (error) {
				this.#log.warn({ err: error, openings: chunk.length }, 'audit write failed');
			}
		}
	}
}
