import { startCollabTestServer } from '$lib/server/collab/testing/collabTestServer.ts';
import { createTestDatabase } from '$lib/server/db/testing.ts';
import { createChildWithTeam, createMeeting } from '$lib/server/testing/factories.ts';
import { serveBenchControl } from './control.ts';

/**
 * Coplan's collaboration server with every extension (authentication, access decisions,
 * schema and size guards, edit budget, persistence with the update log, projections) on
 * its own database: PostgreSQL when TEST_DATABASE_URL is set, PGlite otherwise. Seeds
 * BENCH_MEETINGS meetings for one child and its team, and hands the orchestrator their
 * ids and the team's session cookies.
 */
const meetingCount = Number(process.env.BENCH_MEETINGS ?? '1');
const database = await createTestDatabase();
const team = await createChildWithTeam(database.db);
const meetings: string[] = [];
for (let index = 0; index < meetingCount; index += 1) {
	meetings.push(await createMeeting(database.db, team));
}
const server = await startCollabTestServer(database.db);
serveBenchControl(
	{
		url: server.url,
		meetings,
		// The SENCo first: they type; the others read.
		cookies: ['senco', 'parent', 'salt', 'socialWorker'].map((key) => team.member(key).cookie),
		database: process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'
	},
	async () => {
		await server.stop();
		await database.close();
	},
	() => server.collab.hocuspocus.documents.size
);
