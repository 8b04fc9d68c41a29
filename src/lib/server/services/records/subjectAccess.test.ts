import { insertPlanVersion } from '../plan/planVersions.ts';
import { childVoiceLinks, childVoiceSubmissions } from '../../db/schema.ts';
import { eq } from 'drizzle-orm';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect } from 'vitest';
import { adviceItems, auditEvents, meetings } from '../../db/schema.ts';
import { collabTest } from '../../collab/testing/collabTest.ts';
import { ownEditsStored, waitFor } from '../../collab/testing/collabTestServer.ts';
import { setFieldText } from '../../../shared/collab/meetingDoc.ts';
import { createLogger } from '../../logger.ts';
import { createChildWithTeam, createMeeting } from '../../testing/factories.ts';
import { freezeMinutes } from '../minutes/minutesVersions.ts';
import {
	findSubjectAccessExport,
	listSubjectAccessExports,
	startSubjectAccessExport,
	subjectAccessZip
} from './subjectAccess.ts';

describe('a subject access export', () => {
	collabTest(
		'gathers the record, advice files, meetings with history and minutes PDFs, and the audit trail into one zip',
		async ({ database, server, clients, team }) => {
			const db = database.db;
			const meetingId = await createMeeting(db, team);
			await db.insert(adviceItems).values({
				childId: team.childId,
				title: 'Speech report',
				authorName: 'Sam Patel',
				agency: 'NHS',
				adviceDate: '2026-01-01',
				fileName: 'Speech report (final).pdf',
				fileType: 'application/pdf',
				fileSize: 5,
				fileData: new TextEncoder().encode('%PDF-')
			});
			const parent = await clients.openMeeting(team.member('parent'), meetingId);
			setFieldText(parent.document, 'familyViews', 'Aaron loves trains');
			await waitFor(() => ownEditsStored(parent), 'the parent’s edit to be stored');
			const closedAt = new Date();
			await db
				.update(meetings)
				.set({ status: 'closed', closedAt })
				.where(eq(meetings.id, meetingId));
			await freezeMinutes(db, server.collab.live, {
				meetingId,
				closedBy: team.member('senco').id,
				closedAt
			});
			const [link] = await db
				.insert(childVoiceLinks)
				.values({
					tokenHash: 'f'.repeat(64),
					meetingId,
					createdBy: team.member('senco').id,
					expiresAt: new Date(Date.now() + 3600_000)
				})
				.returning({ id: childVoiceLinks.id });
			await db.insert(childVoiceSubmissions).values({
				linkId: link?.id ?? '',
				meetingId,
				answers: [],
				helpedBy: 'Mum',
				pictureType: 'image/png',
				pictureSize: 4,
				pictureData: new Uint8Array([0x89, 0x50, 0x4e, 0x47])
			});
			await insertPlanVersion(db, {
				childId: team.childId,
				state: 'adopted',
				source: 'person',
				madeBy: team.member('senco').id,
				summary: 'Typed in from the issued plan',
				content: {
					sections: {},
					outcomes: [{ id: 'o-1', areaOfNeed: null, text: 'Ask for help', steps: '' }],
					provision: []
				}
			});
			const admin = { id: team.member('senco').id, name: team.member('senco').name };
			const deps = { db, live: server.collab.live, logger: createLogger('silent') };
			const started = await startSubjectAccessExport(deps, {
				actor: admin,
				organisationId: team.organisationId,
				childId: team.childId
			});
			if (!started.ok) throw new Error(`not started: ${started.reason}`);
			// One at a time for each admin.
			expect(
				await startSubjectAccessExport(deps, {
					actor: admin,
					organisationId: team.organisationId,
					childId: team.childId
				})
			).toEqual({ ok: false, reason: 'busy' });
			await started.done;

			const view = await findSubjectAccessExport(db, team.organisationId, started.exportId);
			expect(view).toMatchObject({ status: 'ready', stepsDone: 7, stepsTotal: 7 });
			const zip = await subjectAccessZip(db, team.organisationId, started.exportId);
			if (!zip) throw new Error('no zip');
			const files = unzipSync(zip.bytes);
			const paths = Object.keys(files);
			expect(paths).toEqual(
				expect.arrayContaining([
					'README.txt',
					'child/record.json',
					'child/team.json',
					'child/consents.json',
					'advice/advice.json',
					'advice/files/001-Speech-report-final-.pdf',
					'plan/versions.json',
					'plan/la-decisions.json',
					'handovers/handovers.json',
					'child-voice/submissions.json',
					'audit-trail.json'
				])
			);
			const folder = paths
				.find((path) => path.endsWith('/meeting.json'))
				?.replace('/meeting.json', '');
			expect(folder).toMatch(/^meetings\/\d{4}-\d{2}-\d{2}-ehcp_annual_review-/);
			const read = (path: string) => strFromU8(files[path] ?? new Uint8Array());
			expect(read(`${folder}/live-document.json`)).toContain('Aaron loves trains');
			const historyRows = JSON.parse(read(`${folder}/history.json`)) as { author: string | null }[];
			expect(historyRows.map((row) => row.author)).toContain(team.member('parent').name);
			expect(read(`${folder}/minutes-v1.json`)).toContain('Aaron loves trains');
			expect(read('plan/versions.json')).toContain('Ask for help');
			expect(read('child-voice/submissions.json')).toContain('child-voice/pictures/001.png');
			expect(files['child-voice/pictures/001.png']).toEqual(
				new Uint8Array([0x89, 0x50, 0x4e, 0x47])
			);
			expect(read(`${folder}/restricted/minutes-v1.pdf`).startsWith('%PDF-')).toBe(true);
			const team_ = JSON.parse(read('child/team.json')) as { name: string }[];
			expect(team_.map((person) => person.name)).toContain(team.member('parent').name);
			const trail = JSON.parse(read('audit-trail.json')) as { action: string }[];
			expect(trail.map((event) => event.action)).toContain('child.exported');

			// Another organisation's admin cannot find or download it.
			const other = await createChildWithTeam(db);
			expect(await subjectAccessZip(db, other.organisationId, started.exportId)).toBeNull();
			expect(await listSubjectAccessExports(db, other.organisationId)).toEqual([]);
			const exported = await db
				.select()
				.from(auditEvents)
				.where(eq(auditEvents.action, 'child.exported'));
			expect(exported).toEqual([
				expect.objectContaining({ actorId: admin.id, childId: team.childId })
			]);
		}
	);
});
