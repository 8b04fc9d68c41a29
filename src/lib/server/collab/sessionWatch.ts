import { and, gt, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { sessions } from '../db/schema.ts';
import type { Logger } from '../logger.ts';
import { COLLAB_CLOSE_CODES } from '../../shared/collab/closeCodes.ts';

/** Something a signed-in session holds open: a websocket, closed when the session ends. */
export interface SessionHolder {
	close(code: number, reason: string): void;
}

export interface SessionWatchOptions {
	db: Database;
	logger: Logger;
	/** How often live sessions are checked against the database (a second by default). */
	intervalMs?: number;
	/** Called with the holders closed in one check (tests wait on it). */
	onClosed?: (count: number) => void;
	/**
	 * Which of the given ids are still live; by default sessions neither deleted nor
	 * expired. Tool tokens are watched the same way, with their own lookup.
	 */
	liveIds?: (ids: string[]) => Promise<Set<string>>;
	/** How their holders are closed once ended; by default SESSION_ENDED. */
	closeWith?: { code: number; reason: string };
}

const SESSION_ENDED = COLLAB_CLOSE_CODES.sessionEnded;

/**
 * Ends live connections whose session has ended. The cookie is checked once, at the
 * upgrade; after that a websocket would keep writing and opening documents for as long
 * as it stayed open. So every open websocket is registered under its session, and about
 * once a second the sessions still held open are looked up in one query; a session that
 * has been deleted (signing out, signing out other devices, a password change or reset)
 * or has expired has its websockets closed with SESSION_ENDED, which the page explains.
 * Reading the shared database makes it work whichever instance ended the session;
 * `checkNow()` lets the instance that did it act at once.
 */
export class SessionWatch {
	readonly #log: Logger;
	readonly #onClosed: (count: number) => void;
	readonly #liveIds: (ids: string[]) => Promise<Set<string>>;
	readonly #closeWith: { code: number; reason: string };
	readonly #holders = new Map<string, Set<SessionHolder>>();
	readonly #timer: ReturnType<typeof setInterval>;
	#checking: Promise<void> | null = null;
	#again = false;

	constructor(options: SessionWatchOptions) {
		this.#log = options.logger;
		this.#onClosed = options.onClosed ?? (() => {});
		this.#liveIds = options.liveIds ?? ((ids) => liveSessionIds(options.db, ids));
		this.#closeWith = options.closeWith ?? { code: SESSION_ENDED, reason: 'session-ended' };
		this.#timer = setInterval(() => void this.checkNow(), options.intervalMs ?? 1000);
		this.#timer.unref();
	}

	add(sessionId: string, holder: SessionHolder): void {
		let holders = this.#holders.get(sessionId);
		if (!holders) {
			holders = new Set();
			this.#holders.set(sessionId, holders);
		}
		holders.add(holder);
	}

	remove(sessionId: string, holder: SessionHolder): void {
		const holders = this.#holders.get(sessionId);
		holders?.delete(holder);
		if (holders?.size === 0) this.#holders.delete(sessionId);
	}

	/** Checks every live session now (one query); resolves when ended ones are closed. */
	checkNow(): Promise<void> {
		if (this.#checking) {
			// A check is running with the old list: run another once it is done.
			this.#again = true;
			return this.#checking;
		}
		this.#checking = this.#check().finally(() => {
			this.#checking = null;
			if (this.#again) {
				this.#again = false;
				void this.checkNow();
			}
		});
		return this.#checking;
	}

	stop(): void {
		clearInterval(this.#timer);
	}

	async #check(): Promise<void> {
		const ids = [...this.#holders.keys()];
		if (ids.length === 0) return;
		let live: Set<string>;
		try {
			live = await this.#liveIds(ids);
		} catch (error) {
			// The database is failing: saving has paused meanwhile; check again next time.
			this.#log.warn({ err: error }, 'checking live sessions failed');
			return;
		}
		let closed = 0;
		for (const id of ids) {
			if (live.has(id)) continue;
			for (const holder of this.#holders.get(id) ?? []) {
				holder.close(this.#closeWith.code, this.#closeWith.reason);
				closed += 1;
			}
			this.#holders.delete(id);
		}
		if (closed > 0) {
			this.#log.info(
				{ websockets: closed, reason: this.#closeWith.reason },
				'closed websockets whose session or token has ended'
			);
			this.#onClosed(closed);
		}
	}
}

async function liveSessionIds(db: Database, ids: string[]): Promise<Set<string>> {
	const rows = await db
		.select({ id: sessions.id })
		.from(sessions)
		.where(and(inArray(sessions.id, ids), gt(sessions.expiresAt, new Date())));
	return new Set(rows.map((row) => row.id));
}
