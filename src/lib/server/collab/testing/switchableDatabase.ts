import type { Database } from '../../db/client.ts';

/**
 * The database as a collaboration server sees it, with a switch that makes every write
 * fail as a lost connection would (reads still work, as they may for a while when only
 * writes time out), counting the writes started: for tests of saving while the database
 * fails and of how writes are batched.
 */
export function switchableDatabase(db: Database): {
	db: Database;
	/** `writes`: the inserts (and raw statements) started while up. */
	state: { down: boolean; writes: number };
} {
	const state = { down: false, writes: 0 };
	const proxy = new Proxy(db, {
		get(target, property, receiver) {
			// The update log writes through a raw statement (execute), the rest through insert.
			if (property === 'insert' || property === 'execute') {
				if (state.down) {
					return () => {
						throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
					};
				}
				state.writes += 1;
			}
			return Reflect.get(target, property, receiver) as unknown;
		}
	});
	return { db: proxy, state };
}
