import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * Prometheus metrics, for a scraper holding METRICS_TOKEN. Without the token set, the
 * page does not exist; a request without the right token learns nothing else.
 */
export const GET: RequestHandler = async ({ locals, request }) => {
	const metrics = locals.metrics;
	if (!metrics) error(404, 'Not found');
	if (!metrics.allows(request.headers.get('authorization'))) {
		return new Response('A valid metrics token is needed (Authorization: Bearer …).\n', {
			status: 401,
			headers: {
				'www-authenticate': 'Bearer realm="metrics"',
				'content-type': 'text/plain; charset=utf-8',
				'cache-control': 'no-store'
			}
		});
	}
	return new Response(await metrics.render(), {
		headers: { 'content-type': metrics.contentType, 'cache-control': 'no-store' }
	});
};
