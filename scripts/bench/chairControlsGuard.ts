/**
 * What enforcing locks on the server costs per edit: a large meeting document (200
 * actions) receives the same stream of typing updates from a participant three ways, in
 * the same run — with no guard (the baseline), with the guard and nothing locked, and
 * with the guard while other sections are locked. Then the cost of undoing an edit that
 * crossed a lock (each a new paragraph in the locked section).
 *
 *   npm run bench chairControlsGuard
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { Connection } from '@hocuspocus/server';
import { guardChairControls } from '$lib/server/collab/chairControlsGuard.ts';
import type { CollabContext } from '$lib/server/collab/context.ts';
import { addAction, setSectionLocked } from '../../src/lib/shared/collab/meetingDoc.ts';
import { initBenchMeeting, typingParagraph } from '../lib/benchMeetingDoc.ts';

const EDITS = 2000;
const RUNS = 5;

function largeMeeting(): Y.Doc {
	const doc = new Y.Doc();
	initBenchMeeting(doc, 'bench-meeting', '2026-11-24T09:00:00Z');
	for (let index = 0; index < 200; index += 1) {
		addAction(
			doc,
			{ text: `Action ${index}: practise the sign for “more” at snack time, every day.` },
			{ userId: 'bench-user' }
		);
	}
	return doc;
}

/** A participant typing into the family's views, one update per keystroke. */
function typingUpdates(base: Y.Doc): Uint8Array[] {
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(base));
	const updates: Uint8Array[] = [];
	client.on('update', (update: Uint8Array) => updates.push(update));
	const text = typingParagraph(client, 'familyViews');
	for (let index = 0; index < EDITS; index += 1) text.insert(index, 'a');
	return updates;
}

/** A connection origin as Hocuspocus makes one, for a participant who is not the chair. */
function participantOrigin() {
	const connection = {
		context: { user: null, access: { chair: false } },
		sendStateless: () => undefined
	} as unknown as Connection<CollabContext>;
	return { source: 'connection', connection };
}

function applyAll(doc: Y.Doc, updates: Uint8Array[]): number {
	const start = performance.now();
	for (const update of updates) Y.applyUpdate(doc, update, participantOrigin());
	return performance.now() - start;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const base = largeMeeting();
const updates = typingUpdates(base);
const scenarios: Record<string, (doc: Y.Doc) => (() => void) | null> = {
	'no guard (baseline)': () => null,
	'guard, nothing locked': (doc) => guardChairControls(doc, () => undefined),
	'guard, 5 other sections locked': (doc) => {
		for (const section of ['actions', 'outcomes', 'decisions', 'provision', 'agenda'] as const)
			setSectionLocked(doc, section, true);
		return guardChairControls(doc, () => undefined);
	}
};

const results: Record<string, number> = {};
for (let run = 0; run < RUNS; run += 1) {
	for (const [name, setUp] of Object.entries(scenarios)) {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
		const stop = setUp(doc);
		const ms = applyAll(doc, updates);
		stop?.();
		results[name] = Math.min(results[name] ?? Infinity, ms);
	}
}
const baseline = results['no guard (baseline)'] ?? 1;
console.log(`${EDITS} keystroke updates into a meeting of 200 actions (best of ${RUNS}):`);
for (const [name, ms] of Object.entries(results)) {
	console.log(
		`  ${name.padEnd(32)} ${ms.toFixed(1).padStart(7)} ms  ${((ms / EDITS) * 1000).toFixed(1).padStart(6)} µs/edit  ${(ms / baseline).toFixed(2)}×`
	);
}

/** Participants each adding a paragraph to the family's views (which will be locked). */
function paragraphUpdates(base: Y.Doc, count: number): Uint8Array[] {
	return Array.from({ length: count }, (_, index) => {
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(base));
		let captured: Uint8Array = new Uint8Array();
		client.on('update', (update: Uint8Array) => (captured = update));
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText(`Written after the lock, ${index}.`)]);
		client.getXmlFragment('field:familyViews').insert(0, [paragraph]);
		return captured;
	});
}

// Undoing: each change to the locked section is applied, then undone by the guard.
const reverts: number[] = [];
{
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
	setSectionLocked(doc, 'familyViews', true);
	let undone = 0;
	const stop = guardChairControls(doc, () => (undone += 1));
	const lockedEdits = paragraphUpdates(base, 200);
	for (const update of lockedEdits) {
		const start = performance.now();
		Y.applyUpdate(doc, update, participantOrigin());
		await new Promise<void>((resolve) => queueMicrotask(resolve));
		reverts.push(performance.now() - start);
	}
	stop();
	const left = doc.getXmlFragment('field:familyViews').length;
	console.log(
		`A change to a locked section applied and undone: median ${median(reverts).toFixed(2)} ms ` +
			`(${undone} of ${lockedEdits.length} undone; paragraphs left in the section: ${left})`
	);
}
