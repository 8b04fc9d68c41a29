import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedDocuments } from '../../collab/liveDocuments.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createChildWithTeam, createMeeting, type ChildWithTeam } from '../../testing/factories.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { addAction, setActionDueDate, setActionOwner } from '../../../shared/collab/meetingDoc.ts';
import { unresolvedActionCount } from './unresolvedActions.ts';

let database: TestDatabase;
let team: ChildWithTeam;

beforeAll(async () => {
	database = await createTestDatabase();
	team = await createChildWithTeam(database.db);
});

afterAll(async () => {
	await database?.close();
});

describe('unresolvedActionCount', () => {
	it('counts actions without an owner or a due date until they have both', async () => {
		const meetingId = await createMeeting(database.db, team);
		const name = meetingDocumentName(meetingId);
		const senco = team.member('senco');
		const author = { userId: senco.id };
		expect(await unresolvedActionCount(storedDocuments(database.db), meetingId)).toBe(0);

		let first = '';
		await storedDocuments(database.db).change(name, senco, (doc) => {
			first = addAction(doc, { text: 'Share the signs' }, author);
			addAction(
				doc,
				{ text: 'Book the hearing test', ownerUserId: senco.id, dueDate: '2027-01-10' },
				author
			);
		});
		expect(await unresolvedActionCount(storedDocuments(database.db), meetingId)).toBe(1);

		await storedDocuments(database.db).change(name, senco, (doc) => {
			setActionOwner(doc, first, { userId: senco.id, agency: 'School' }, author);
		});
		expect(await unresolvedActionCount(storedDocuments(database.db), meetingId)).toBe(1);

		await storedDocuments(database.db).change(name, senco, (doc) => {
			setActionDueDate(doc, first, '2027-02-01', author);
		});
		expect(await unresolvedActionCount(storedDocuments(database.db), meetingId)).toBe(0);
	});
});
