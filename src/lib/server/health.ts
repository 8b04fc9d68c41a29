import type { DatabaseHandle } from './db/client.ts';

export type Readiness = { status: 'ready' } | { status: 'unavailable'; reason: string };

/** Ready when the database answers within the time limit. */
export async function checkReadiness(
	database: Pick<DatabaseHandle, 'ping'>,
	timeoutMs = 2000
): Promise<Readiness> {
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
