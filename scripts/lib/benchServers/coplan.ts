import { startCollabTestServer } from '$lib/server/collab/testing/collabTestServer.ts';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/client.ts';
import { createTestDatabase } from '$lib/server/db/testing.ts';
import { createChildWithTeam, createMeeting } from '$lib/server/testing/factories.ts';
import { serveBenchControl } from './control.ts';

/**
 * Coplan's collaboration server with every extension (authentication, access decisions,
 * schema and size guards, edit budget, persistence with the update log, projections) on
 * its own database: PostgreSQL when TEST_DATABASE_URL is set, PGlite otherwise. Seeds
 * BENCH_MEETINGS meetings for one child and its team, and hands the orchestrator their
 * ids, the team's session cookies and the database's URL.
 *
 * A second instance of the same Coplan: BENCH_DATABASE_URL, the first one's database,
 * which it joins rather than makes (it seeds nothing, and the first one's meetings and
 * cookies hold for it). With BENCH_REDIS_URL (and BENCH_REDIS_PREFIX) the server shares
 * its meetings with the others on that Redis, as several instances in production do.
 */
const meetingCount = Number(process.env.BENCH_MEETINGS ?? '1');
const joining = process.env.BENCH_DATABASE_URL;
const redisUrl = process.env.BENCH_REDIS_URL;

async function seed(database: DatabaseHandle) {
	const team = await createChildWithTeam(database.db);
	const meetings: string[] = [];
	for (let index = 0; index < meetingCount; index += 1) {
		meetings.push(await createMeeting(database.db, team));
	}
	// The SENCo first: they type; the others read.
	const cookies = ['senco', 'parent', 'salt', 'socialWorker'].map((key) => team.member(key).cookie);
	return { meetings, cookies };
}

const database = joining
	? { ...(await openDatabase({ databaseUrl: joining, maxConnections: 4 })), url: joining }
	: await createTestDatabase();
const seeded = joining ? {} : await seed(database);
const server = await startCollabTestServer(database.db, {
	...(redisUrl ? { redis: { url: redisUrl, prefix: process.env.BENCH_REDIS_PREFIX } } : {})
});
serveBenchControl(
	{
		url: server.url,
		...seeded,
		database: process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite',
		databaseUrl: database.url
	},
	async () => {
		await server.stop();
		// The first instance's close drops the database it made; a joining one only leaves.
		await database.close();
	},
	() => server.collab.hocuspocus.documents.size
);
