import { Server } from '@hocuspocus/server';
import { serveBenchControl } from './control.ts';

/** A bare Hocuspocus 4 server: no extensions, no persistence, no authentication. */
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
await server.listen();
serveBenchControl(
	{ url: `ws://127.0.0.1:${server.address.port}` },
	() => server.destroy(),
	() => server.hocuspocus.documents.size
);
