import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { storedDocuments } from '../../collab/liveDocuments.ts';
import { collabTest } from '../../collab/testing/collabTest.ts';
import { meetingInvitees, packReaders } from '../../db/schema.ts';
import { loadActor } from '../../policy.ts';
import { createMeeting, documentEditorOf } from '../../testing/factories.ts';
import { restrictedDocumentName } from '../../../shared/collab/documentName.ts';
import { addRestrictedNote, initRestrictedDoc } from '../../../shared/collab/restrictedDoc.ts';
import { findMeeting, meetingResource } from '../meetings/findMeeting.ts';
import { respondToMeeting, saveContribution } from '../meetings/responses.ts';
import { buildPack, recordPackOpened } from './buildPack.ts';

const NOTE = 'Contact the social worker before sharing anything about home.';

describe('the pre-meeting pack for each reader', () => {
	collabTest(
		'gives restricted notes only to readers allowed them, and says who still owes advice',
		async ({ database, team }) => {
			const db = database.db;
			const live = storedDocuments(db);
			const meetingId = await createMeeting(db, team, {
				startsAt: new Date(Date.now() + 10 * 24 * 3600 * 1000),
				status: 'scheduled'
			});
			// Another review booked in between, not yet held: advice counts from before it.
			await createMeeting(db, team, {
				startsAt: new Date(Date.now() + 5 * 24 * 3600 * 1000),
				status: 'scheduled'
			});
			await db.insert(meetingInvitees).values(
				['senco', 'parent', 'salt', 'socialWorker'].map((key) => ({
					meetingId,
					userId: team.member(key).id
				}))
			);
			await live.change(
				restrictedDocumentName(meetingId),
				documentEditorOf(team, 'socialWorker'),
				(doc) => {
					initRestrictedDoc(doc, meetingId);
					addRestrictedNote(doc, {
						category: 'social_care',
						text: NOTE,
						authorUserId: team.member('socialWorker').id,
						authorName: team.member('socialWorker').name,
						createdAt: new Date().toISOString()
					});
				}
			);
			const meeting = await findMeeting(db, meetingId);
			if (!meeting) throw new Error('no meeting');
			const packFor = async (key: string) =>
				buildPack(
					db,
					live,
					meeting,
					{ actor: await loadActor(db, team.member(key).id), resource: meetingResource(meeting) },
					new Date()
				);

			const parents = await packFor('parent');
			expect(parents.restricted).toBeNull();
			expect(JSON.stringify(parents)).not.toContain(NOTE);
			const salts = await packFor('salt');
			expect(salts.restricted).toBeNull();
			const sencos = await packFor('senco');
			expect(sencos.restricted?.map((note) => note.text)).toEqual([NOTE]);

			// Professionals invited who have sent nothing owe advice; the family never does.
			const owing = (await packFor('senco')).owing.map((person) => person.userId);
			expect(owing).toContain(team.member('salt').id);
			expect(owing).not.toContain(team.member('parent').id);
			// Written contributions come from those who cannot attend.
			expect(
				await respondToMeeting(db, meetingId, team.member('salt').id, 'cannot_attend')
			).toEqual({ ok: true });
			expect(
				await saveContribution(db, meetingId, team.member('salt').id, 'Lovely progress.')
			).toEqual({ ok: true });
			expect((await packFor('senco')).owing.map((person) => person.userId)).not.toContain(
				team.member('salt').id
			);
			expect((await packFor('senco')).adviceSince).toBeNull();

			// Opening it again keeps the first time and counts (this once failed on PostgreSQL).
			const first = new Date('2026-12-01T10:00:00Z');
			await recordPackOpened(db, meetingId, team.member('salt').id, first);
			await recordPackOpened(
				db,
				meetingId,
				team.member('salt').id,
				new Date('2026-12-02T10:00:00Z')
			);
			const [reader] = await db
				.select()
				.from(packReaders)
				.where(eq(packReaders.userId, team.member('salt').id));
			expect(reader).toMatchObject({ firstOpenedAt: first, openCount: 2 });
		}
	);
});
