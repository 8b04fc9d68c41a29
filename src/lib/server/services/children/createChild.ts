import type { Database } from '../../db/client.ts';
import { children, teamMembers } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { NewChild } from './newChildForm.ts';

/**
 * Adds a child's record and puts its creator in the child's team, in one transaction.
 * The caller has checked organisation.createChild for input.organisationId.
 */
export async function createChild(
	db: Database,
	creatorId: string,
	input: NewChild
): Promise<{ id: string }> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(children)
			.values({
				organisationId: input.organisationId,
				firstName: input.firstName,
				lastName: input.lastName,
				preferredName: input.preferredName,
				dateOfBirth: input.dateOfBirth,
				setting: input.setting,
				receptionYear: input.receptionYear,
				planType: input.planType,
				areasOfNeed: input.areasOfNeed,
				strengths: input.strengths,
				createdBy: creatorId
			})
			.returning({ id: children.id });
		if (!row) throw new Error('The child was not created.');
		await tx.insert(teamMembers).values({
			childId: row.id,
			userId: creatorId,
			teamRole: input.myTeamRole,
			agency: input.myAgency
		});
		await recordAuditEvent(tx, {
			actorId: creatorId,
			action: 'child.created',
			subjectType: 'child',
			subjectId: row.id,
			details: { organisationId: input.organisationId, creatorTeamRole: input.myTeamRole }
		});
		return row;
	});
}
