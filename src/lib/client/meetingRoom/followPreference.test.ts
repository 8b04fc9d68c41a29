import { describe, expect, it } from 'vitest';
import { readFollowPreference, writeFollowPreference } from './followPreference.ts';

function memoryStorage() {
	const values = new Map<string, string>();
	return {
		getItem: (key: string) => values.get(key) ?? null,
		setItem: (key: string, value: string) => void values.set(key, value),
		removeItem: (key: string) => void values.delete(key)
	};
}

const refusing = {
	getItem(): string | null {
		throw new Error('SecurityError');
	},
	setItem(): void {
		throw new Error('QuotaExceededError');
	},
	removeItem(): void {
		throw new Error('SecurityError');
	}
};

describe('the follow-the-agenda preference', () => {
	it('follows by default and remembers turning it off, then on again', () => {
		const storage = memoryStorage();
		expect(readFollowPreference(storage)).toBe(true);
		writeFollowPreference(storage, false);
		expect(readFollowPreference(storage)).toBe(false);
		writeFollowPreference(storage, true);
		expect(readFollowPreference(storage)).toBe(true);
	});

	it('follows when the browser has no storage or refuses it', () => {
		expect(readFollowPreference(null)).toBe(true);
		expect(readFollowPreference(refusing)).toBe(true);
		expect(() => writeFollowPreference(refusing, false)).not.toThrow();
	});
});
