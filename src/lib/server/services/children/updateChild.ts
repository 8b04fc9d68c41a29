import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { children } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { ChildDetails } from './childForm.ts';
import type { ChildRecord } from './findChild.ts';

const FIELDS = [
	'firstName',
	'lastName',
	'preferredName',
	'strengths',
	'dateOfBirth',
	'setting',
	'receptionYear',
	'planType',
	'areasOfNeed'
] as const satisfies readonly (keyof ChildDetails)[];

/** Which details differ: the audit trail names the fields changed, not their contents. */
export function changedFields(before: ChildDetails | ChildRecord, after: ChildDetails): string[] {
	return (
		FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
			// The audit trail names the field as people see it on the form.
			.map((field) => (field === 'receptionYear' ? 'yearGroup' : field))
	);
}

/** Saves a child's details (the caller has checked child.edit). Returns the fields changed. */
export async function updateChild(
	db: Database,
	actorId: string,
	before: ChildRecord,
	after: ChildDetails
): Promise<string[]> {
	const changed = changedFields(before, after);
	if (changed.length === 0) return changed;
	await db.transaction(async (tx) => {
		await tx
			.update(children)
			.set({
				firstName: after.firstName,
				lastName: after.lastName,
				preferredName: after.preferredName,
				strengths: after.strengths,
				dateOfBirth: after.dateOfBirth,
				setting: after.setting,
				receptionYear: after.receptionYear,
				planType: after.planType,
				areasOfNeed: after.areasOfNeed
			})
			.where(and(eq(children.id, before.id), isNull(children.deletedAt)));
		await recordAuditEvent(tx, {
			actorId,
			action: 'child.updated',
			subjectType: 'child',
			subjectId: before.id,
			details: { fields: changed }
		});
	});
	return changed;
}
