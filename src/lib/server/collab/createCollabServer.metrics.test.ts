import { describe, expect } from 'vitest';
import { fieldText, setFieldText } from '../../shared/collab/meetingDoc.ts';
import { Metrics } from '../metrics.ts';
import { createMeeting } from '../testing/factories.ts';
import { collabTest } from './testing/collabTest.ts';
import { ownEditsStored, waitFor } from './testing/collabTestServer.ts';
import { synced, tokenFor, yws } from './testing/ywsTest.ts';
import { meetingDocumentName } from '../../shared/collab/documentName.ts';

/** One sample's value from the text format. */
function sample(text: string, name: string): number {
	const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
	return match?.[1] === undefined ? Number.NaN : Number(match[1]);
}

describe('the collaboration server reports to /metrics', () => {
	collabTest(
		'messages in and out, update-log writes, connections and documents',
		async ({ database, team, clients, startServer }) => {
			const metrics = new Metrics('a-metrics-token-of-some-length');
			const server = await startServer({ metrics });
			metrics.watch({
				connections: () => server.collab.hocuspocus.getConnectionsCount(),
				documents: () => server.collab.hocuspocus.getDocumentsCount(),
				savingPaused: () => server.collab.savingPaused()
			});
			const meetingId = await createMeeting(database.db, team);
			const senco = await clients.openMeeting(team.member('senco'), meetingId, { server });
			const parent = await clients.openMeeting(team.member('parent'), meetingId, { server });
			let text = await metrics.render();
			expect(sample(text, 'coplan_collab_connections')).toBe(2);
			expect(sample(text, 'coplan_collab_documents')).toBe(1);
			const received = sample(text, 'coplan_collab_messages_received_total');
			const sent = sample(text, 'coplan_collab_messages_sent_total');
			const rows = sample(text, 'coplan_update_log_rows_total');

			setFieldText(senco.document, 'familyViews', 'Counted');
			await waitFor(() => ownEditsStored(senco), 'the edit to be stored');
			await waitFor(
				() => fieldText(parent.document, 'familyViews') === 'Counted',
				'the parent to see the edit'
			);
			text = await metrics.render();
			expect(sample(text, 'coplan_collab_messages_received_total')).toBeGreaterThan(received);
			// The edit to the parent, and the saved notice to its author, at least.
			expect(sample(text, 'coplan_collab_messages_sent_total')).toBeGreaterThanOrEqual(sent + 2);
			expect(sample(text, 'coplan_update_log_rows_total')).toBeGreaterThan(rows);
			expect(sample(text, 'coplan_update_log_write_seconds_count')).toBeGreaterThan(0);

			clients.closeAll();
			await waitFor(
				() => server.collab.hocuspocus.getConnectionsCount() === 0,
				'the connections to close'
			);
			expect(sample(await metrics.render(), 'coplan_collab_connections')).toBe(0);
		}
	);

	collabTest(
		'counts the frames of y-websocket tools too',
		async ({ database, team, startServer }) => {
			const metrics = new Metrics('a-metrics-token-of-some-length');
			const server = await startServer({ metrics });
			const meetingId = await createMeeting(database.db, team);
			const before = await metrics.render();
			await synced(
				yws({
					server,
					name: meetingDocumentName(meetingId),
					token: await tokenFor(database.db, team, 'senco', meetingId)
				}),
				'the tool to sync'
			);
			const after = await metrics.render();
			for (const name of [
				'coplan_collab_messages_received_total',
				'coplan_collab_messages_sent_total'
			]) {
				expect(sample(after, name)).toBeGreaterThan(sample(before, name));
			}
		}
	);
});
