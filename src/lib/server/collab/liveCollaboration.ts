/**
 * How services reach the live collaboration server that runs in the same process.
 *
 * The collaboration server (server/collab/createCollabServer.ts) registers itself here
 * when it starts and unregisters when it is destroyed. A SvelteKit form action calls a
 * service (e.g. closeMeeting), which changes the database and then calls
 * notifyMeetingAccessChanged(meetingId): every registered server re-checks the policy for
 * each live connection to that meeting's documents at once (read-only, read-write or
 * refused) and tells the clients.
 *
 * SvelteKit's handler is a bundled copy of this module while server/main.ts (or the Vite
 * plugin) loads the source: the registry therefore lives on globalThis under a registered
 * symbol, as runtime.ts does, so both copies see the same servers. In a process without a
 * collaboration server (scripts, unit tests of services) notifying does nothing.
 */
export interface LiveCollaboration {
	/** Re-applies the access policy to every live connection to the meeting's documents. */
	refreshMeetingAccess(meetingId: string): Promise<void>;
	/** The same for every live document of one child (after a change to the child's team). */
	refreshChildAccess(childId: string): Promise<void>;
}

const REGISTRY_KEY = Symbol.for('coplan.liveCollaboration');
type RegistryHolder = { [REGISTRY_KEY]?: Set<LiveCollaboration> };
const holder = globalThis as RegistryHolder;

function registry(): Set<LiveCollaboration> {
	holder[REGISTRY_KEY] ??= new Set();
	return holder[REGISTRY_KEY];
}

/** Registers a live server; call the returned function when it stops. */
export function registerLiveCollaboration(live: LiveCollaboration): () => void {
	registry().add(live);
	return () => registry().delete(live);
}

/** Tells every live server in this process that who may do what in a meeting changed. */
export async function notifyMeetingAccessChanged(meetingId: string): Promise<void> {
	await Promise.all([...registry()].map((live) => live.refreshMeetingAccess(meetingId)));
}

/**
 * Tells every live server that a child's team changed (someone removed, or given another
 * role): open connections of the child's meetings are re-checked, and someone no longer
 * in the team is disconnected from them at once.
 */
export async function notifyChildAccessChanged(childId: string): Promise<void> {
	await Promise.all([...registry()].map((live) => live.refreshChildAccess(childId)));
}
