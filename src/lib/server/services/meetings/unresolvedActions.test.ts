import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createChildWithTeam,
	createMeeting,
	type ChildFixture
} from '$lib/server/collab/testing/meetingFixtures.ts';
import { storedDocuments } from '../../collab/liveDocuments.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { addAction, setActionDueDate, setActionOwner } from '../../../shared/collab/meetingDoc.ts';
import { unresolvedActionCount } from './unresolvedActions.ts';

let database: TestDatabase;
let fixture: ChildFixture;

beforeAll(async () => {
	database = await createTestDatabase();
	fixture = await createChildWithTeam(database.db);
});

afterAll(async () => {
	await database?.close();
});

describe('unresolvedActionCount', () => {
	it('counts actions without an owner or a due date until they have both', async () => {
		const meetingId = await createMeeting(database.db, fixture);
		const name = meetingDocumentName(meetingId);
		const senco = fixture.people.senco;
		if (!senco) throw new Error('no SENCo in the fixture');
		const editor = { id: senco.userId, name: senco.name, email: 'senco@example.test' };
		const author = { userId: senco.userId };
		expect(await unresolvedActionCount(storedDocuments(database.db), meetingId)).toBe(0);

		let first = '';
		await storedDocuments(database.db).change(name, editor, (doc) => {
			first = addAction(doc, { text: 'Share the signs' }, author);
			addAction(
				doc,
				{ text: 'Book the hearing test', ownerUserId: senco.userId, dueDate: '2027-01-10' },
				author
			);
		});
		expect(await unresolvedActionCount(storedDocuments(database.db), meetingId)).toBe(1);

		await storedDocuments(database.db).change(name, editor, (doc) => {
			setActionOwner(doc, first, { userId: senco.userId, agency: 'School' }, author);
		});
		expect(await unresolvedActionCount(storedDocuments(database.db), meetingId)).toBe(1);

		await storedDocuments(database.db).change(name, editor, (doc) => {
			setActionDueDate(doc, first, '2027-02-01', author);
		});
		expect(await unresolvedActionCount(storedDocuments(database.db), meetingId)).toBe(0);
	});
});
