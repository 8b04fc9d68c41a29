/**
 * At most one load per key at a time: callers who ask while one is running share its
 * result instead of starting their own. Nothing is kept once it settles, so no answer
 * is older than the load that gave it; a failure reaches everyone who shared the load.
 */
export class SingleFlight<Key, Value> {
	readonly #running = new Map<Key, Promise<Value>>();

	run(key: Key, load: () => Promise<Value>): Promise<Value> {
		const running = this.#running.get(key);
		if (running) return running;
		const started = load().finally(() => this.#running.delete(key));
		this.#running.set(key, started);
		return started;
	}

	/** Loads under way (for tests). */
	get size(): number {
		return this.#running.size;
	}
}
