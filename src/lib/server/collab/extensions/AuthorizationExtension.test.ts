import { and, eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { readLog } from '../documentStore.ts';
import { auditEvents, children } from '../../db/schema.ts';
import { COLLAB_DENIAL, READ_ONLY_REASONS } from '../../../shared/collab/closeCodes.ts';
import {
	meetingDocumentName,
	restrictedDocumentName
} from '../../../shared/collab/documentName.ts';
import { readMeetingDoc, setFieldText } from '../../../shared/collab/meetingDoc.ts';
import { addRestrictedNote, readRestrictedDoc } from '../../../shared/collab/restrictedDoc.ts';
import { createChildWithTeam, createMeeting, createSignedInUser } from '../../testing/factories.ts';
import { collabTest } from '../testing/collabTest.ts';
import { waitFor, waitForSaved, waitUntil } from '../testing/collabTestServer.ts';

const contains = (frames: Uint8Array[], text: string) => {
	const needle = Buffer.from(text, 'utf8');
	return frames.some((frame) => Buffer.from(frame).includes(needle));
};

describe('who may open a meeting', () => {
	collabTest('refuses someone outside the child’s team', async ({ database, team, clients }) => {
		const otherTeam = await createChildWithTeam(database.db);
		const meetingId = await createMeeting(database.db, team);
		// A SENCo of another child (and another organisation) is a stranger to this one.
		const stranger = clients.connect({
			name: meetingDocumentName(meetingId),
			cookie: otherTeam.member('senco').cookie
		});
		expect(await stranger.authenticationFailure).toBe(COLLAB_DENIAL.forbidden);
		expect(stranger.document.share.size).toBe(0);
	});

	collabTest(
		'refuses the meeting of a deleted child record as unknown',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			await database.db
				.update(children)
				.set({ deletedAt: new Date() })
				.where(eq(children.id, team.childId));
			const late = clients.connect({
				name: meetingDocumentName(meetingId),
				cookie: team.member('senco').cookie
			});
			expect(await late.authenticationFailure).toBe(COLLAB_DENIAL.unknownDocument);
		}
	);

	collabTest('lets every team member edit an open meeting', async ({ database, team, clients }) => {
		const meetingId = await createMeeting(database.db, team);
		const parent = await clients.openMeeting(team.member('parent'), meetingId);
		expect(parent.provider.authorizedScope).toBe('read-write');
		await waitFor(() => parent.notices.length > 0, 'the access notice');
		expect(parent.notices).toEqual([{ type: 'access', readOnly: false, reason: null }]);
	});

	collabTest(
		'writes each opening of a live document to the audit trail, and no refusal',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const otherTeam = await createChildWithTeam(database.db);
			const stranger = clients.connect({
				name: meetingDocumentName(meetingId),
				cookie: otherTeam.member('senco').cookie
			});
			await stranger.authenticationFailure;
			await clients.openMeeting(team.member('parent'), meetingId);
			const readsOfChild = () =>
				database.db
					.select()
					.from(auditEvents)
					.where(and(eq(auditEvents.action, 'child.read'), eq(auditEvents.childId, team.childId)));
			await waitUntil(async () => (await readsOfChild()).length > 0, 'the opening to be audited');
			const reads = await readsOfChild();
			expect(
				reads.map((read) => ({
					actorId: read.actorId,
					organisationId: read.organisationId,
					path: read.details.path,
					hasAddress: typeof read.ip === 'string' && read.ip.length > 0
				}))
			).toEqual([
				{
					actorId: team.member('parent').id,
					organisationId: team.organisationId,
					path: `/collab/${meetingDocumentName(meetingId)}`,
					hasAddress: true
				}
			]);
		}
	);
});

describe('read-only connections', () => {
	collabTest(
		'drops the edits of a coordinator outside the team and leaves the database unchanged',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const name = meetingDocumentName(meetingId);
			const senco = await clients.openMeeting(team.member('senco'), meetingId);
			setFieldText(senco.document, 'familyViews', 'Written by the team');
			await waitForSaved(senco);
			const coordinator = await createSignedInUser(database.db, {
				membership: { organisationId: team.organisationId, role: 'coordinator' }
			});
			const observer = await clients.openMeeting(coordinator, meetingId);
			expect(observer.provider.authorizedScope).toBe('readonly');
			await waitFor(() => observer.notices.length > 0, 'the access notice');
			expect(observer.notices[0]).toEqual({
				type: 'access',
				readOnly: true,
				reason: READ_ONLY_REASONS.viewOnly
			});
			expect(readMeetingDoc(observer.document).familyViews.text).toBe('Written by the team');

			setFieldText(observer.document, 'familyViews', 'Changed by an observer');
			// The server answers "not saved": the change stays unsynced on the observer's side.
			await waitFor(() => observer.provider.unsyncedChanges > 0, 'the observer’s unsent change');
			// A later edit by the team still arrives, and the observer's never did.
			setFieldText(senco.document, 'worries', 'Marker');
			await waitFor(
				() => readMeetingDoc(observer.document).workingAndWorries.worries.text === 'Marker',
				'the team’s later edit to reach the observer'
			);
			await waitForSaved(senco);
			expect(readMeetingDoc(senco.document).familyViews.text).toBe('Written by the team');
			const log = await readLog(database.db, name);
			expect(log.some((row) => row.userId === coordinator.id)).toBe(false);
			expect(
				contains(
					log.map((row) => row.update),
					'observer'
				)
			).toBe(false);
		}
	);

	collabTest(
		'makes everyone read-only in a closed meeting, saying why',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team, { status: 'closed' });
			const parent = await clients.openMeeting(team.member('parent'), meetingId);
			expect(parent.provider.authorizedScope).toBe('readonly');
			await waitFor(() => parent.notices.length > 0, 'the access notice');
			expect(parent.notices[0]?.reason).toBe(READ_ONLY_REASONS.meetingClosed);
		}
	);
});

describe('restricted content', () => {
	collabTest(
		'opens the restricted document for a social worker and refuses it to a parent',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const socialWorker = clients.connectRestricted(team.member('socialWorker'), meetingId);
			await waitFor(
				() =>
					socialWorker.provider.isSynced &&
					readRestrictedDoc(socialWorker.document).schemaVersion !== null,
				'the restricted document to open'
			);
			const parent = clients.connectRestricted(team.member('parent'), meetingId);
			expect(await parent.authenticationFailure).toBe(COLLAB_DENIAL.restrictedForbidden);
			// A SaLT is a professional in the team but not one allowed to read restricted notes.
			const salt = clients.connectRestricted(team.member('salt'), meetingId);
			expect(await salt.authenticationFailure).toBe(COLLAB_DENIAL.restrictedForbidden);
		}
	);

	collabTest(
		'never sends a byte of the restricted document over a parent’s websocket',
		async ({ database, team, clients }) => {
			const meetingId = await createMeeting(database.db, team);
			const secret = 'Child protection plan: Section 47 enquiry under way';

			const parentSocket = clients.openWebsocket({ cookie: team.member('parent').cookie });
			const parent = await clients.openMeeting(team.member('parent'), meetingId, {
				websocket: parentSocket
			});

			// The social worker uses one websocket for both documents, as the browser does.
			const workerSocket = clients.openWebsocket({ cookie: team.member('socialWorker').cookie });
			const worker = await clients.openMeeting(team.member('socialWorker'), meetingId, {
				websocket: workerSocket
			});
			const restricted = clients.connectRestricted(team.member('socialWorker'), meetingId, {
				websocket: workerSocket
			});
			await waitFor(() => restricted.provider.isSynced, 'the restricted document to sync');
			addRestrictedNote(restricted.document, {
				category: 'safeguarding',
				text: secret,
				authorUserId: team.member('socialWorker').id,
				authorName: 'Social worker'
			});
			await waitForSaved(restricted);
			// Ordinary meeting edits keep flowing to the parent while the note is written.
			setFieldText(worker.document, 'familyViews', 'Shared with the family');
			await waitFor(
				() => readMeetingDoc(parent.document).familyViews.text === 'Shared with the family',
				'the parent to receive the shared edit'
			);

			// And a parent who asks for it directly is refused without receiving its content.
			const probe = clients.connectRestricted(team.member('parent'), meetingId, {
				websocket: parentSocket
			});
			expect(await probe.authenticationFailure).toBe(COLLAB_DENIAL.restrictedForbidden);
			setFieldText(worker.document, 'worries', 'After the probe');
			await waitFor(
				() => readMeetingDoc(parent.document).workingAndWorries.worries.text === 'After the probe',
				'the parent to receive a later edit'
			);

			expect(parentSocket.frames.length).toBeGreaterThan(3);
			expect(contains(parentSocket.frames, secret)).toBe(false);
			expect(contains(parentSocket.frames, 'Section 47')).toBe(false);
			// The only frame naming the restricted document is the refusal of the probe.
			const naming = parentSocket.frames.filter((frame) =>
				Buffer.from(frame).includes(Buffer.from(restrictedDocumentName(meetingId)))
			);
			expect(naming).toHaveLength(1);
			expect(
				Buffer.from(naming[0] ?? []).includes(Buffer.from(COLLAB_DENIAL.restrictedForbidden))
			).toBe(true);
			// The worker's socket did carry both: the checks above would see them if they were there.
			expect(contains(workerSocket.frames, restrictedDocumentName(meetingId))).toBe(true);
			expect(contains(workerSocket.frames, secret)).toBe(true);
		}
	);
});
