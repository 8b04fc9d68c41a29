import { Server } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';
import { handOver } from './handoff.ts';
import type { Lifecycle } from './lifecycle.ts';

const LIFECYCLE_MODULE = '/src/lib/server/lifecycle.ts';

/**
 * `npm run dev`: hands Vite's HTTP server over as server/main.ts hands over its own, then
 * starts the lifecycle through Vite's SSR module graph — the graph SvelteKit's dev server
 * loads hooks.server.ts from — so the collaboration server, the scheduler and the database
 * exist once. Upgrades for other paths (Vite's HMR socket) are left for Vite.
 */
export function coplanDevServer(): Plugin {
	return {
		name: 'coplan-dev-server',
		// Vitest also runs a Vite dev server (without an HTTP server); tests start their own.
		apply: (_config, { command }) => command === 'serve' && !process.env.VITEST,
		configureServer(server) {
			const httpServer = server.httpServer;
			if (!(httpServer instanceof Server)) {
				// Middleware mode (scripts) has no server; Vite's https/http2 mode is not used here.
				if (httpServer) server.config.logger.warn('Coplan: live meetings need plain http in dev');
				return;
			}
			handOver({ httpServer, ownsUpgrades: false });
			let started: Promise<Lifecycle> | undefined;
			httpServer.once('listening', () => {
				started = startThroughVite(server);
				started.then(
					(lifecycle) => console.log(`\n${lifecycle.startupSummary.join('\n')}\n`),
					(error: unknown) => server.config.logger.error(`Coplan cannot start: ${String(error)}`)
				);
			});
			httpServer.once('close', () => {
				void started?.then((lifecycle) => lifecycle.stop());
			});
		}
	};
}

async function startThroughVite(server: ViteDevServer): Promise<Lifecycle> {
	const module = (await server.ssrLoadModule(LIFECYCLE_MODULE)) as {
		startLifecycle: () => Promise<Lifecycle>;
	};
	return module.startLifecycle();
}
