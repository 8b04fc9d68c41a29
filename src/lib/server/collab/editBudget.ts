/**
 * How much one person may add to one document in a short time: a token bucket of bytes,
 * full at `burstBytes` and refilling at `refillBytesPerSecond`. No one writing a meeting
 * adds megabytes in minutes (the demo meetings are about 10 KB each, and a pasted report
 * of a hundred pages is a few hundred), so the bucket lets through any real typing or
 * pasting and stops someone filling a document to its limit long before it gets there.
 */
export interface EditBudgetLimits {
	burstBytes: number;
	refillBytesPerSecond: number;
}

export const DEFAULT_EDIT_BUDGET: EditBudgetLimits = {
	burstBytes: 1024 * 1024,
	// A full bucket again after about five minutes.
	refillBytesPerSecond: 3500
};

interface Bucket {
	bytes: number;
	at: number;
}

export class EditBudget {
	readonly #limits: EditBudgetLimits;
	readonly #buckets = new Map<string, Bucket>();
	readonly #now: () => number;

	constructor(limits: EditBudgetLimits = DEFAULT_EDIT_BUDGET, now: () => number = Date.now) {
		this.#limits = limits;
		this.#now = now;
	}

	/** Takes `bytes` from the person's bucket for the document; false if it does not hold them. */
	spend(key: string, bytes: number): boolean {
		const now = this.#now();
		const bucket = this.#buckets.get(key) ?? { bytes: this.#limits.burstBytes, at: now };
		const refilled = Math.min(
			this.#limits.burstBytes,
			bucket.bytes + ((now - bucket.at) / 1000) * this.#limits.refillBytesPerSecond
		);
		if (bytes > refilled) {
			this.#buckets.set(key, { bytes: refilled, at: now });
			return false;
		}
		this.#buckets.set(key, { bytes: refilled - bytes, at: now });
		return true;
	}

	/** Forgets the buckets of a document (unloaded: nothing more to count against it). */
	forget(prefix: string): void {
		for (const key of this.#buckets.keys()) if (key.startsWith(prefix)) this.#buckets.delete(key);
	}
}
