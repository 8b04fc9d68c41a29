import { describe, expect, it } from 'vitest';
import { frameAddress, frameType, servedDocumentOf } from './frameAddress.ts';

const encoder = new TextEncoder();

/** A frame as lib0 writes it: the address as a varString, then the rest. */
function frame(address: string, rest: number[] = [0, 0]): Uint8Array {
	const bytes = encoder.encode(address);
	const length: number[] = [];
	let value = bytes.length;
	while (value >= 0x80) {
		length.push((value & 0x7f) | 0x80);
		value = Math.floor(value / 0x80);
	}
	length.push(value);
	return Uint8Array.from([...length, ...bytes, ...rest]);
}

const MEETING = 'meeting:3ae57b55-55ab-44d5-bbc3-71ceb781c0ab';

describe('frame addresses', () => {
	it('reads the address, long ones too', () => {
		expect(frameAddress(frame(MEETING))).toBe(MEETING);
		const long = 'x'.repeat(300);
		expect(frameAddress(frame(long))).toBe(long);
	});

	it('gives null for frames that do not start with an address', () => {
		expect(frameAddress(new Uint8Array())).toBeNull();
		expect(frameAddress(Uint8Array.from([0x85]))).toBeNull();
		expect(frameAddress(Uint8Array.from([10, 65, 66]))).toBeNull();
		expect(frameAddress(Uint8Array.from([2, 0xc3, 0x28]))).toBeNull();
		expect(frameAddress(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))).toBeNull();
	});

	it('serves only meeting and restricted documents, with or without a session suffix', () => {
		expect(servedDocumentOf(frame(MEETING))).toBe(MEETING);
		expect(servedDocumentOf(frame(`${MEETING}\0session-1`))).toBe(`${MEETING}\0session-1`);
		for (const name of ['__proto__', 'constructor', 'meeting:nope', '', `${MEETING}x`]) {
			expect(servedDocumentOf(frame(name))).toBeNull();
		}
	});

	it('reads the message type after the address', () => {
		expect(frameType(frame(MEETING, [0, 2]))).toBe(0);
		expect(frameType(frame(MEETING, [1]))).toBe(1);
		expect(frameType(frame(MEETING, []))).toBeNull();
		expect(frameType(Uint8Array.from([0x85]))).toBeNull();
	});
});
