import { eq, inArray } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import {
	adviceItems,
	auditEvents,
	children,
	consents,
	documentUpdates,
	documents,
	meetings,
	teamMembers
} from '../../db/schema.ts';
import { collabTest } from '../../collab/testing/collabTest.ts';
import { ownEditsStored, waitFor, waitUntil } from '../../collab/testing/collabTestServer.ts';
import {
	meetingDocumentName,
	restrictedDocumentName
} from '../../../shared/collab/documentName.ts';
import { setFieldText } from '../../../shared/collab/meetingDoc.ts';
import { createChildWithTeam, createMeeting } from '../../testing/factories.ts';
import { eraseChild } from './eraseChild.ts';
import { recordsDueForDeletion, setRetentionYears } from './retention.ts';

const TODAY = '2026-12-04';

describe('records due under the retention rule', () => {
	collabTest('are those past date of birth plus the organisation’s years', async ({ database }) => {
		const db = database.db;
		const team = await createChildWithTeam(db);
		await db
			.update(children)
			.set({ dateOfBirth: '1995-12-04' })
			.where(eq(children.id, team.childId));
		expect(await recordsDueForDeletion(db, team.organisationId, TODAY)).toEqual([
			expect.objectContaining({ childId: team.childId, dueSince: '2026-12-04', meetings: 0 })
		]);
		expect(await recordsDueForDeletion(db, team.organisationId, '2026-12-03')).toEqual([]);
		const admin = team.member('senco');
		await setRetentionYears(db, {
			actorId: admin.id,
			organisationId: team.organisationId,
			years: 40
		});
		expect(await recordsDueForDeletion(db, team.organisationId, TODAY)).toEqual([]);
		const [change] = await db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'retention.changed'));
		expect(change).toMatchObject({
			organisationId: team.organisationId,
			details: { from: 31, to: 40 }
		});
	});
});

describe('deleting a child’s record for good', () => {
	collabTest(
		'removes the record, its meetings, files and live documents with their history, and says so in the audit trail',
		async ({ database, server, clients }) => {
			const db = database.db;
			const team = await createChildWithTeam(db);
			await db
				.update(children)
				.set({ dateOfBirth: '1990-01-01' })
				.where(eq(children.id, team.childId));
			const meetingId = await createMeeting(db, team);
			await db.insert(adviceItems).values({
				childId: team.childId,
				title: 'Speech report',
				authorName: 'Sam',
				agency: 'NHS',
				adviceDate: '2020-01-01',
				fileName: 'report.pdf',
				fileType: 'application/pdf',
				fileSize: 3,
				fileData: new Uint8Array([1, 2, 3])
			});
			await db.insert(consents).values({
				childId: team.childId,
				agency: 'NHS',
				information: 'Speech reports',
				includesRestricted: false,
				givenBy: 'Parent',
				givenOn: '2020-01-01'
			});
			const parent = await clients.openMeeting(team.member('parent'), meetingId);
			setFieldText(parent.document, 'familyViews', 'Aaron likes trains');
			await waitFor(() => ownEditsStored(parent), 'the parent’s edit to be stored');
			const names = [meetingDocumentName(meetingId), restrictedDocumentName(meetingId)];
			// Opening the document is audited beside the opening, not before it.
			const auditedBefore = async () =>
				(await db.select().from(auditEvents).where(eq(auditEvents.childId, team.childId))).length;
			await waitUntil(async () => (await auditedBefore()) > 0, 'the opening to be audited');
			const readsBefore = await auditedBefore();

			const result = await eraseChild(
				{ db, live: server.collab.live },
				{
					actorId: team.member('senco').id,
					organisationId: team.organisationId,
					childId: team.childId,
					today: TODAY
				}
			);
			expect(result).toMatchObject({
				ok: true,
				erased: { meetings: 1, adviceFiles: 1, minutesVersions: 0 }
			});
			if (!result.ok) return;
			expect(result.erased.documentUpdates).toBeGreaterThan(0);

			await waitFor(
				() => !server.collab.hocuspocus.documents.has(names[0] ?? ''),
				'the live document to be unloaded'
			);
			// The parent typing on does not bring anything back.
			setFieldText(parent.document, 'familyViews', 'Aaron likes trains and buses');
			await server.collab.flushUpdateLog();
			const left = async () => ({
				children: await db.select().from(children).where(eq(children.id, team.childId)),
				team: await db.select().from(teamMembers).where(eq(teamMembers.childId, team.childId)),
				meetings: await db.select().from(meetings).where(eq(meetings.childId, team.childId)),
				advice: await db.select().from(adviceItems).where(eq(adviceItems.childId, team.childId)),
				consents: await db.select().from(consents).where(eq(consents.childId, team.childId)),
				documents: await db.select().from(documents).where(inArray(documents.name, names)),
				log: await db
					.select()
					.from(documentUpdates)
					.where(inArray(documentUpdates.documentName, names))
			});
			expect(await left()).toEqual({
				children: [],
				team: [],
				meetings: [],
				advice: [],
				consents: [],
				documents: [],
				log: []
			});
			const trail = await db
				.select()
				.from(auditEvents)
				.where(eq(auditEvents.childId, team.childId));
			expect(trail.length).toBe(readsBefore + 1);
			expect(trail.find((event) => event.action === 'child.erased')).toMatchObject({
				actorId: team.member('senco').id,
				organisationId: team.organisationId,
				details: { reason: 'retention', dueSince: '2021-01-01', meetings: 1 }
			});
		}
	);

	collabTest(
		'refuses a record not yet due, and another organisation’s',
		async ({ database, server }) => {
			const db = database.db;
			const team = await createChildWithTeam(db);
			const other = await createChildWithTeam(db);
			const erase = (organisationId: string, childId: string) =>
				eraseChild(
					{ db, live: server.collab.live },
					{ actorId: team.member('senco').id, organisationId, childId, today: TODAY }
				);
			expect(await erase(team.organisationId, team.childId)).toEqual({
				ok: false,
				reason: 'notDue'
			});
			await db
				.update(children)
				.set({ dateOfBirth: '1980-01-01' })
				.where(eq(children.id, other.childId));
			expect(await erase(team.organisationId, other.childId)).toEqual({
				ok: false,
				reason: 'notFound'
			});
			expect(await db.select().from(children).where(eq(children.id, other.childId))).toHaveLength(
				1
			);
		}
	);
});
