import { afterEach, describe, expect, it, vi } from 'vitest';
import { COLLAB_CLOSE_CODES, COLLAB_DENIAL } from '../../shared/collab/closeCodes.ts';
import { ConnectionStatus } from './ConnectionStatus.svelte.ts';
import { FakeProvider } from './testing/fakeProvider.ts';

const opened: ConnectionStatus[] = [];

afterEach(() => {
	while (opened.length > 0) opened.pop()?.destroy();
	vi.restoreAllMocks();
});

function open(options: Partial<ConstructorParameters<typeof ConnectionStatus>[0]> = {}) {
	const provider = new FakeProvider();
	const websocket = { connect: vi.fn(() => Promise.resolve()), disconnect: vi.fn() };
	const connection = new ConnectionStatus({ provider, websocket, ...options });
	opened.push(connection);
	return { provider, websocket, connection };
}

describe('ConnectionStatus', () => {
	it('is connecting until the socket opens, and offline once it drops', () => {
		const { provider, connection } = open();
		expect(connection.state).toBe('connecting');
		provider.emit('status', { status: 'connected' });
		expect(connection.state).toBe('connected');
		provider.emit('status', { status: 'disconnected' });
		expect(connection.state).toBe('offline');
		provider.emit('status', { status: 'connecting' });
		expect(connection.state).toBe('offline');
	});

	it('starts offline when the browser already is', () => {
		vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
		expect(open().connection.state).toBe('offline');
	});

	it('drops the socket when the browser goes offline and reopens it when it is back', () => {
		const { provider, websocket, connection } = open();
		provider.emit('status', { status: 'connected' });

		window.dispatchEvent(new Event('offline'));
		expect(connection.state).toBe('offline');
		expect(websocket.disconnect).toHaveBeenCalledOnce();

		window.dispatchEvent(new Event('online'));
		expect(websocket.connect).toHaveBeenCalledOnce();
	});

	it('notes when the first sync has finished', () => {
		const { provider, connection } = open();
		expect(connection.everSynced).toBe(false);
		provider.emit('synced', { state: true });
		expect(connection.everSynced).toBe(true);
	});

	it('stops trying after a refusal, even when the network comes back', () => {
		const refusals: string[] = [];
		const { provider, websocket, connection } = open({ onRefused: (r) => refusals.push(r) });
		provider.emit('authenticationFailed', { reason: COLLAB_DENIAL.forbidden });
		expect(connection.denial).toBe(COLLAB_DENIAL.forbidden);
		expect(refusals).toEqual([COLLAB_DENIAL.forbidden]);
		expect(websocket.disconnect).toHaveBeenCalledOnce();

		window.dispatchEvent(new Event('offline'));
		window.dispatchEvent(new Event('online'));
		expect(websocket.connect).not.toHaveBeenCalled();

		provider.emit('authenticated', { scope: 'read-write' });
		expect(connection.denial).toBeNull();
	});

	it('puts a known close code into words and ignores the rest', () => {
		const { provider, connection } = open();
		provider.emit('close', { event: { code: 1006 } });
		expect(connection.problem).toBeNull();
		provider.emit('close', { event: { code: COLLAB_CLOSE_CODES.messageTooLarge } });
		expect(connection.problem).toMatch(/too large to send/);
	});

	it('stops following the provider and the browser when destroyed', () => {
		const { provider, websocket, connection } = open();
		connection.destroy();
		expect(provider.listenerCount()).toBe(0);
		window.dispatchEvent(new Event('offline'));
		expect(websocket.disconnect).not.toHaveBeenCalled();
		expect(connection.state).toBe('connecting');
	});
});
