/**
 * The part of HocuspocusProvider's event emitter that the session's pieces listen to.
 * Narrow on purpose, so that a unit test can stand in for the provider.
 */
export interface ProviderEvents {
	on(event: string, handler: (payload: never) => void): unknown;
	off(event: string, handler: (payload: never) => void): unknown;
}

/** Listens to one provider event; returns what stops listening. */
export function listenTo<T>(
	provider: ProviderEvents,
	event: string,
	handler: (payload: T) => void
): () => void {
	provider.on(event, handler);
	return () => provider.off(event, handler);
}
