import { describe, expect, it } from 'vitest';
import { COLLAB_DENIAL, COLLAB_DENIAL_MESSAGES } from '../../shared/collab/closeCodes.ts';
import {
	connectionState,
	describeSyncStatus,
	offlineText,
	type ConnectionFacts,
	type SyncState
} from './syncStatus.ts';

const saved: SyncState = {
	connection: 'connected',
	synced: true,
	unsyncedChanges: 0,
	readOnly: false,
	denial: null
};

describe('describeSyncStatus', () => {
	it.each<[string, Partial<SyncState>, string, string]>([
		['everything stored', {}, 'saved', 'Saved'],
		['edits on their way', { unsyncedChanges: 2 }, 'saving', 'Saving…'],
		[
			'first connection',
			{ connection: 'connecting', synced: false },
			'connecting',
			'Connecting to the meeting…'
		],
		[
			'offline with three unsent edits',
			{ connection: 'offline', unsyncedChanges: 3 },
			'offline',
			'Offline — 3 changes kept on this device'
		],
		[
			'offline with one unsent edit',
			{ connection: 'offline', unsyncedChanges: 1 },
			'offline',
			'Offline — 1 change kept on this device'
		],
		[
			'offline with nothing unsent',
			{ connection: 'offline' },
			'offline',
			'Offline — trying to reconnect. You can keep writing.'
		],
		[
			'saving paused with two kept edits',
			{ savingPaused: true, unsyncedChanges: 2 },
			'paused',
			'Saving paused — 2 changes kept on this device'
		],
		[
			'saving paused with nothing kept',
			{ savingPaused: true },
			'paused',
			'Saving paused — Coplan cannot save right now'
		],
		['read-only', { readOnly: true }, 'read-only', 'You can view but not edit'],
		[
			'read-only while offline',
			{ readOnly: true, connection: 'offline' },
			'read-only',
			'You can view but not edit'
		],
		[
			'refused by the server',
			{ denial: COLLAB_DENIAL.forbidden, readOnly: true },
			'refused',
			COLLAB_DENIAL_MESSAGES.forbidden
		],
		[
			'an unknown refusal code',
			{ denial: 'something-new' },
			'refused',
			'The connection to the meeting was refused. Please reload the page.'
		],
		[
			'a problem the server reported by closing',
			{ problem: 'That change was too large to send (over 512 KB). Try pasting less at once.' },
			'refused',
			'That change was too large to send (over 512 KB). Try pasting less at once.'
		]
	])('%s', (_name, change, tone, text) => {
		expect(describeSyncStatus({ ...saved, ...change })).toEqual({ tone, text });
	});

	it('asks an outdated client to reload', () => {
		expect(describeSyncStatus({ ...saved, denial: COLLAB_DENIAL.schemaMismatch }).text).toMatch(
			/reload the page/
		);
	});

	it('never shows a negative count', () => {
		expect(offlineText(-1)).not.toMatch(/-1/);
	});
});

describe('connectionState', () => {
	const fresh: ConnectionFacts = {
		browserOnline: true,
		socketConnected: false,
		connectionLost: false
	};

	it.each<[string, Partial<ConnectionFacts>, string]>([
		['the first connection on its way', {}, 'connecting'],
		['the socket open', { socketConnected: true }, 'connected'],
		['a connection lost and not yet regained', { connectionLost: true }, 'offline'],
		['a lost connection regained', { connectionLost: true, socketConnected: true }, 'connected'],
		[
			'the browser offline with the socket still open',
			{ browserOnline: false, socketConnected: true },
			'offline'
		]
	])('%s', (_name, facts, state) => {
		expect(connectionState({ ...fresh, ...facts })).toBe(state);
	});
});
