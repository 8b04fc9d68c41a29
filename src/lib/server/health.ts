import type { DatabaseHandle } from './db/client.ts';

export type Readiness = { status: 'ready' } | { status: 'unavailable'; reason: string };

/**
 * Ready when the database answers within the time limit and live edits are being saved
 * (saving pauses after writes have failed for a few seconds, and resumes by itself).
 */
export async function checkReadiness(
	database: Pick<DatabaseHandle, 'ping'>,
	live: { savingPaused(): boolean } = { savingPaused: () => false },
	timeoutMs = 2000
): Promise<Readiness> {
	if (live.savingPaused()) {
		return {
			status: 'unavailable',
			reason: 'saving live edits is paused: the database is failing'
		};
	}
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
	});
	try {
		await Promise.race([database.ping(), timeout]);
		return { status: 'ready' };
	} catch (error) {
		return { status: 'unavailable', reason: `database: ${(error as Error).message}` };
	} finally {
		clearTimeout(timer);
	}
}
