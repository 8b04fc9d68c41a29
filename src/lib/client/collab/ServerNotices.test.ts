import { describe, expect, it } from 'vitest';
import { encodeAccessNotice, encodeRevertNotice } from '../../shared/collab/closeCodes.ts';
import { ServerNotices } from './ServerNotices.svelte.ts';
import { FakeProvider } from './testing/fakeProvider.ts';

describe('ServerNotices', () => {
	it('starts closed for a meeting closed when the page loaded', () => {
		const notices = new ServerNotices(new FakeProvider(), true);
		expect([notices.readOnly, notices.readOnlyReason, notices.closed]).toEqual([
			true,
			'meeting-closed',
			true
		]);
		const open = new ServerNotices(new FakeProvider(), false);
		expect([open.readOnly, open.readOnlyReason, open.closed]).toEqual([false, null, false]);
	});

	it('follows the authentication scope, then every access notice', () => {
		const provider = new FakeProvider();
		const notices = new ServerNotices(provider, false);
		provider.emit('authenticated', { scope: 'readonly' });
		expect(notices.readOnly).toBe(true);
		expect(notices.closed).toBe(false);

		provider.emit('stateless', {
			payload: encodeAccessNotice({ readOnly: true, reason: 'meeting-closed' })
		});
		expect(notices.closed).toBe(true);

		provider.emit('stateless', {
			payload: encodeAccessNotice({ readOnly: false, reason: null })
		});
		expect([notices.readOnly, notices.readOnlyReason]).toEqual([false, null]);
	});

	it('tells each revert listener until it stops listening, and never changes access for it', () => {
		const provider = new FakeProvider();
		const notices = new ServerNotices(provider, false);
		const heard: string[] = [];
		const stop = notices.onReverted((message) => heard.push(message));
		const payload = encodeRevertNotice({ sections: [], rules: [], controls: true });

		provider.emit('stateless', { payload });
		stop();
		provider.emit('stateless', { payload });

		expect(heard).toEqual([
			'Your change was undone: only the chair can move through the agenda, run the timer or lock sections.'
		]);
		expect(notices.readOnly).toBe(false);
	});

	it('stops listening to the provider when destroyed', () => {
		const provider = new FakeProvider();
		const notices = new ServerNotices(provider, false);
		notices.destroy();
		expect(provider.listenerCount()).toBe(0);
		provider.emit('authenticated', { scope: 'readonly' });
		expect(notices.readOnly).toBe(false);
	});
});
