import type { Plugin } from 'vite';
import { startRuntime } from '../../src/lib/server/runtime.ts';
import { createCollabServer } from './createCollabServer.ts';

/**
 * `npm run dev`: attaches the same collaboration upgrade handler that server/main.ts
 * uses to Vite's dev server. Upgrades for other paths (Vite's own HMR socket) are left
 * alone for Vite to handle.
 */
export function coplanCollabDevServer(): Plugin {
	return {
		name: 'coplan-collab-dev-server',
		// Vitest also runs a Vite dev server; tests start their own collaboration servers.
		apply: (_config, { command }) => command === 'serve' && !process.env.VITEST,
		async configureServer(server) {
			const runtime = await startRuntime();
			const collab = createCollabServer({
				db: runtime.database.db,
				logger: runtime.logger,
				origin: runtime.env.ORIGIN
			});
			server.httpServer?.on('upgrade', (request, socket, head) => {
				collab.handleUpgrade(request, socket, head);
			});
			server.httpServer?.on('close', () => void collab.destroy());
		}
	};
}
