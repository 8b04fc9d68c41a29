import { describe, expect } from 'vitest';
import {
	addAgendaItem,
	addAttendee,
	addContribution,
	fieldText,
	itemFieldId,
	readMeetingDoc,
	removeListItem,
	renameAgendaItem,
	setAttendanceStatus,
	setFieldText
} from '../../shared/collab/meetingDoc.ts';
import { collabTest } from './testing/collabTest.ts';
import { openMeetingForThree, waitForAgreement } from './testing/meetingForThree.ts';
import { waitFor, type TestConnection } from './testing/collabTestServer.ts';

/**
 * Who may change what (editRules.ts), enforced by the server whatever a client sends: a
 * real collaboration server and real providers, the SENCo chairing, the parent and the
 * SaLT taking part. Each refused change is sent as an ordinary edit, as a modified page
 * or a script would send it.
 */

const snapshotOf = (connection: TestConnection) => readMeetingDoc(connection.document);

describe('who may change what', () => {
	collabTest(
		'only the chair shapes the agenda: a parent removing, adding or renaming an item is undone',
		async ({ database, team, clients }) => {
			const { chair, parent, salt } = await openMeetingForThree({ database, team, clients });
			const agenda = snapshotOf(chair).agenda.items;
			const first = agenda[0];
			if (!first) throw new Error('the new meeting has no agenda');

			removeListItem(parent.document, 'agenda', first.id);
			await waitFor(() => parent.reverts.length === 1, 'the parent to be told');
			await waitFor(
				() => snapshotOf(parent).agenda.items.some((item) => item.id === first.id),
				'the removed item to come back on the parent’s copy'
			);
			addAgendaItem(parent.document, 'Added by the parent');
			renameAgendaItem(parent.document, first.id, 'Renamed by the parent');
			await waitFor(() => parent.reverts.length === 3, 'the addition and renaming to be undone');
			await waitForAgreement([chair, parent, salt], 'every copy to agree');
			expect(snapshotOf(salt).agenda.items.map((item) => item.title)).toEqual(
				agenda.map((item) => item.title)
			);
			expect(parent.reverts[0]).toEqual({
				type: 'reverted',
				sections: ['agenda'],
				rules: ['agenda'],
				controls: false
			});

			addAgendaItem(chair.document, 'Added by the chair');
			await waitForAgreement([chair, parent, salt], 'the chair’s item to reach everyone');
			expect(snapshotOf(parent).agenda.items.at(-1)?.title).toBe('Added by the chair');
			expect(chair.reverts).toEqual([]);
		}
	);

	collabTest(
		'each person sets their own attendance; only the chair sets others’ or adds people',
		async ({ database, team, clients }) => {
			const { chair, parent, salt } = await openMeetingForThree({ database, team, clients });
			const attendeeOf = (key: string) => {
				const attendee = snapshotOf(chair).attendance.find(
					(person) => person.userId === team.member(key).id
				);
				if (!attendee) throw new Error(`${key} is not in the attendance`);
				return attendee;
			};

			setAttendanceStatus(parent.document, attendeeOf('parent').id, 'present');
			await waitForAgreement([chair, parent, salt], 'the parent’s own attendance to reach all');
			expect(attendeeOf('parent').status).toBe('present');

			setAttendanceStatus(parent.document, attendeeOf('salt').id, 'apologies');
			await waitFor(() => parent.reverts.length === 1, 'the change to the SaLT’s attendance');
			addAttendee(parent.document, { userId: null, name: 'Someone', role: 'Friend', agency: '' });
			await waitFor(() => parent.reverts.length === 2, 'the added person to be taken off');
			removeListItem(parent.document, 'attendance', attendeeOf('salt').id);
			await waitFor(() => parent.reverts.length === 3, 'the SaLT to be put back');
			await waitForAgreement([chair, parent, salt], 'every copy to agree');
			expect(snapshotOf(salt).attendance.map((person) => [person.name, person.status])).toEqual(
				snapshotOf(chair).attendance.map((person) => [person.name, person.status])
			);
			expect(attendeeOf('salt').status).toBe('expected');
			expect(snapshotOf(chair).attendance.some((person) => person.name === 'Someone')).toBe(false);
			expect(parent.reverts[0]?.rules).toEqual(['attendance']);

			setAttendanceStatus(chair.document, attendeeOf('salt').id, 'apologies');
			await waitForAgreement([chair, parent, salt], 'the chair’s change to reach all');
			expect(snapshotOf(salt).attendance.find((p) => p.id === attendeeOf('salt').id)?.status).toBe(
				'apologies'
			);
			expect(chair.reverts).toEqual([]);
		}
	);

	collabTest(
		'each person adds, edits and removes their own written contribution, and no one else’s',
		async ({ database, team, clients }) => {
			const { chair, parent, salt } = await openMeetingForThree({ database, team, clients });
			const saltMember = team.member('salt');
			const saltsOwn = addContribution(salt.document, {
				authorUserId: saltMember.id,
				authorName: saltMember.name,
				role: 'salt',
				agency: 'NHS Speech and Language Therapy',
				submittedAt: null,
				text: ''
			});
			const textOf = (id: string) => itemFieldId('contributions', id, 'text');
			setFieldText(salt.document, textOf(saltsOwn), 'Uses symbols to ask for help.');
			await waitForAgreement([chair, parent, salt], 'the SaLT’s contribution to reach all');
			expect(salt.reverts).toEqual([]);

			setFieldText(parent.document, textOf(saltsOwn), 'Changed by the parent');
			await waitFor(() => parent.reverts.length === 1, 'the edit to be undone');
			removeListItem(parent.document, 'contributions', saltsOwn);
			await waitFor(() => parent.reverts.length === 2, 'the removal to be undone');
			addContribution(parent.document, {
				authorUserId: saltMember.id,
				authorName: saltMember.name,
				role: 'salt',
				agency: '',
				submittedAt: null,
				text: 'Written in the SaLT’s name'
			});
			await waitFor(() => parent.reverts.length === 3, 'the one in another’s name to go');
			await waitForAgreement([chair, parent, salt], 'every copy to agree');
			const contributions = snapshotOf(chair).contributions;
			expect(contributions).toHaveLength(1);
			expect(contributions[0]?.authorUserId).toBe(saltMember.id);
			expect(fieldText(parent.document, textOf(contributions[0]?.id ?? ''))).toBe(
				'Uses symbols to ask for help.'
			);
			expect(parent.reverts[0]?.rules).toEqual(['contributions']);

			// The parent's own, and the SaLT removing theirs, stand.
			const parentMember = team.member('parent');
			addContribution(parent.document, {
				authorUserId: parentMember.id,
				authorName: parentMember.name,
				role: 'parent_carer',
				agency: 'Family',
				submittedAt: null,
				text: 'Our views, written at home.'
			});
			removeListItem(salt.document, 'contributions', contributions[0]?.id ?? '');
			await waitForAgreement([chair, parent, salt], 'both changes to reach everyone');
			expect(snapshotOf(chair).contributions.map((c) => c.authorUserId)).toEqual([parentMember.id]);
			expect(parent.reverts).toHaveLength(3);
			expect(salt.reverts).toEqual([]);
		}
	);
});
