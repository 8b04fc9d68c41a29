import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restrictedDocumentName } from '../../../shared/collab/documentName.ts';
import { addRestrictedNote, initRestrictedDoc } from '../../../shared/collab/restrictedDoc.ts';
import { storedDocuments } from '../../collab/liveDocuments.ts';
import { meetings } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { loadActor } from '../../policy.ts';
import { createChildWithTeam, createMeeting, type ChildWithTeam } from '../../testing/factories.ts';
import { findMeeting, meetingResource, type MeetingRecord } from '../meetings/findMeeting.ts';
import { minutesVersionsOf, parseSelection, readMinutes } from './readMinutes.ts';

let database: TestDatabase;
let team: ChildWithTeam;

beforeAll(async () => {
	database = await createTestDatabase();
	team = await createChildWithTeam(database.db);
});

afterAll(async () => {
	await database?.close();
});

async function meetingRecord(meetingId: string): Promise<MeetingRecord> {
	const meeting = await findMeeting(database.db, meetingId);
	if (!meeting) throw new Error('no meeting');
	return meeting;
}

async function readAs(key: string, meeting: MeetingRecord, selection: string) {
	const parsed = parseSelection(selection);
	if (!parsed) throw new Error('bad selection');
	const actor = await loadActor(database.db, team.member(key).id);
	return readMinutes(
		database.db,
		storedDocuments(database.db),
		meeting,
		meetingResource(meeting),
		{ actor, name: team.member(key).name },
		parsed,
		new Date('2027-03-15T09:30:00Z')
	);
}

describe('reading the minutes', () => {
	it('gives restricted notes only to people allowed to read them, draft and frozen alike', async () => {
		const meetingId = await createMeeting(database.db, team);
		const social = team.member('socialWorker');
		await storedDocuments(database.db).change(restrictedDocumentName(meetingId), social, (doc) => {
			initRestrictedDoc(doc, meetingId);
			addRestrictedNote(doc, {
				category: 'safeguarding',
				text: 'Known to children’s services',
				authorUserId: social.id,
				authorName: social.name
			});
		});
		const open = await meetingRecord(meetingId);
		const draftForParent = await readAs('parent', open, 'draft');
		expect(draftForParent?.restricted).toBeNull();
		expect(draftForParent?.context).toEqual({
			version: null,
			exportedByName: team.member('parent').name,
			exportedAt: 'Monday 15 March 2027 at 09:30'
		});
		const draftForSocialWorker = await readAs('socialWorker', open, 'draft');
		expect(draftForSocialWorker?.restricted?.notes.map((n) => n.text)).toEqual([
			'Known to children’s services'
		]);

		// Closed without going through closeMeeting (as before minutes were frozen):
		// reading the versions freezes the close's version then.
		const closedAt = new Date('2027-03-12T11:00:00Z');
		await database.db
			.update(meetings)
			.set({ status: 'closed', closedAt })
			.where(eq(meetings.id, meetingId));
		const closed = await meetingRecord(meetingId);
		const versions = await minutesVersionsOf(database.db, storedDocuments(database.db), closed);
		expect(versions.map((v) => [v.version, v.closedAt])).toEqual([[1, closedAt]]);
		expect(await minutesVersionsOf(database.db, storedDocuments(database.db), closed)).toHaveLength(
			1
		);

		expect(await readAs('parent', closed, 'draft')).toBeNull();
		const frozenForParent = await readAs('parent', closed, '1');
		expect(frozenForParent?.restricted).toBeNull();
		expect(frozenForParent?.context.version?.restrictedHash).toMatch(/^[0-9a-f]{64}$/);
		const frozenForSocialWorker = await readAs('socialWorker', closed, '1');
		expect(frozenForSocialWorker?.restricted?.notes).toHaveLength(1);
		expect(await readAs('parent', closed, '2')).toBeNull();
	});

	it('accepts only "draft" and version numbers as a selection', () => {
		expect(parseSelection('draft')).toEqual({ kind: 'draft' });
		expect(parseSelection('3')).toEqual({ kind: 'version', number: 3 });
		for (const bad of ['0', '-1', '1.5', '01', 'latest', '9999999', '']) {
			expect(parseSelection(bad)).toBeNull();
		}
	});
});
