import { eq, isNull } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { auditEvents, documentUpdates, sessions, users } from '../../db/schema.ts';
import { collabTest } from '../../collab/testing/collabTest.ts';
import { ownEditsStored, waitFor } from '../../collab/testing/collabTestServer.ts';
import { FORMER_MEMBER_NAME } from '../../../shared/collab/anonymise.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import { readMeetingDoc, setFieldText } from '../../../shared/collab/meetingDoc.ts';
import {
	addMembership,
	addTeamMember,
	createChildWithTeam,
	createMeeting
} from '../../testing/factories.ts';
import { erasePerson, findErasablePerson } from './erasePerson.ts';

describe('erasing a person', () => {
	collabTest(
		'removes their account and their name from live meetings, and leaves their edits unattributed',
		async ({ database, server, clients, team }) => {
			const db = database.db;
			const parent = team.member('parent');
			const senco = team.member('senco');
			const meetingId = await createMeeting(db, team);
			const connection = await clients.openMeeting(parent, meetingId);
			setFieldText(connection.document, 'familyViews', 'We would like more speech therapy');
			await waitFor(() => ownEditsStored(connection), 'the parent’s edit to be stored');
			const name = meetingDocumentName(meetingId);
			const before = readMeetingDoc(await server.collab.live.read(name));
			expect(before.attendance.map((attendee) => attendee.name)).toContain(parent.name);

			const found = await findErasablePerson(db, {
				actorId: senco.id,
				organisationId: team.organisationId,
				email: parent.email.toUpperCase()
			});
			if (!found.ok) throw new Error(found.reason);
			expect(found.person.children.map((child) => child.id)).toEqual([team.childId]);
			const result = await erasePerson(
				{ db, live: server.collab.live },
				{
					actorId: senco.id,
					actorName: senco.name,
					actorEmail: senco.email,
					organisationId: team.organisationId,
					person: found.person
				}
			);
			expect(result.documents).toBe(1);

			const after = readMeetingDoc(await server.collab.live.read(name));
			expect(after.attendance.map((attendee) => attendee.name)).not.toContain(parent.name);
			expect(after.attendance.map((attendee) => attendee.name)).toContain(FORMER_MEMBER_NAME);
			expect(after.familyViews.text).toBe('We would like more speech therapy');
			expect(await db.select().from(users).where(eq(users.id, parent.id))).toEqual([]);
			expect(await db.select().from(sessions).where(eq(sessions.userId, parent.id))).toEqual([]);
			expect(
				await db.select().from(documentUpdates).where(eq(documentUpdates.userId, parent.id))
			).toEqual([]);
			const unattributed = await db
				.select()
				.from(documentUpdates)
				.where(isNull(documentUpdates.userId));
			expect(unattributed.some((row) => row.documentName === name)).toBe(true);
			const [erased] = await db
				.select()
				.from(auditEvents)
				.where(eq(auditEvents.action, 'person.erased'));
			expect(erased).toMatchObject({
				actorId: senco.id,
				subjectId: parent.id,
				organisationId: team.organisationId,
				details: { teams: 1, documents: 1, member: false }
			});
			expect(JSON.stringify(erased?.details)).not.toContain(parent.email);
		}
	);

	collabTest(
		'is refused for oneself, across organisations and for the last admin',
		async ({ database }) => {
			const db = database.db;
			const team = await createChildWithTeam(db);
			const other = await createChildWithTeam(db);
			const senco = team.member('senco');
			const find = (actorId: string, userId: string, organisationId = team.organisationId) =>
				findErasablePerson(db, { actorId, organisationId, userId });
			expect(await find(senco.id, senco.id)).toEqual({ ok: false, reason: 'self' });
			// Someone only another organisation knows is not found at all.
			expect(await find(senco.id, other.member('parent').id)).toEqual({
				ok: false,
				reason: 'notFound'
			});
			const salt = team.member('salt');
			await addTeamMember(db, other.childId, salt.id, 'salt', 'NHS');
			expect(await find(senco.id, salt.id)).toEqual({ ok: false, reason: 'elsewhere' });
			const parent = team.member('parent');
			await addMembership(db, team.organisationId, parent.id, 'admin');
			expect(await find(senco.id, parent.id)).toEqual({ ok: false, reason: 'lastAdmin' });
			expect(await find(senco.id, 'not-an-id')).toEqual({ ok: false, reason: 'notFound' });
		}
	);
});
