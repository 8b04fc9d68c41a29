import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * POST { "days": n }: moves the scheduler's clock n days forward and runs its check at
 * once (pre-meeting packs, reminder digests), for end-to-end tests. It exists only when
 * COPLAN_DEV_CLOCK allows it (server/devClock.ts); otherwise 404, as in production.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	if (!locals.devClock) error(404, 'Not found');
	const body: unknown = await request.json().catch(() => null);
	const days =
		typeof body === 'object' && body !== null && 'days' in body ? Number(body.days) : Number.NaN;
	let now: Date;
	try {
		now = await locals.devClock.advanceDays(days);
	} catch (failure) {
		if (failure instanceof RangeError) error(400, failure.message);
		throw failure;
	}
	return json({ now: now.toISOString() }, { headers: { 'cache-control': 'no-store' } });
};
