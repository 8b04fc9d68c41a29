import { readMeetingDoc } from '../../../shared/collab/meetingDoc.ts';
import { createMeeting } from '../../testing/factories.ts';
import type { CollabFixtures } from './collabTest.ts';
import { waitFor, type TestConnection } from './collabTestServer.ts';

/**
 * A new meeting open for three, synced: the SENCo (who chairs), the parent and the SaLT,
 * as the tests of what the server lets each of them change need it.
 */
export async function openMeetingForThree({
	database,
	team,
	clients
}: Pick<CollabFixtures, 'database' | 'team' | 'clients'>) {
	const meetingId = await createMeeting(database.db, team);
	const [chair, parent, salt] = await Promise.all(
		['senco', 'parent', 'salt'].map((key) => clients.openMeeting(team.member(key), meetingId)) as [
			Promise<TestConnection>,
			Promise<TestConnection>,
			Promise<TestConnection>
		]
	);
	return { chair, parent, salt };
}

/** Waits until every copy holds the same meeting as the first. */
export async function waitForAgreement(connections: TestConnection[], what: string) {
	await waitFor(() => {
		const [first, ...rest] = connections.map((c) => JSON.stringify(readMeetingDoc(c.document)));
		return rest.every((snapshot) => snapshot === first);
	}, what);
}
