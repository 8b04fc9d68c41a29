import { describe, expect } from 'vitest';
import { COLLAB_CLOSE_CODES } from '../../../shared/collab/closeCodes.ts';
import { meetingDocumentName } from '../../../shared/collab/documentName.ts';
import {
	addAgendaItem,
	isSectionLocked,
	readAgenda,
	readMeetingDoc,
	setFieldText,
	setSectionLocked
} from '../../../shared/collab/meetingDoc.ts';
import { createMeeting } from '../../testing/factories.ts';
import { collabTest } from '../testing/collabTest.ts';
import { waitFor, waitForSaved } from '../testing/collabTestServer.ts';
import { closedWith, flushThrough, synced, tokenFor, yws } from '../testing/ywsTest.ts';

/** A small limit stands in for the real 4 MB so the test stays quick. */
const LIMIT = 64 * 1024;

collabTest.override('serverOptions', { maxDocumentBytes: LIMIT });

const titles = (doc: Parameters<typeof readAgenda>[0]) =>
	readAgenda(doc).items.map((item) => item.title);

describe('/yws: the meeting’s rules hold for y-websocket clients', () => {
	collabTest(
		'a change to a locked section, or to the agenda by someone who does not chair, is undone, and the tool converges',
		async ({ database, team, clients, server }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const chair = await clients.openMeeting(team.member('senco'), meetingId);
			const secret = await tokenFor(database.db, team, 'salt', meetingId);
			const tool = await synced(yws({ server, name, token: secret }), 'the tool to sync');

			setSectionLocked(chair.document, 'childViews', true);
			await waitFor(
				() => isSectionLocked(tool.document, 'childViews'),
				'the lock to reach the tool'
			);
			setFieldText(tool.document, 'childViews', 'Slipped in while locked');
			// Not locked, but the chair's to shape (editRules.ts): undone too.
			addAgendaItem(tool.document, 'Added by the SaLT’s tool');
			setFieldText(tool.document, 'familyViews', 'An unlocked section');
			await flushThrough(tool, chair.provider);

			const live = server.collab.hocuspocus.documents.get(name);
			if (!live) throw new Error('the meeting is not loaded');
			expect(readMeetingDoc(live).childViews.text).toBe('');
			expect(titles(live)).not.toContain('Added by the SaLT’s tool');
			expect(readMeetingDoc(live).familyViews.text).toBe('An unlocked section');
			// The undo reached the tool as an ordinary update: its copy agrees with the server.
			await waitFor(
				() =>
					readMeetingDoc(tool.document).childViews.text === '' &&
					!titles(tool.document).includes('Added by the SaLT’s tool'),
				'the undo to reach the tool'
			);
			expect(readMeetingDoc(tool.document)).toEqual(readMeetingDoc(live));
		}
	);

	collabTest(
		'a change that would take the document over its size limit closes the tool’s socket',
		async ({ database, team, clients, server }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const bystander = await clients.openMeeting(team.member('parent'), meetingId);
			const secret = await tokenFor(database.db, team, 'salt', meetingId);
			const tool = await synced(yws({ server, name, token: secret }), 'the tool to sync');

			setFieldText(tool.document, 'childViews', 'y'.repeat(LIMIT + 1024));
			await waitFor(
				() => closedWith(tool, COLLAB_CLOSE_CODES.documentTooLarge, 'document-too-large'),
				'the tool’s socket to close with the size code'
			);
			const live = server.collab.hocuspocus.documents.get(name);
			expect(live && readMeetingDoc(live).childViews.text).toBe('');
			expect(tool.provider.shouldConnect).toBe(false);
			setFieldText(bystander.document, 'worries', 'Still saving');
			await waitForSaved(bystander, 'the bystander to keep saving');
		}
	);
});
