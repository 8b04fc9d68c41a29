import { afterEach, describe, expect, it } from 'vitest';
import {
	applyAwarenessUpdate,
	Awareness,
	encodeAwarenessUpdate,
	removeAwarenessStates
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { SessionPresence } from './SessionPresence.svelte.ts';
import type { PresenceUser } from './presence.ts';

const priya: PresenceUser = {
	userId: 'u-priya',
	name: 'Priya Shah',
	role: 'SENCo',
	roleLabel: 'SENCo (special educational needs coordinator)',
	color: '#005ea5'
};
const sam: PresenceUser = {
	userId: 'u-sam',
	name: 'Sam Okafor',
	role: 'SaLT',
	roleLabel: 'Speech and language therapist (SaLT)',
	color: '#00703c'
};

const awarenesses: Awareness[] = [];

afterEach(() => {
	// Each awareness runs a timer until it is destroyed.
	while (awarenesses.length > 0) awarenesses.pop()?.destroy();
});

/** A browser's document and awareness, without any server in between. */
function peer() {
	const doc = new Y.Doc();
	const awareness = new Awareness(doc);
	awarenesses.push(awareness);
	return { doc, awareness };
}

/** What the server would relay: one peer's awareness state reaching another. */
function relayPresence(from: Awareness, to: Awareness) {
	applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'server');
}

/** The author of the transaction that applies `from`'s edits to `to`. */
function authorsOfEditsFrom(from: Y.Doc, to: Y.Doc, presence: SessionPresence): string[] {
	let authors: string[] = [];
	const record = (transaction: Y.Transaction) => (authors = presence.authorsOf(transaction));
	to.on('afterTransaction', record);
	Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'server');
	to.off('afterTransaction', record);
	return authors;
}

describe('SessionPresence', () => {
	it('publishes this person and lists everyone present, yourself first', () => {
		const mine = peer();
		const theirs = peer();
		const presence = new SessionPresence(mine.awareness, mine.doc, priya);
		expect(mine.awareness.getLocalState()?.user).toEqual(priya);
		expect(presence.participants.map((p) => [p.name, p.isSelf])).toEqual([['Priya Shah', true]]);

		theirs.awareness.setLocalStateField('user', sam);
		relayPresence(theirs.awareness, mine.awareness);
		expect(presence.participants.map((p) => [p.name, p.isSelf])).toEqual([
			['Priya Shah', true],
			['Sam Okafor', false]
		]);
	});

	it('clears what this person is editing only for the field they are still in', () => {
		const mine = peer();
		const presence = new SessionPresence(mine.awareness, mine.doc, priya);
		presence.setEditing({ fieldId: 'childViews', label: 'Aaron’s views' });
		presence.clearEditing('familyViews');
		expect(presence.participants[0]?.editing?.label).toBe('Aaron’s views');
		presence.clearEditing('childViews');
		expect(presence.participants[0]?.editing).toBeNull();
	});

	it('still names someone who has left when their edits arrive afterwards', () => {
		const mine = peer();
		const theirs = peer();
		const presence = new SessionPresence(mine.awareness, mine.doc, priya);
		theirs.awareness.setLocalStateField('user', sam);
		relayPresence(theirs.awareness, mine.awareness);
		removeAwarenessStates(mine.awareness, [theirs.awareness.clientID], 'server');
		expect(presence.participants).toHaveLength(1);

		theirs.doc.getMap('notes').set('note', 'Written offline');
		expect(authorsOfEditsFrom(theirs.doc, mine.doc, presence)).toEqual(['Sam Okafor (SaLT)']);
	});

	it('says "Someone" for edits from a client it never saw', () => {
		const mine = peer();
		const stranger = peer();
		const presence = new SessionPresence(mine.awareness, mine.doc, priya);
		stranger.doc.getMap('notes').set('note', 'Unsigned');
		expect(authorsOfEditsFrom(stranger.doc, mine.doc, presence)).toEqual(['Someone']);
	});

	it('after the connection comes back, sees those still here and is seen again at once', () => {
		const mine = peer();
		const theirs = peer();
		const handlers = new Map<string, (payload: never) => void>();
		const provider = {
			on: (event: string, handler: (payload: never) => void) => handlers.set(event, handler),
			off: (event: string) => handlers.delete(event)
		};
		const emit = (event: string, payload: unknown) => handlers.get(event)?.(payload as never);
		const presence = new SessionPresence(mine.awareness, mine.doc, priya, provider);
		theirs.awareness.setLocalStateField('user', sam);
		relayPresence(theirs.awareness, mine.awareness);
		expect(presence.participants).toHaveLength(2);

		emit('status', { status: 'disconnected' });
		expect(presence.participants.map((p) => p.name)).toEqual(['Priya Shah']);
		// On reconnecting the server sends Sam's state again, with the clock it had.
		relayPresence(theirs.awareness, mine.awareness);
		expect(presence.participants.map((p) => p.name)).toEqual(['Priya Shah', 'Sam Okafor']);

		// The server dropped Priya meanwhile and would ignore her old clock: a new one goes out.
		const clockBefore = mine.awareness.meta.get(mine.awareness.clientID)?.clock ?? 0;
		emit('synced', { state: true });
		expect(mine.awareness.meta.get(mine.awareness.clientID)?.clock).toBe(clockBefore + 1);
		expect(mine.awareness.getLocalState()?.user).toEqual(priya);
		presence.destroy();
		expect(handlers.size).toBe(0);
	});

	it('stops following and publishing once destroyed', () => {
		const mine = peer();
		const theirs = peer();
		const presence = new SessionPresence(mine.awareness, mine.doc, priya);
		presence.destroy();
		presence.setEditing({ fieldId: 'childViews', label: 'Aaron’s views' });
		expect(mine.awareness.getLocalState()?.editing).toBeUndefined();

		theirs.awareness.setLocalStateField('user', sam);
		relayPresence(theirs.awareness, mine.awareness);
		expect(presence.participants).toHaveLength(1);
	});
});
