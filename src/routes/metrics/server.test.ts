import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { Metrics } from '$lib/server/metrics.ts';
import { GET } from './+server.ts';

const TOKEN = 'a-metrics-token-of-some-length';

function call(metrics: Metrics | null, authorization?: string): Promise<Response> {
	const request = new Request('http://localhost/metrics', {
		headers: authorization ? { authorization } : {}
	});
	return GET({ locals: { metrics }, request } as Parameters<typeof GET>[0]) as Promise<Response>;
}

describe('GET /metrics', () => {
	it('does not exist unless METRICS_TOKEN is set', async () => {
		const refused = await call(null, `Bearer ${TOKEN}`).catch((error: unknown) => error);
		expect(isHttpError(refused) && refused.status).toBe(404);
	});

	it('asks for the token, and serves the text format to a request bearing it', async () => {
		const metrics = new Metrics(TOKEN);
		const anonymous = await call(metrics);
		expect(anonymous.status).toBe(401);
		expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
		expect(await anonymous.text()).not.toContain('coplan_');
		expect((await call(metrics, 'Bearer not-the-token')).status).toBe(401);

		const scraped = await call(metrics, `Bearer ${TOKEN}`);
		expect(scraped.status).toBe(200);
		expect(scraped.headers.get('content-type')).toContain('text/plain');
		expect(await scraped.text()).toContain('coplan_collab_connections 0');
	});
});
