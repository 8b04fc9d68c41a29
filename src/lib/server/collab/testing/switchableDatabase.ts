import type { Database } from '../../db/client.ts';

/**
 * The database as a collaboration server sees it, with a switch that makes every write
 * fail as a lost connection would (reads still work, as they may for a while when only
 * writes time out): for tests of saving while the database fails.
 */
export function switchableDatabase(db: Database): { db: Database; state: { down: boolean } } {
	const state = { down: false };
	const proxy = new Proxy(db, {
		get(target, property, receiver) {
			// The update log writes through a raw statement (execute), the rest through insert.
			if ((property === 'insert' || property === 'execute') && state.down) {
				return () => {
					throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
				};
			}
			return Reflect.get(target, property, receiver) as unknown;
		}
	});
	return { db: proxy, state };
}
