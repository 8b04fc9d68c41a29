/**
 * Whether this device follows the chair through the agenda: on unless the person turned
 * it off here. Kept per device (a phone at the meeting and a laptop at home may want
 * different things), and a storage the browser refuses (private modes, full disks) only
 * means the choice is not remembered.
 */
const KEY = 'coplan.followAgenda';
const OFF = 'off';

type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function readFollowPreference(storage: PreferenceStorage | null): boolean {
	try {
		return storage?.getItem(KEY) !== OFF;
	} catch {
		return true;
	}
}

export function writeFollowPreference(storage: PreferenceStorage | null, follow: boolean): void {
	try {
		if (follow) storage?.removeItem(KEY);
		else storage?.setItem(KEY, OFF);
	} catch {
		// Not remembered: the choice still holds for this page.
	}
}

/** The browser's local storage, or null where merely touching it throws (some private modes). */
export function deviceStorage(): Storage | null {
	try {
		return window.localStorage;
	} catch {
		return null;
	}
}
