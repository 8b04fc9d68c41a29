import { describe, expect } from 'vitest';
import { loadStoredDoc } from './documentStore.ts';
import {
	addAction,
	fieldText,
	readActions,
	readAgenda,
	readLockedSections,
	readMeetingDoc,
	readWorkingAndWorries,
	setAgendaTimer,
	setColumnScale,
	setCurrentAgendaItem,
	setFieldText,
	setNextReviewDate,
	setSectionLocked
} from '../../shared/collab/meetingDoc.ts';
import { collabTest } from './testing/collabTest.ts';
import { openMeetingForThree, waitForAgreement } from './testing/meetingForThree.ts';
import { waitFor, waitForSaved } from './testing/collabTestServer.ts';

/**
 * Locks and the chair's controls are enforced by the server: a real collaboration server
 * on port 0 and real providers, the SENCo chairing, the parent and the SaLT taking part.
 */

describe('locked sections', () => {
	collabTest(
		'undoes anyone else’s change to a locked section and keeps the rest of the same change',
		async ({ database, server, team, clients }) => {
			const { chair, parent, salt } = await openMeetingForThree({ database, team, clients });
			setFieldText(chair.document, 'childViews', 'Aaron likes the trains at break time.');
			setSectionLocked(chair.document, 'childViews', true);
			await waitFor(
				() => readLockedSections(parent.document).includes('childViews'),
				'the lock to reach the parent'
			);

			// One change, one message: a locked field and an unlocked one.
			parent.document.transact(() => {
				setFieldText(parent.document, 'childViews', 'Changed after the lock');
				setFieldText(parent.document, 'familyViews', 'We want more time outdoors.');
			});

			await waitFor(
				() => fieldText(parent.document, 'childViews') === 'Aaron likes the trains at break time.',
				'the locked field to be put back on the parent’s copy'
			);
			await waitForAgreement([chair, parent, salt], 'every copy to agree');
			expect(fieldText(chair.document, 'childViews')).toBe('Aaron likes the trains at break time.');
			expect(fieldText(salt.document, 'familyViews')).toBe('We want more time outdoors.');
			await waitFor(() => parent.reverts.length === 1, 'the parent to be told');
			expect(parent.reverts[0]).toEqual({
				type: 'reverted',
				sections: ['childViews'],
				rules: [],
				controls: false
			});
			expect(salt.reverts).toEqual([]);

			// The database holds the document as everyone sees it.
			await server.collab.flushUpdateLog();
			const stored = await loadStoredDoc(database.db, parent.provider.configuration.name);
			expect(fieldText(stored, 'childViews')).toBe('Aaron likes the trains at break time.');
			expect(fieldText(stored, 'familyViews')).toBe('We want more time outdoors.');
		}
	);

	collabTest(
		'brings back text deleted from a locked section and removes items added to one',
		async ({ database, team, clients }) => {
			const { chair, parent, salt } = await openMeetingForThree({ database, team, clients });
			const kept = addAction(
				chair.document,
				{ text: 'Send the visual timetable home', ownerUserId: team.member('salt').id },
				{ userId: team.member('senco').id }
			);
			setSectionLocked(chair.document, 'actions', true);
			await waitFor(
				() => readLockedSections(salt.document).includes('actions'),
				'the lock to reach the SaLT'
			);

			addAction(
				salt.document,
				{ text: 'Added after the lock' },
				{ userId: team.member('salt').id }
			);
			setFieldText(salt.document, `actions:${kept}:text`, '');

			await waitFor(() => salt.reverts.length === 2, 'both changes to be undone');
			await waitForAgreement([chair, parent, salt], 'every copy to agree');
			expect(readActions(parent.document).map((action) => action.text.text)).toEqual([
				'Send the visual timetable home'
			]);
		}
	);

	collabTest(
		'puts back a locked detail and keeps an unlocked one changed with it',
		async ({ database, team, clients }) => {
			const { chair, parent } = await openMeetingForThree({ database, team, clients });
			setNextReviewDate(chair.document, '2027-03-01');
			setSectionLocked(chair.document, 'nextReview', true);
			await waitFor(
				() => readLockedSections(parent.document).includes('nextReview'),
				'the lock to reach the parent'
			);

			parent.document.transact(() => {
				setNextReviewDate(parent.document, '2027-09-01');
				setColumnScale(parent.document, 'working', 7);
			});

			await waitFor(() => parent.reverts.length === 1, 'the change to be undone');
			await waitForAgreement([chair, parent], 'both copies to agree');
			expect(readMeetingDoc(chair.document).nextReviewDate).toBe('2027-03-01');
			expect(readWorkingAndWorries(chair.document).workingScale).toBe(7);
		}
	);

	collabTest(
		'lets the chair write in a locked section, and anyone once it is unlocked',
		async ({ database, team, clients }) => {
			const { chair, parent } = await openMeetingForThree({ database, team, clients });
			setSectionLocked(chair.document, 'familyViews', true);
			setFieldText(chair.document, 'familyViews', 'Written by the chair');
			await waitForSaved(chair);
			await waitForAgreement([chair, parent], 'the chair’s words to reach the parent');
			expect(fieldText(parent.document, 'familyViews')).toBe('Written by the chair');

			setSectionLocked(chair.document, 'familyViews', false);
			await waitFor(
				() => !readLockedSections(parent.document).includes('familyViews'),
				'the unlock to reach the parent'
			);
			setFieldText(parent.document, 'familyViews', 'Written by the parent');
			await waitForSaved(parent);
			await waitForAgreement([chair, parent], 'the parent’s words to reach the chair');
			expect(fieldText(chair.document, 'familyViews')).toBe('Written by the parent');
			expect(chair.reverts).toEqual([]);
			expect(parent.reverts).toEqual([]);
		}
	);
});

describe('the chair’s controls', () => {
	collabTest(
		'undo anyone else moving the agenda, running the timer or changing a lock',
		async ({ database, team, clients }) => {
			const { chair, parent } = await openMeetingForThree({ database, team, clients });
			const [first, second] = readAgenda(chair.document).items;
			if (!first || !second) throw new Error('the meeting has no agenda');
			setCurrentAgendaItem(chair.document, first.id);
			setSectionLocked(chair.document, 'outcomes', true);
			await waitFor(
				() => readLockedSections(parent.document).includes('outcomes'),
				'the lock to reach the parent'
			);

			setCurrentAgendaItem(parent.document, second.id);
			setAgendaTimer(parent.document, '2030-01-01T10:00:00.000Z');
			setSectionLocked(parent.document, 'outcomes', false);
			setSectionLocked(parent.document, 'decisions', true);

			await waitFor(() => parent.reverts.length === 4, 'each change to be undone');
			expect(parent.reverts.every((notice) => notice.controls)).toBe(true);
			await waitForAgreement([chair, parent], 'both copies to agree');
			expect(readAgenda(parent.document)).toMatchObject({
				currentItemId: first.id,
				timerEndsAt: null
			});
			expect(readLockedSections(parent.document)).toEqual(['outcomes']);
		}
	);
});
