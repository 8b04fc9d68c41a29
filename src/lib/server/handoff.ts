import type { Server } from 'node:http';
import type { Lifecycle } from './lifecycle.ts';

/**
 * The one thing the process entry and SvelteKit's server share: the entry (server/main.ts
 * in production, the Vite plugin in development) creates the HTTP server and hands it
 * over here before SvelteKit's `init` hook starts the lifecycle, which attaches the
 * collaboration server to it and hands back the running lifecycle.
 *
 * It lives on globalThis because the production entry runs outside SvelteKit's bundle (it
 * imports the built handler), so the two sides have no module in common. Nothing else is
 * shared this way: every other server module exists once, in SvelteKit's module graph.
 */
export interface ProcessHandoff {
	httpServer: Server;
	/**
	 * True when Coplan owns every websocket upgrade on the server (production): upgrades
	 * for other paths are refused. In development Vite's own HMR socket shares the server.
	 */
	ownsUpgrades: boolean;
	/** Set by the lifecycle when it starts; the same promise for every later caller. */
	lifecycle?: Promise<Lifecycle>;
}

const HANDOFF = Symbol.for('coplan.handoff');
type HandoffHolder = { [HANDOFF]?: ProcessHandoff };

export function handOver(handoff: ProcessHandoff): void {
	(globalThis as HandoffHolder)[HANDOFF] = handoff;
}

/** The handoff, if an entry made one (not in tests that import modules directly). */
export function receiveHandoff(): ProcessHandoff | undefined {
	return (globalThis as HandoffHolder)[HANDOFF];
}
