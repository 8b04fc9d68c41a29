/**
 * What a meeting's update log costs on disk against the document it builds: 10,000
 * keystrokes by three people over an hour, one in five a deletion, each keystroke one
 * logged update (as the live server logs them). The baseline is the document's own state
 * (Y.encodeStateAsUpdate), measured in the same run; beside it, what merging each person's
 * consecutive updates within a five-minute window (Y.mergeUpdates) would leave while
 * still naming who wrote what to the minute: the target is 3× the state at most.
 *
 *   npm run bench updateLogStorage
 */
import * as Y from 'yjs';
import { typingMeeting } from '../lib/benchMeetingDoc.ts';

const KEYSTROKES = 10_000;
const PEOPLE = 3;
const HOUR_MS = 3600_000;
const WINDOW_MS = 5 * 60_000;

interface Logged {
	update: Uint8Array;
	author: number;
	at: number;
}

function typingSession(): { doc: Y.Doc; log: Logged[] } {
	const doc = new Y.Doc();
	const log: Logged[] = [];
	let author = -1;
	let at = 0;
	doc.on('update', (update: Uint8Array) => log.push({ update, author, at }));
	const texts = typingMeeting(doc, 'bench', '2026-12-04T09:00:00Z');
	let seed = 20261204;
	const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	for (let index = 0; index < KEYSTROKES; index += 1) {
		// People take turns in runs, as in a meeting: a minute or two each.
		author = Math.floor(index / 150) % PEOPLE;
		at = Math.floor((index / KEYSTROKES) * HOUR_MS);
		const text = texts[(author + Math.floor(index / 600)) % texts.length] ?? texts[0];
		if (!text) continue;
		if (random() < 0.2 && text.length > 0) text.delete(text.length - 1, 1);
		else text.insert(text.length, random() < 0.15 ? ' ' : 'e');
	}
	return { doc, log };
}

/** Each person's consecutive updates within one window merged into one. */
function mergedByAuthorAndWindow(log: Logged[]): Uint8Array[] {
	const merged: Uint8Array[] = [];
	let run: Logged[] = [];
	const flush = () => {
		if (run.length > 0) merged.push(Y.mergeUpdates(run.map((entry) => entry.update)));
		run = [];
	};
	for (const entry of log) {
		const first = run[0];
		if (first && (first.author !== entry.author || entry.at - first.at >= WINDOW_MS)) flush();
		run.push(entry);
	}
	flush();
	return merged;
}

const bytes = (updates: Uint8Array[]) => updates.reduce((sum, update) => sum + update.byteLength, 0);
const { doc, log } = typingSession();
const state = Y.encodeStateAsUpdate(doc).byteLength;
const logged = bytes(log.map((entry) => entry.update));
const merged = mergedByAuthorAndWindow(log);
const mergedBytes = bytes(merged);
const check = new Y.Doc();
for (const update of merged) Y.applyUpdate(check, update);
const same = Buffer.from(Y.encodeStateVector(check)).equals(Buffer.from(Y.encodeStateVector(doc)));
console.log(`update log for ${KEYSTROKES} keystrokes (${PEOPLE} people, 20% deletions, one hour):`);
console.log(`  document state (baseline):          ${(state / 1024).toFixed(1)} KB`);
console.log(
	`  update log as written today:        ${(logged / 1024).toFixed(1)} KB in ${log.length} rows, ${(logged / state).toFixed(1)}× the state`
);
console.log(
	`  merged per person per 5 minutes:    ${(mergedBytes / 1024).toFixed(1)} KB in ${merged.length} rows, ${(mergedBytes / state).toFixed(1)}× the state${same ? '' : ' (DIFFERENT DOCUMENT!)'}`
);
