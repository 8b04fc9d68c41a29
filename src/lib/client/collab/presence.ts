/**
 * Presence: who has the meeting open, in which colour, and what they are editing. Each
 * browser publishes its own state in the Yjs awareness; these pure functions read every
 * peer's state defensively (another client may have written anything) and turn it into
 * what the page shows.
 */

/** What this browser publishes as `user` (TipTap's caret extension reads name and color). */
export interface PresenceUser {
	userId: string;
	name: string;
	/** Short role for avatars and carets, e.g. "SaLT". */
	role: string;
	/** Full role, acronyms expanded, for screen readers and tooltips. */
	roleLabel: string;
	/** #rrggbb */
	color: string;
}

/** The field a person has focused, and how to name it ("Outcome 2"). */
export interface EditingField {
	fieldId: string;
	label: string;
}

export interface Participant extends PresenceUser {
	/** Awareness client ids of this person's open pages (several tabs count once). */
	clientIds: number[];
	editing: EditingField | null;
	isSelf: boolean;
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

function text(value: unknown, max = 120): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null;
}

export function readPresenceUser(value: unknown): PresenceUser | null {
	if (typeof value !== 'object' || value === null) return null;
	const record = value as Record<string, unknown>;
	const userId = text(record.userId);
	const name = text(record.name);
	if (!userId || !name) return null;
	const color =
		typeof record.color === 'string' && HEX_COLOUR.test(record.color) ? record.color : '#505a5f';
	const role = text(record.role) ?? '';
	return { userId, name, role, roleLabel: text(record.roleLabel, 200) ?? role, color };
}

export function readEditingField(value: unknown): EditingField | null {
	if (typeof value !== 'object' || value === null) return null;
	const record = value as Record<string, unknown>;
	const fieldId = text(record.fieldId, 300);
	const label = text(record.label, 200);
	return fieldId && label ? { fieldId, label } : null;
}

/**
 * Everyone present, one entry per person, yourself first, then by name. A person with
 * two tabs open counts once; what they are editing comes from whichever tab has focus.
 */
export function participantsFromAwareness(
	states: ReadonlyMap<number, unknown>,
	selfClientId: number
): Participant[] {
	const byUser = new Map<string, Participant>();
	for (const [clientId, state] of states) {
		if (typeof state !== 'object' || state === null) continue;
		const record = state as Record<string, unknown>;
		const user = readPresenceUser(record.user);
		if (!user) continue;
		const editing = readEditingField(record.editing);
		const existing = byUser.get(user.userId);
		if (existing) {
			existing.clientIds.push(clientId);
			existing.editing ??= editing;
			existing.isSelf ||= clientId === selfClientId;
		} else {
			byUser.set(user.userId, {
				...user,
				clientIds: [clientId],
				editing,
				isSelf: clientId === selfClientId
			});
		}
	}
	return [...byUser.values()].sort(
		(a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name)
	);
}

/** Up to two initials: "Sam Okafor" → "SO", "Priya" → "P". */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	const first = words[0]?.[0] ?? '?';
	const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
	return (first + last).toUpperCase();
}

/** "Sam Okafor (SaLT)" */
export function nameWithRole(person: Pick<PresenceUser, 'name' | 'role'>): string {
	return person.role ? `${person.name} (${person.role})` : person.name;
}

/** "Sam Okafor (SaLT) is editing Outcome 2", or null when they are not editing. */
export function describeEditing(person: Participant): string | null {
	return person.editing ? `${nameWithRole(person)} is editing ${person.editing.label}` : null;
}

/** The clientId → person lookup used to name the author of a remote change. */
export function nameByClientId(participants: readonly Participant[]): Map<number, string> {
	const names = new Map<number, string>();
	for (const person of participants) {
		for (const clientId of person.clientIds) names.set(clientId, nameWithRole(person));
	}
	return names;
}

/** "Sam Okafor (SaLT) joined the meeting" / "… left the meeting", yourself excluded. */
export function describePresenceChanges(
	before: readonly Participant[],
	after: readonly Participant[]
): string[] {
	const was = new Map(before.filter((p) => !p.isSelf).map((p) => [p.userId, p]));
	const now = new Map(after.filter((p) => !p.isSelf).map((p) => [p.userId, p]));
	const sentences: string[] = [];
	for (const [userId, person] of now) {
		if (!was.has(userId)) sentences.push(`${nameWithRole(person)} joined the meeting`);
	}
	for (const [userId, person] of was) {
		if (!now.has(userId)) sentences.push(`${nameWithRole(person)} left the meeting`);
	}
	return sentences;
}

/**
 * Whose edits a transaction carries: the names of the other clients whose clocks moved on
 * (`knownAuthors` maps client ids to names, including people who have since left), or
 * "Someone" when none of them can be named.
 */
export function authorsOfChange(
	beforeState: ReadonlyMap<number, number>,
	afterState: ReadonlyMap<number, number>,
	selfClientId: number,
	knownAuthors: ReadonlyMap<number, string>
): string[] {
	const names: string[] = [];
	for (const [clientId, clock] of afterState) {
		if (clientId === selfClientId) continue;
		const name = knownAuthors.get(clientId) ?? 'Someone';
		if ((beforeState.get(clientId) ?? 0) < clock && !names.includes(name)) names.push(name);
	}
	return names.length > 0 ? names : ['Someone'];
}
