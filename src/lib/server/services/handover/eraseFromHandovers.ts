import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { handovers } from '../../db/schema.ts';
import { FORMER_MEMBER_NAME } from '../../../shared/collab/anonymise.ts';

/**
 * A person's erasure reaches the handovers: as the receiving SENCo (their name and
 * address, like an invitation's), as the one who made it, and as a contact in the pack's
 * team list. The rest of a pack stays as it was shared: like frozen minutes, it is the
 * record of what was handed over.
 */
export async function eraseFromHandovers(
	db: Database,
	person: { id: string; email: string },
	childIds: string[]
): Promise<void> {
	await db
		.update(handovers)
		.set({ sencoName: FORMER_MEMBER_NAME, sencoEmail: 'erased@coplan.invalid' })
		.where(eq(handovers.sencoEmail, person.email));
	await db
		.update(handovers)
		.set({ createdByName: FORMER_MEMBER_NAME })
		.where(eq(handovers.createdBy, person.id));
	await db
		.update(handovers)
		.set({ restrictedIncludedByName: FORMER_MEMBER_NAME })
		.where(eq(handovers.restrictedIncludedBy, person.id));
	if (childIds.length === 0) return;
	const rows = await db
		.select({ id: handovers.id, pack: handovers.pack })
		.from(handovers)
		.where(inArray(handovers.childId, childIds));
	for (const row of rows) {
		const pack = row.pack;
		if (typeof pack !== 'object' || pack === null || !('team' in pack)) continue;
		const team = (pack as { team: unknown }).team;
		if (!Array.isArray(team)) continue;
		let changed = false;
		const scrubbed = team.map((member: unknown) => {
			if (typeof member !== 'object' || member === null) return member;
			const entry = member as Record<string, unknown>;
			if (entry.email !== person.email) return member;
			changed = true;
			return { ...entry, name: FORMER_MEMBER_NAME, email: '' };
		});
		if (changed)
			await db
				.update(handovers)
				.set({ pack: { ...pack, team: scrubbed } })
				.where(eq(handovers.id, row.id));
	}
}
