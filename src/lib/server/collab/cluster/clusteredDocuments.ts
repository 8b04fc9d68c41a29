import type { Logger } from '../../logger.ts';
import type { LiveDocuments } from '../liveDocuments.ts';
import type { ClusterEvent, ClusterEvents } from './clusterEvents.ts';

/**
 * A server's LiveDocuments when several servers share the meetings: each access change,
 * erasure and ended session is applied here, then announced to every other server, and
 * the call resolves once they have all applied it too.
 *
 * An erasure fails if any server could not be told (Redis down, a server not answering):
 * deleting the rows while another server may still write to them would bring part of
 * them back, so the caller keeps the record and may try again. An access change that
 * cannot be announced is logged as an error and not retried: the change is already in
 * the database, which every server reads when a connection next authenticates.
 */
export function clusteredDocuments(
	local: LiveDocuments,
	events: ClusterEvents,
	logger: Logger
): LiveDocuments {
	const tell = async (event: ClusterEvent) => {
		try {
			await events.announce(event);
		} catch (error) {
			logger.error({ err: error, event }, 'other servers may not have applied an access change');
		}
	};
	return {
		...local,
		async meetingAccessChanged(meetingId) {
			await local.meetingAccessChanged(meetingId);
			await tell({ kind: 'meetingAccess', meetingId });
		},
		async childAccessChanged(childId) {
			await local.childAccessChanged(childId);
			await tell({ kind: 'childAccess', childId });
		},
		async userAccessChanged(userId) {
			await local.userAccessChanged(userId);
			await tell({ kind: 'userAccess', userId });
		},
		async erase(names) {
			await local.erase(names);
			await events.announce({ kind: 'erase', names });
		},
		async sessionsEnded() {
			await local.sessionsEnded();
			await tell({ kind: 'sessionsEnded' });
		}
	};
}

/** What a server does with another server's announcement: the same, for its own connections. */
export function applyClusterEvent(local: LiveDocuments, event: ClusterEvent): Promise<void> {
	switch (event.kind) {
		case 'meetingAccess':
			return local.meetingAccessChanged(event.meetingId);
		case 'childAccess':
			return local.childAccessChanged(event.childId);
		case 'userAccess':
			return local.userAccessChanged(event.userId);
		case 'erase':
			return local.erase(event.names);
		case 'sessionsEnded':
			return local.sessionsEnded();
	}
}
