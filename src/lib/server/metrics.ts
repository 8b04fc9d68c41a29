import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Operational metrics in Prometheus's text format, served at /metrics when METRICS_TOKEN
 * is set (and only to a request bearing it). Counts and timings only: nothing about any
 * child, meeting or person.
 */

/** What the collaboration server reports as it works. */
export interface CollabMetrics {
	frameReceived(): void;
	frameSent(): void;
	/** One write of the update log: how long it took and how many rows it held. */
	logWritten(seconds: number, rows: number): void;
}

/** What the collaboration server is asked for when metrics are scraped. */
export interface CollabGauges {
	connections(): number;
	documents(): number;
	savingPaused(): boolean;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export class Metrics implements CollabMetrics {
	readonly registry = new Registry();
	readonly #token: Buffer;
	readonly #framesReceived: Counter;
	readonly #framesSent: Counter;
	readonly #logWrites: Histogram;
	readonly #logRows: Counter;
	#gauges: CollabGauges | null = null;

	constructor(token: string) {
		this.#token = digest(token);
		// Process figures, among them the event loop's lag (nodejs_eventloop_lag_*).
		collectDefaultMetrics({ register: this.registry, prefix: 'coplan_' });
		this.#framesReceived = new Counter({
			name: 'coplan_collab_messages_received_total',
			help: 'Websocket messages received by the collaboration server',
			registers: [this.registry]
		});
		this.#framesSent = new Counter({
			name: 'coplan_collab_messages_sent_total',
			help: 'Websocket messages sent by the collaboration server',
			registers: [this.registry]
		});
		this.#logWrites = new Histogram({
			name: 'coplan_update_log_write_seconds',
			help: 'Time to write one batch of edits to the update log',
			buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
			registers: [this.registry]
		});
		this.#logRows = new Counter({
			name: 'coplan_update_log_rows_total',
			help: 'Edits written to the update log',
			registers: [this.registry]
		});
		const gauges = () => this.#gauges;
		new Gauge({
			name: 'coplan_collab_connections',
			help: 'Open collaboration connections',
			registers: [this.registry],
			collect() {
				this.set(gauges()?.connections() ?? 0);
			}
		});
		new Gauge({
			name: 'coplan_collab_documents',
			help: 'Documents loaded in the collaboration server',
			registers: [this.registry],
			collect() {
				this.set(gauges()?.documents() ?? 0);
			}
		});
		new Gauge({
			name: 'coplan_saving_paused',
			help: '1 while saving is paused (the database is failing): meetings are read-only',
			registers: [this.registry],
			collect() {
				this.set(gauges()?.savingPaused() ? 1 : 0);
			}
		});
	}

	/** The collaboration server whose connections and documents the gauges show. */
	watch(gauges: CollabGauges): void {
		this.#gauges = gauges;
	}

	frameReceived(): void {
		this.#framesReceived.inc();
	}

	frameSent(): void {
		this.#framesSent.inc();
	}

	logWritten(seconds: number, rows: number): void {
		this.#logWrites.observe(seconds);
		this.#logRows.inc(rows);
	}

	/** Whether an Authorization header carries the metrics token (compared in constant time). */
	allows(authorization: string | null): boolean {
		const match = /^Bearer (.+)$/.exec(authorization ?? '');
		return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), this.#token);
	}

	render(): Promise<string> {
		return this.registry.metrics();
	}

	get contentType(): string {
		return this.registry.contentType;
	}
}
