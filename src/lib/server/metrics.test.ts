import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.ts';

const TOKEN = 'a-metrics-token-of-some-length';

/** One sample's value from the text format, e.g. `coplan_collab_connections 3`. */
function sample(text: string, name: string): number | null {
	const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
	return match?.[1] === undefined ? null : Number(match[1]);
}

describe('metrics', () => {
	it('lets in only a request bearing the token', () => {
		const metrics = new Metrics(TOKEN);
		expect(metrics.allows(`Bearer ${TOKEN}`)).toBe(true);
		expect(metrics.allows(null)).toBe(false);
		expect(metrics.allows(TOKEN)).toBe(false);
		expect(metrics.allows(`Bearer ${TOKEN}x`)).toBe(false);
		expect(metrics.allows('Bearer ')).toBe(false);
		expect(metrics.allows(`Basic ${TOKEN}`)).toBe(false);
	});

	it('counts messages and update-log writes, and reads the gauges when scraped', async () => {
		const metrics = new Metrics(TOKEN);
		const live = { connections: 2, documents: 1, paused: false };
		metrics.watch({
			connections: () => live.connections,
			documents: () => live.documents,
			savingPaused: () => live.paused
		});
		metrics.frameReceived();
		metrics.frameReceived();
		metrics.frameSent();
		metrics.logWritten(0.004, 12);
		metrics.logWritten(0.3, 3);
		let text = await metrics.render();
		expect(sample(text, 'coplan_collab_messages_received_total')).toBe(2);
		expect(sample(text, 'coplan_collab_messages_sent_total')).toBe(1);
		expect(sample(text, 'coplan_update_log_rows_total')).toBe(15);
		expect(sample(text, 'coplan_update_log_write_seconds_count')).toBe(2);
		expect(text).toContain('coplan_update_log_write_seconds_bucket{le="0.005"} 1');
		expect(sample(text, 'coplan_collab_connections')).toBe(2);
		expect(sample(text, 'coplan_saving_paused')).toBe(0);
		expect(text).toContain('coplan_nodejs_eventloop_lag_p99_seconds');

		live.connections = 0;
		live.paused = true;
		text = await metrics.render();
		expect(sample(text, 'coplan_collab_connections')).toBe(0);
		expect(sample(text, 'coplan_saving_paused')).toBe(1);
	});
});
