import type { Plugin } from 'vite';
import type { AddressInfo } from 'node:net';
import { startRuntime } from '../../src/lib/server/runtime.ts';
import {
	startReminderScheduler,
	type ReminderScheduler
} from '../../src/lib/server/services/reminders/scheduler.ts';
import { createCollabServer } from './createCollabServer.ts';

/**
 * `npm run dev`: attaches the same collaboration upgrade handler that server/main.ts
 * uses to Vite's dev server, and runs the same reminder scheduler (its mail goes to the
 * development outbox unless SMTP_URL is set). Upgrades for other paths (Vite's own HMR
 * socket) are left alone for Vite to handle.
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
			let reminders: ReminderScheduler | undefined;
			server.httpServer?.once('listening', () => {
				const address = server.httpServer?.address() as AddressInfo | null;
				reminders = startReminderScheduler({
					db: runtime.database.db,
					mailer: runtime.mailer,
					logger: runtime.logger,
					origin: runtime.env.ORIGIN ?? `http://localhost:${address?.port ?? 5173}`
				});
			});
			server.httpServer?.on('close', () => {
				reminders?.stop();
				void collab.destroy();
			});
		}
	};
}
