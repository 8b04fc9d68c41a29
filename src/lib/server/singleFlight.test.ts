import { describe, expect, it } from 'vitest';
import { SingleFlight } from './singleFlight.ts';

function deferred<T>() {
	let resolve: (value: T) => void = () => {};
	let reject: (error: Error) => void = () => {};
	const promise = new Promise<T>((yes, no) => {
		resolve = yes;
		reject = no;
	});
	return { promise, resolve, reject };
}

describe('one load per key at a time', () => {
	it('shares a running load with callers of the same key, not of others', async () => {
		const flights = new SingleFlight<string, number>();
		const loads: string[] = [];
		const pending = deferred<number>();
		const load = (key: string) => () => {
			loads.push(key);
			return key === 'a' ? pending.promise : Promise.resolve(2);
		};
		const first = flights.run('a', load('a'));
		const second = flights.run('a', load('a'));
		const other = flights.run('b', load('b'));
		pending.resolve(1);
		expect(await Promise.all([first, second, other])).toEqual([1, 1, 2]);
		expect(loads).toEqual(['a', 'b']);
	});

	it('keeps nothing once a load settles: the next caller loads afresh', async () => {
		const flights = new SingleFlight<string, number>();
		let count = 0;
		const load = async () => ++count;
		expect(await flights.run('a', load)).toBe(1);
		expect(await flights.run('a', load)).toBe(2);
		expect(flights.size).toBe(0);
	});

	it('gives a failure to everyone who shared the load, then forgets it', async () => {
		const flights = new SingleFlight<string, number>();
		const pending = deferred<number>();
		const first = flights.run('a', () => pending.promise);
		const second = flights.run('a', () => Promise.resolve(5));
		pending.reject(new Error('database down'));
		await expect(first).rejects.toThrow('database down');
		await expect(second).rejects.toThrow('database down');
		expect(await flights.run('a', () => Promise.resolve(5))).toBe(5);
	});
});
