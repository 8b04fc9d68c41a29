import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { memberships, organisations, users } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { Actor } from '../../policy.ts';

/**
 * The organisation setting that makes two-factor authentication compulsory for all its
 * members (every member is a professional: families are never organisation members).
 * Callers check can(actor, 'organisation.manage', …) first.
 */

export interface OrganisationTwoFactorSetting {
	id: string;
	name: string;
	requireTwoFactor: boolean;
	/** Years after a child's date of birth that their record is kept. */
	retentionYears: number;
	members: number;
	membersWithTwoFactor: number;
}

/** The organisations the actor administers, with how many members have set up two-factor. */
export async function administeredOrganisations(
	db: Database,
	actor: Actor
): Promise<OrganisationTwoFactorSetting[]> {
	const ids = actor.memberships
		.filter((membership) => membership.role === 'admin')
		.map((membership) => membership.organisationId);
	if (ids.length === 0) return [];
	const [rows, members, enrolled] = await Promise.all([
		db
			.select({
				id: organisations.id,
				name: organisations.name,
				requireTwoFactor: organisations.requireTwoFactor,
				retentionYears: organisations.retentionYears
			})
			.from(organisations)
			.where(inArray(organisations.id, ids))
			.orderBy(organisations.name),
		db
			.select({ organisationId: memberships.organisationId, total: count() })
			.from(memberships)
			.where(inArray(memberships.organisationId, ids))
			.groupBy(memberships.organisationId),
		db
			.select({ organisationId: memberships.organisationId, total: count() })
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(and(inArray(memberships.organisationId, ids), isNotNull(users.totpKey)))
			.groupBy(memberships.organisationId)
	]);
	const totalFor = (list: { organisationId: string; total: number }[], id: string) =>
		list.find((row) => row.organisationId === id)?.total ?? 0;
	return rows.map((row) => ({
		...row,
		members: totalFor(members, row.id),
		membersWithTwoFactor: totalFor(enrolled, row.id)
	}));
}

export type SetRequirementResult = { ok: true } | { ok: false; reason: 'admin-not-enrolled' };

/**
 * Turns the requirement on or off. An admin must use two-factor before requiring it of
 * others: otherwise saving would send them straight to set-up themselves, unable to undo
 * the change until they had enrolled.
 */
export async function setTwoFactorRequirement(
	db: Database,
	input: { actorId: string; organisationId: string; required: boolean }
): Promise<SetRequirementResult> {
	if (input.required) {
		const [actor] = await db
			.select({ enrolled: isNotNull(users.totpKey) })
			.from(users)
			.where(eq(users.id, input.actorId));
		if (!actor?.enrolled) return { ok: false, reason: 'admin-not-enrolled' };
	}
	await db.transaction(async (tx) => {
		await tx
			.update(organisations)
			.set({ requireTwoFactor: input.required })
			.where(eq(organisations.id, input.organisationId));
		await recordAuditEvent(tx, {
			actorId: input.actorId,
			action: input.required
				? 'organisation.twoFactorRequired'
				: 'organisation.twoFactorNotRequired',
			subjectType: 'organisation',
			subjectId: input.organisationId
		});
	});
	return { ok: true };
}
