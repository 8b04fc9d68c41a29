import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { auditEvents, consents } from '../../db/schema.ts';
import { collabTest } from '../../collab/testing/collabTest.ts';
import { waitFor } from '../../collab/testing/collabTestServer.ts';
import { COLLAB_DENIAL } from '../../../shared/collab/closeCodes.ts';
import { can, loadActor } from '../../policy.ts';
import { createChildWithTeam, createMeeting } from '../../testing/factories.ts';
import { childResource } from './childResource.ts';
import { findChild } from './findChild.ts';
import {
	listConsents,
	ownAgencyConsentRefusal,
	parseConsentForm,
	recordConsent,
	withdrawConsent
} from './consents.ts';

function consentForm(fields: Record<string, string>): FormData {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) form.set(key, value);
	return form;
}

describe('the family’s consent to share', () => {
	collabTest(
		'withdrawn, it stops restricted notes reaching that agency at once; given again, they return',
		async ({ database, server, team, clients }) => {
			const db = database.db;
			const meetingId = await createMeeting(db, team);
			const socialWorker = team.member('socialWorker');
			const notes = clients.connectRestricted(socialWorker, meetingId);
			await waitFor(() => notes.provider.isSynced, 'the social worker to open restricted notes');
			let refused: string | null = null;
			void notes.authenticationFailure.then((reason) => (refused = reason));

			const [consent] = await listConsents(db, team.childId);
			if (!consent) throw new Error('the usual team has a consent');
			const context = { db, live: server.collab.live };
			const withdrawn = await withdrawConsent(context, {
				actorId: team.member('parent').id,
				childId: team.childId,
				consentId: consent.id,
				withdrawnOn: '2026-12-04'
			});
			expect(withdrawn).toBe(true);
			await waitFor(
				() => refused === COLLAB_DENIAL.restrictedForbidden,
				'the social worker to be disconnected from restricted notes'
			);
			const child = await findChild(db, team.childId);
			if (!child) throw new Error('no child');
			const resource = childResource(child);
			expect(can(await loadActor(db, socialWorker.id), 'child.viewRestricted', resource)).toBe(
				false
			);
			// Withdrawing twice is refused; the record of the first stays.
			expect(
				await withdrawConsent(context, {
					actorId: team.member('parent').id,
					childId: team.childId,
					consentId: consent.id,
					withdrawnOn: '2026-12-05'
				})
			).toBe(false);

			const parsed = parseConsentForm(
				consentForm({
					agency: '  children’s services ',
					information: 'Safeguarding notes',
					includesRestricted: 'yes',
					givenBy: 'Sarah Thompson',
					'givenOn-day': '4',
					'givenOn-month': '12',
					'givenOn-year': '2026'
				}),
				new Date('2026-12-04T12:00:00Z')
			);
			if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
			await recordConsent(context, {
				actorId: team.member('senco').id,
				childId: team.childId,
				consent: parsed.data
			});
			// The agency is matched as the team writes it, whatever the case and spaces.
			expect(can(await loadActor(db, socialWorker.id), 'child.viewRestricted', resource)).toBe(
				true
			);
			const trail = await db
				.select({ action: auditEvents.action, details: auditEvents.details })
				.from(auditEvents)
				.where(eq(auditEvents.childId, team.childId));
			expect(trail.map((event) => event.action)).toEqual(
				expect.arrayContaining(['consent.withdrawn', 'consent.recorded'])
			);
			const rows = await db.select().from(consents).where(eq(consents.childId, team.childId));
			expect(rows.map((row) => row.withdrawnOn).sort()).toEqual(['2026-12-04', null]);
		}
	);

	collabTest('the form says what is missing or wrong', async ({ database }) => {
		void database;
		const parsed = parseConsentForm(
			consentForm({
				agency: '',
				information: 'x',
				'givenOn-day': '31',
				'givenOn-month': '2',
				'givenOn-year': '2026'
			})
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(Object.keys(parsed.errors).sort()).toEqual([
			'agency',
			'givenBy',
			'givenOn',
			'includesRestricted'
		]);
	});

	collabTest(
		'a team with no consent keeps restricted notes from another agency',
		async ({ database }) => {
			const team = await createChildWithTeam(database.db);
			await database.db.delete(consents).where(eq(consents.childId, team.childId));
			const child = await findChild(database.db, team.childId);
			if (!child) throw new Error('no child');
			const resource = childResource(child);
			const actorOf = (key: string) => loadActor(database.db, team.member(key).id);
			expect(can(await actorOf('socialWorker'), 'child.viewRestricted', resource)).toBe(false);
			// The SENCo belongs to the organisation holding the record: no consent needed.
			expect(can(await actorOf('senco'), 'child.viewRestricted', resource)).toBe(true);
		}
	);
});

describe('who may record a consent for which agency', () => {
	collabTest(
		'a coordinator from another agency may not grant their own agency consent',
		async ({ database }) => {
			const db = database.db;
			const team = await createChildWithTeam(db, {
				senco: { teamRole: 'senco', agency: 'Oakfield Primary School', orgRole: 'coordinator' },
				receiving: { teamRole: 'senco', agency: 'Northshire Academy' },
				parent: { teamRole: 'parent_carer', agency: 'Family' }
			});
			const child = await findChild(db, team.childId);
			if (!child) throw new Error('no child');
			const refusalFor = async (key: string, agency: string) =>
				ownAgencyConsentRefusal(db, await loadActor(db, team.member(key).id), child, agency);
			// The receiving SENCo coordinates the team, so the policy lets them record consent…
			expect(
				can(
					await loadActor(db, team.member('receiving').id),
					'child.recordConsent',
					childResource(child)
				)
			).toBe(true);
			// …but not for their own setting, whatever its spelling.
			expect(await refusalFor('receiving', ' northshire academy ')).toMatch(
				/cannot record consent for your own organisation/
			);
			expect(await refusalFor('receiving', 'NHS Speech and Language Therapy')).toBeNull();
			expect(await refusalFor('senco', 'Northshire Academy')).toBeNull();
			expect(await refusalFor('parent', 'Northshire Academy')).toBeNull();
		}
	);
});
