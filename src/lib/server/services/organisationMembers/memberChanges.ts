import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { memberships, organisations } from '../../db/schema.ts';
import type { MemberRole } from '../../../shared/domain/roles.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { isUuid } from '../children/findChild.ts';
import { assertMayManageMembers, type MemberManager } from './context.ts';

/**
 * Changing a member's role and removing a member. An organisation must always keep at
 * least one admin, or nobody could manage its members or settings again: the last admin
 * can be neither demoted nor removed. Both changes lock the organisation's row first, so
 * that two admins demoting each other at the same moment cannot both succeed.
 */

export type MemberChangeRefusal = 'notMember' | 'lastAdmin';

export const MEMBER_CHANGE_MESSAGES: Record<MemberChangeRefusal, string> = {
	notMember: 'That person is no longer a member of the organisation.',
	lastAdmin:
		'An organisation must always have at least one admin. Make someone else an admin first.'
};

export type ChangeRoleResult =
	| { ok: true; previousRole: MemberRole; unchanged: boolean }
	| { ok: false; reason: MemberChangeRefusal };

export type RemoveMemberResult = { ok: true } | { ok: false; reason: MemberChangeRefusal };

/** The member's current role, and how many admins the organisation has, under its lock. */
async function lockedMembership(tx: Database, organisationId: string, userId: string) {
	await tx
		.select({ id: organisations.id })
		.from(organisations)
		.where(eq(organisations.id, organisationId))
		.for('update');
	const [member] = await tx
		.select({ role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
	const [admins] = await tx
		.select({ total: count() })
		.from(memberships)
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin')));
	return { role: member?.role ?? null, admins: admins?.total ?? 0 };
}

export async function changeMemberRole(
	db: Database,
	manager: MemberManager,
	organisationId: string,
	userId: string,
	role: MemberRole
): Promise<ChangeRoleResult> {
	assertMayManageMembers(manager.actor, organisationId);
	if (!isUuid(userId)) return { ok: false, reason: 'notMember' };
	return db.transaction(async (tx): Promise<ChangeRoleResult> => {
		const current = await lockedMembership(tx, organisationId, userId);
		if (current.role === null) return { ok: false, reason: 'notMember' };
		if (current.role === role) return { ok: true, previousRole: role, unchanged: true };
		if (current.role === 'admin' && current.admins <= 1) return { ok: false, reason: 'lastAdmin' };
		await tx
			.update(memberships)
			.set({ role })
			.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
		await recordAuditEvent(tx, {
			actorId: manager.actor.id,
			action: 'membership.roleChanged',
			subjectType: 'organisation',
			subjectId: organisationId,
			details: { userId, from: current.role, to: role }
		});
		return { ok: true, previousRole: current.role, unchanged: false };
	});
}

/**
 * Takes someone out of the organisation. Only the membership goes: their account, their
 * sessions and their places in children's teams stay, because team places are given by
 * each child's team, not by the organisation.
 */
export async function removeMember(
	db: Database,
	manager: MemberManager,
	organisationId: string,
	userId: string
): Promise<RemoveMemberResult> {
	assertMayManageMembers(manager.actor, organisationId);
	if (!isUuid(userId)) return { ok: false, reason: 'notMember' };
	return db.transaction(async (tx): Promise<RemoveMemberResult> => {
		const current = await lockedMembership(tx, organisationId, userId);
		if (current.role === null) return { ok: false, reason: 'notMember' };
		if (current.role === 'admin' && current.admins <= 1) return { ok: false, reason: 'lastAdmin' };
		await tx
			.delete(memberships)
			.where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
		await recordAuditEvent(tx, {
			actorId: manager.actor.id,
			action: 'membership.removed',
			subjectType: 'organisation',
			subjectId: organisationId,
			details: { userId, role: current.role }
		});
		return { ok: true };
	});
}
