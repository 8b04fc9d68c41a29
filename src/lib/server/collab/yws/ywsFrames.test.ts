import { Document, OutgoingMessage } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import { describe, expect, test } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { authFrame, closeCodeForDenial, fromHocuspocus, toHocuspocus } from './ywsFrames.ts';

const NAME = 'meeting:00000000-0000-4000-8000-000000000000';

function frame(...parts: ((encoder: encoding.Encoder) => void)[]): Uint8Array {
	const encoder = encoding.createEncoder();
	for (const part of parts) part(encoder);
	return encoding.toUint8Array(encoder);
}

const uint = (value: number) => (encoder: encoding.Encoder) =>
	encoding.writeVarUint(encoder, value);
const bytes = (value: Uint8Array) => (encoder: encoding.Encoder) =>
	encoding.writeVarUint8Array(encoder, value);
const text = (value: string) => (encoder: encoding.Encoder) =>
	encoding.writeVarString(encoder, value);

function awarenessUpdate(): Uint8Array {
	const awareness = new Awareness(new Y.Doc());
	awareness.setLocalState({ user: { name: 'A script' } });
	return encodeAwarenessUpdate(awareness, [awareness.clientID]);
}

describe('frames from a y-websocket client', () => {
	test('sync, awareness and awareness queries cross with the document name in front', () => {
		for (const message of [
			frame(uint(0), uint(0), bytes(Y.encodeStateVector(new Y.Doc()))),
			frame(uint(0), uint(2), bytes(Y.encodeStateAsUpdate(new Y.Doc()))),
			frame(uint(1), bytes(awarenessUpdate())),
			frame(uint(3))
		]) {
			expect(toHocuspocus(NAME, message)).toEqual({
				ok: true,
				frame: frame(text(NAME), (encoder) => encoding.writeUint8Array(encoder, message))
			});
		}
	});

	test('malformed frames are refused with 4400', () => {
		const malformed = { ok: false, close: { code: 4400, reason: 'malformed-message' } };
		expect(toHocuspocus(NAME, new Uint8Array())).toEqual(malformed);
		expect(toHocuspocus(NAME, frame(uint(0), uint(7), bytes(new Uint8Array(2))))).toEqual(
			malformed
		);
		// The payload's length says more than the frame holds; or the frame carries more.
		expect(toHocuspocus(NAME, Uint8Array.from([0, 2, 10, 1, 2]))).toEqual(malformed);
		expect(toHocuspocus(NAME, frame(uint(3), uint(0)))).toEqual(malformed);
		// A state vector and an update that Yjs cannot read.
		expect(toHocuspocus(NAME, frame(uint(0), uint(0), bytes(Uint8Array.from([5, 1]))))).toEqual(
			malformed
		);
		expect(toHocuspocus(NAME, frame(uint(0), uint(2), bytes(Uint8Array.from([1, 1, 7]))))).toEqual(
			malformed
		);
		// An awareness state that is not JSON.
		const badState = frame(uint(1), uint(1), uint(5), text('{'));
		expect(toHocuspocus(NAME, frame(uint(1), bytes(badState.subarray(1))))).toEqual(malformed);
	});

	test('Hocuspocus-only message types are refused, not passed on', () => {
		for (const type of [2, 4, 5, 6, 7, 8, 9, 10, 200]) {
			expect(toHocuspocus(NAME, frame(uint(type), text('x')))).toEqual({
				ok: false,
				close: { code: 4400, reason: 'unsupported-message-type' }
			});
		}
	});

	test('the authentication frame carries the token Hocuspocus expects', () => {
		expect(authFrame(NAME, 'coplan-schema:3')).toEqual(
			frame(text(NAME), uint(2), uint(0), text('coplan-schema:3'))
		);
	});
});

describe('frames from Hocuspocus', () => {
	test('sync and awareness lose the document name; a sync reply becomes a sync', () => {
		const step1 = new OutgoingMessage(NAME)
			.createSyncMessage()
			.writeFirstSyncStepFor(new Document(NAME));
		const sent = fromHocuspocus(step1.toUint8Array());
		expect(sent.kind).toBe('send');
		if (sent.kind === 'send') expect(sent.frame[0]).toBe(0);
		const reply = new OutgoingMessage(NAME)
			.createSyncReplyMessage()
			.writeFirstSyncStepFor(new Document(NAME));
		const replied = fromHocuspocus(reply.toUint8Array());
		expect(replied.kind === 'send' && [...replied.frame]).toEqual(
			sent.kind === 'send' && [...sent.frame]
		);
	});

	test('refusals close with a code by reason; authentication opens; the rest is dropped', () => {
		const denied = (reason: string) =>
			fromHocuspocus(new OutgoingMessage(NAME).writePermissionDenied(reason).toUint8Array());
		expect(denied('forbidden')).toEqual({ kind: 'close', code: 4403, reason: 'forbidden' });
		expect(denied('unauthenticated')).toEqual({
			kind: 'close',
			code: 4401,
			reason: 'unauthenticated'
		});
		expect(denied('unknown-document')).toEqual({
			kind: 'close',
			code: 4404,
			reason: 'unknown-document'
		});
		expect(closeCodeForDenial('something-new')).toBe(4403);
		expect(
			fromHocuspocus(new OutgoingMessage(NAME).writeAuthenticated(false).toUint8Array())
		).toEqual({ kind: 'opened' });
		expect(
			fromHocuspocus(new OutgoingMessage(NAME).writeStateless('{"type":"access"}').toUint8Array())
		).toEqual({ kind: 'drop' });
		expect(fromHocuspocus(new OutgoingMessage(NAME).writeSyncStatus(true).toUint8Array())).toEqual({
			kind: 'drop'
		});
		expect(
			fromHocuspocus(new OutgoingMessage(NAME).writeCloseMessage('forbidden').toUint8Array())
		).toEqual({ kind: 'close', code: 4403, reason: 'forbidden' });
		expect(fromHocuspocus(Uint8Array.from([0xff]))).toEqual({ kind: 'drop' });
	});
});
