import { json } from '@sveltejs/kit';
import { checkReadiness } from '$lib/server/health.ts';
import type { RequestHandler } from './$types';

/** Readiness for load balancers: 503 while the database cannot be reached. */
export const GET: RequestHandler = async ({ locals }) => {
	const readiness = await checkReadiness(locals.database, locals.live);
	return json(readiness, {
		status: readiness.status === 'ready' ? 200 : 503,
		headers: { 'cache-control': 'no-store' }
	});
};
