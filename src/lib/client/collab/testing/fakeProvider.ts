import type { ProviderEvents } from '../providerEvents.ts';

/** Stands in for HocuspocusProvider's events in unit tests: `emit` plays the server's part. */
export class FakeProvider implements ProviderEvents {
	readonly #handlers = new Map<string, Set<(payload: never) => void>>();

	on(event: string, handler: (payload: never) => void): void {
		const handlers = this.#handlers.get(event) ?? new Set();
		handlers.add(handler);
		this.#handlers.set(event, handlers);
	}

	off(event: string, handler: (payload: never) => void): void {
		this.#handlers.get(event)?.delete(handler);
	}

	emit(event: string, payload: unknown): void {
		for (const handler of this.#handlers.get(event) ?? []) {
			(handler as (payload: unknown) => void)(payload);
		}
	}

	listenerCount(): number {
		return [...this.#handlers.values()].reduce((count, handlers) => count + handlers.size, 0);
	}
}
