import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restrictedDocumentName } from '../../../shared/collab/documentName.ts';
import { addRestrictedNote, initRestrictedDoc } from '../../../shared/collab/restrictedDoc.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { auditEvents, consents, handovers, teamMembers } from '../../db/schema.ts';
import { tokenMailedTo } from '../../mail/testing/outbox.ts';
import { readPdf } from '../../minutes/testing/readPdf.ts';
import { can, loadActor } from '../../policy.ts';
import { addTeamMember, createMeeting, createUser } from '../../testing/factories.ts';
import { childResource } from '../children/childResource.ts';
import { findChild, type ChildRecord } from '../children/findChild.ts';
import { acceptInvitationWithNewAccount } from '../invitations/acceptInvitation.ts';
import { childTeamScope } from '../invitations/childTeamScope.ts';
import {
	createInvitationWorld,
	type InvitationWorld
} from '../invitations/testing/invitationWorld.ts';
import { createHandover, type HandoverContext } from './createHandover.ts';
import { layOutHandoverPack } from './handoverLayout.ts';
import { renderHandoverPdf } from './handoverPdf.ts';
import { acceptHandoverOfInvitation, loadHandover } from './readHandover.ts';

const SHARED = 'Connor is looked after by his aunt; ask the social worker before visits.';
const WITHHELD = 'CAMHS are involved; the family asked that the detail stays with CAMHS.';
const SETTING = 'Northshire Academy';

let database: TestDatabase;
let world: InvitationWorld;
let child: ChildRecord;
let context: HandoverContext;
let noteIds: { shared: string; withheld: string };

/** The meeting's restricted document, as the live documents would hand it over. */
function liveWith(meetingId: string): HandoverContext['live'] {
	const restricted = new Y.Doc();
	initRestrictedDoc(restricted, meetingId);
	const author = { authorUserId: null, authorName: 'Sam Okafor' };
	noteIds = {
		shared: addRestrictedNote(restricted, { category: 'social_care', text: SHARED, ...author }),
		withheld: addRestrictedNote(restricted, { category: 'medical', text: WITHHELD, ...author })
	};
	const state = Y.encodeStateAsUpdate(restricted);
	return {
		async read(name) {
			const doc = new Y.Doc();
			if (name === restrictedDocumentName(meetingId)) Y.applyUpdate(doc, state);
			return doc;
		}
	};
}

async function recordConsent(includesRestricted: boolean, withdrawnOn: string | null = null) {
	const [row] = await database.db
		.insert(consents)
		.values({
			childId: world.child.id,
			agency: SETTING,
			information: 'The plan, advice and minutes, for the move to secondary school',
			includesRestricted,
			givenBy: 'Karen Murphy, Connor’s mother',
			givenOn: '2026-10-01',
			withdrawnOn
		})
		.returning({ id: consents.id });
	if (!row) throw new Error('consent not recorded');
	return row.id;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
	const pdf = await readPdf(bytes);
	return pdf.text;
}

beforeAll(async () => {
	database = await createTestDatabase();
	world = await createInvitationWorld(database.db);
	const found = await findChild(database.db, world.child.id);
	if (!found) throw new Error('child not found');
	child = found;
	const meetingId = await createMeeting(database.db, { childId: child.id, people: {} });
	context = { ...world.context, live: liveWith(meetingId) };
});

afterAll(async () => {
	await database.close();
});

const input = (consentId: string, email: string, restrictedNoteIds: string[] = []) => ({
	consentId,
	sencoName: 'Dana Whitfield',
	sencoEmail: email,
	restrictedNoteIds
});

describe('handing a child over to a new setting', () => {
	it('needs a consent of the family that is not withdrawn', async () => {
		const withdrawn = await recordConsent(false, '2026-10-02');
		const result = await createHandover(
			context,
			world.coordinator,
			child,
			input(withdrawn, 'nobody@northshire.example.org')
		);
		expect(result).toMatchObject({ ok: false, errors: { consentId: expect.any(String) } });
	});

	it('shares the pack without restricted notes, invites the SENCo who lands on it, and audits it', async () => {
		const consentId = await recordConsent(false);
		const email = 'dana@northshire.example.org';
		const result = await createHandover(context, world.coordinator, child, input(consentId, email));
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.emailSent).toBe(true);

		const [row] = await database.db
			.select()
			.from(handovers)
			.where(eq(handovers.id, result.handoverId));
		expect(row?.settingName).toBe(SETTING);
		expect(JSON.stringify(row)).not.toContain('looked after');
		const events = await database.db
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(eq(auditEvents.childId, child.id));
		expect(events.map((event) => event.action)).toContain('handover.created');

		const token = await tokenMailedTo(database.db, email, '/invitations');
		const accepted = await acceptInvitationWithNewAccount(childTeamScope, database.db, token, {
			name: 'Dana Whitfield',
			password: 'maps, compasses and long corridors'
		});
		if (!accepted.ok) throw new Error(accepted.reason);
		const landing = await acceptHandoverOfInvitation(
			database.db,
			accepted.invitationId,
			accepted.userId
		);
		expect(landing).toEqual({ childId: child.id, handoverId: result.handoverId });
		const [place] = await database.db
			.select()
			.from(teamMembers)
			.where(eq(teamMembers.userId, accepted.userId));
		expect(place).toMatchObject({ teamRole: 'senco', agency: SETTING });

		// Under the policy, a consent without restricted notes keeps them from the new SENCo.
		const senco = await loadActor(database.db, accepted.userId);
		expect(can(senco, 'child.viewRestricted', childResource(child))).toBe(false);
		const pack = await loadHandover(database.db, senco, childResource(child), result.handoverId);
		if (!pack) throw new Error('pack not found');
		const page = JSON.stringify(layOutHandoverPack(pack.pack, pack.restricted));
		expect(page).toContain('Dana Whitfield');
		expect(page).not.toContain('looked after');
		expect(await pdfText((await renderHandoverPdf(pack, 'test')).bytes)).not.toContain(
			'looked after'
		);
	});

	it('refuses restricted notes from someone who may not read them', async () => {
		const consentId = await recordConsent(false);
		const result = await createHandover(
			context,
			world.coordinator,
			child,
			input(consentId, 'lee@northshire.example.org', [noteIds.shared])
		);
		expect(result).toMatchObject({ ok: false, errors: { restrictedNoteIds: expect.any(String) } });
	});

	it('shares only the ticked note, with the SENCo alone in the team of those who may not read it', async () => {
		await addTeamMember(database.db, child.id, world.coordinator.id, 'senco');
		const coordinator = {
			...world.coordinator,
			actor: await loadActor(database.db, world.coordinator.id)
		};
		const consentId = await recordConsent(false);
		const email = 'ash@northshire.example.org';
		const result = await createHandover(
			context,
			coordinator,
			child,
			input(consentId, email, [noteIds.shared])
		);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const token = await tokenMailedTo(database.db, email, '/invitations');
		const accepted = await acceptInvitationWithNewAccount(childTeamScope, database.db, token, {
			name: 'Ash Patel',
			password: 'maps, compasses and long corridors'
		});
		if (!accepted.ok) throw new Error(accepted.reason);
		await acceptHandoverOfInvitation(database.db, accepted.invitationId, accepted.userId);

		const senco = await loadActor(database.db, accepted.userId);
		const pack = await loadHandover(database.db, senco, childResource(child), result.handoverId);
		if (!pack) throw new Error('pack not found');
		const pdf = await pdfText((await renderHandoverPdf(pack, 'test')).bytes);
		expect(pdf).toContain('looked after');
		expect(pdf).not.toContain('CAMHS are involved');
		expect(JSON.stringify(layOutHandoverPack(pack.pack, pack.restricted))).not.toContain(
			'CAMHS are involved'
		);

		// A parent in the team reads the same pack without the note.
		const parent = await createUser(database.db, { name: 'Karen Murphy' });
		await addTeamMember(database.db, child.id, parent.id, 'parent_carer');
		const parentActor = await loadActor(database.db, parent.id);
		const theirs = await loadHandover(
			database.db,
			parentActor,
			childResource(child),
			result.handoverId
		);
		expect(theirs?.restricted).toBeNull();
		expect(theirs?.restrictedCount).toBe(1);
		if (!theirs) throw new Error('pack not found');
		expect(await pdfText((await renderHandoverPdf(theirs, 'test')).bytes)).not.toContain(
			'looked after'
		);
	});
});
