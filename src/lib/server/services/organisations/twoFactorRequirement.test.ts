import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, createOrganisation, createUser } from '../../testing/factories.ts';
import { loadActor } from '../../policy.ts';
import { auditEvents, organisations } from '../../db/schema.ts';
import type { MemberRole } from '../../../shared/domain/roles.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { administeredOrganisations, setTwoFactorRequirement } from './twoFactorRequirement.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

const organisation = async (name: string) => (await createOrganisation(database.db, { name })).id;

/** A member of the organisation, enrolled in two-factor authentication or not. */
async function member(organisationId: string, role: MemberRole, enrolled = false) {
	const user = await createUser(database.db, {
		name: 'Member',
		totpKey: enrolled ? new Uint8Array(20).fill(5) : null,
		membership: { organisationId, role }
	});
	return user.id;
}

describe('organisation two-factor requirement', () => {
	it('lists only the organisations the actor administers, with enrolment counts', async () => {
		const school = await organisation('Oakfield Primary School');
		const nursery = await organisation('Little Acorns Nursery');
		const admin = await member(school, 'admin', true);
		await addMembership(database.db, nursery, admin, 'professional');
		await member(school, 'professional');
		await member(school, 'coordinator', true);
		const listed = await administeredOrganisations(
			database.db,
			await loadActor(database.db, admin)
		);
		expect(listed).toEqual([
			{
				id: school,
				name: 'Oakfield Primary School',
				requireTwoFactor: false,
				retentionYears: 31,
				members: 3,
				membersWithTwoFactor: 2
			}
		]);
	});

	it('is empty for someone who administers nothing', async () => {
		const school = await organisation('Hillside School');
		const teacher = await member(school, 'professional');
		expect(
			await administeredOrganisations(database.db, await loadActor(database.db, teacher))
		).toEqual([]);
	});

	it('records who changed the setting', async () => {
		const school = await organisation('Riverside School');
		const admin = await member(school, 'admin', true);
		expect(
			await setTwoFactorRequirement(database.db, {
				actorId: admin,
				organisationId: school,
				required: true
			})
		).toEqual({ ok: true });
		const [row] = await database.db
			.select({ requireTwoFactor: organisations.requireTwoFactor })
			.from(organisations)
			.where(eq(organisations.id, school));
		expect(row?.requireTwoFactor).toBe(true);
		const events = await database.db
			.select({ actorId: auditEvents.actorId, action: auditEvents.action })
			.from(auditEvents)
			.where(eq(auditEvents.subjectId, school));
		expect(events).toEqual([{ actorId: admin, action: 'organisation.twoFactorRequired' }]);
	});

	it('refuses to require two-factor until the admin uses it', async () => {
		const school = await organisation('Brookside School');
		const admin = await member(school, 'admin', false);
		expect(
			await setTwoFactorRequirement(database.db, {
				actorId: admin,
				organisationId: school,
				required: true
			})
		).toEqual({ ok: false, reason: 'admin-not-enrolled' });
		const [row] = await database.db
			.select({ requireTwoFactor: organisations.requireTwoFactor })
			.from(organisations)
			.where(eq(organisations.id, school));
		expect(row?.requireTwoFactor).toBe(false);
		expect(
			await setTwoFactorRequirement(database.db, {
				actorId: admin,
				organisationId: school,
				required: false
			})
		).toEqual({ ok: true });
	});
});
