/**
 * How long a subject access export takes for a child with years of meetings: each meeting
 * closed with its minutes (JSON and PDF) and a history of 2,000 edits, plus advice files.
 * The baseline is a child with one such meeting, measured in the same run, on the embedded
 * database (or TEST_DATABASE_URL's PostgreSQL when set).
 *
 *   npm run bench subjectAccess
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { appendUpdates } from '../../src/lib/server/collab/documentStore.ts';
import { storedDocuments } from '../../src/lib/server/collab/liveDocuments.ts';
import { createTestDatabase } from '../../src/lib/server/db/testing.ts';
import { adviceItems, meetings } from '../../src/lib/server/db/schema.ts';
import { createLogger } from '../../src/lib/server/logger.ts';
import { freezeMinutes } from '../../src/lib/server/services/minutes/minutesVersions.ts';
import {
	startSubjectAccessExport,
	subjectAccessZip
} from '../../src/lib/server/services/records/subjectAccess.ts';
import { createChildWithTeam, type ChildWithTeam } from '../../src/lib/server/testing/factories.ts';
import { meetingDocumentName } from '../../src/lib/shared/collab/documentName.ts';
import { initMeetingDoc, setFieldText } from '../../src/lib/shared/collab/meetingDoc.ts';

const EDITS_PER_MEETING = 2_000;
const ADVICE_FILES = 10;
const ADVICE_FILE_BYTES = 500_000;

const database = await createTestDatabase();
const db = database.db;
const live = storedDocuments(db);

/** A closed meeting whose log holds an ordinary review's worth of typing. */
async function closedMeeting(team: ChildWithTeam, startsAt: Date): Promise<void> {
	const closedAt = new Date(startsAt.getTime() + 3600_000);
	const [meeting] = await db
		.insert(meetings)
		.values({
			childId: team.childId,
			type: 'ehcp_annual_review',
			startsAt,
			status: 'closed',
			closedAt,
			chairId: team.member('senco').id
		})
		.returning({ id: meetings.id });
	if (!meeting) throw new Error('no meeting');
	const doc = new Y.Doc();
	const rows: Parameters<typeof appendUpdates>[1] = [];
	const author = team.member('parent').id;
	doc.on('update', (update: Uint8Array) =>
		rows.push({
			documentName: meetingDocumentName(meeting.id),
			update,
			userId: author,
			receivedAt: startsAt
		})
	);
	initMeetingDoc(doc, {
		meetingId: meeting.id,
		childId: team.childId,
		meetingType: 'ehcp_annual_review',
		agenda: [{ id: 'welcome', title: 'Welcome' }],
		attendees: [],
		contributions: [],
		carriedActions: [],
		now: startsAt.toISOString()
	});
	const fields = ['childViews', 'familyViews', 'working', 'notWorking', 'worries'];
	let typed = '';
	for (let index = 0; rows.length < EDITS_PER_MEETING; index += 1) {
		typed += 'word ';
		setFieldText(doc, fields[index % fields.length] ?? 'worries', typed.slice(-400));
	}
	for (let offset = 0; offset < rows.length; offset += 1000) {
		await appendUpdates(db, rows.slice(offset, offset + 1000));
	}
	await freezeMinutes(db, live, {
		meetingId: meeting.id,
		closedBy: team.member('senco').id,
		closedAt
	});
}

async function childWith(meetingCount: number): Promise<ChildWithTeam> {
	const team = await createChildWithTeam(db);
	for (let index = 0; index < meetingCount; index += 1) {
		await closedMeeting(team, new Date(Date.UTC(2020, index * 3, 10, 10)));
	}
	for (let index = 0; index < ADVICE_FILES; index += 1) {
		await db.insert(adviceItems).values({
			childId: team.childId,
			title: `Report ${index + 1}`,
			authorName: 'Sam Patel',
			agency: 'NHS',
			adviceDate: '2024-01-01',
			fileName: `report-${index + 1}.pdf`,
			fileType: 'application/pdf',
			fileSize: ADVICE_FILE_BYTES,
			fileData: new Uint8Array(ADVICE_FILE_BYTES).fill(37)
		});
	}
	return team;
}

async function timeExport(team: ChildWithTeam): Promise<{ ms: number; bytes: number }> {
	const started = performance.now();
	const admin = team.member('senco');
	const result = await startSubjectAccessExport(
		{ db, live, logger: createLogger('silent') },
		{
			actor: { id: admin.id, name: admin.name },
			organisationId: team.organisationId,
			childId: team.childId
		}
	);
	if (!result.ok) throw new Error(result.reason);
	await result.done;
	const ms = performance.now() - started;
	const zip = await subjectAccessZip(db, team.organisationId, result.exportId);
	return { ms, bytes: zip?.bytes.byteLength ?? 0 };
}

try {
	const baseline = await timeExport(await childWith(1));
	const years = await timeExport(await childWith(24));
	const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
	console.log(
		`subject access export (${EDITS_PER_MEETING} edits a meeting, ${ADVICE_FILES} files of ${mb(ADVICE_FILE_BYTES)}):`
	);
	console.log(
		`  1 meeting (baseline):      ${baseline.ms.toFixed(0)} ms, zip ${mb(baseline.bytes)}`
	);
	console.log(
		`  24 meetings (six years):   ${years.ms.toFixed(0)} ms, zip ${mb(years.bytes)}, ${(years.ms / baseline.ms).toFixed(1)}× the baseline`
	);
} finally {
	await database.close();
}
