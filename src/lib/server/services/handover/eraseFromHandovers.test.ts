import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { collabTest } from '../../collab/testing/collabTest.ts';
import { consents, handovers } from '../../db/schema.ts';
import { FORMER_MEMBER_NAME } from '../../../shared/collab/anonymise.ts';
import { eraseFromHandovers } from './eraseFromHandovers.ts';

describe('erasing a person from handovers', () => {
	collabTest(
		'scrubs them as the receiving SENCo, the maker and a contact, and keeps the rest of the pack',
		async ({ database, team }) => {
			const db = database.db;
			const senco = team.member('senco');
			const [consent] = await db
				.insert(consents)
				.values({
					childId: team.childId,
					agency: 'Northshire Academy',
					information: 'The plan and reports',
					includesRestricted: false,
					givenBy: 'Parent',
					givenOn: '2026-11-01'
				})
				.returning({ id: consents.id });
			const [row] = await db
				.insert(handovers)
				.values({
					childId: team.childId,
					settingName: 'Northshire Academy',
					sencoName: 'Dan Reeve',
					sencoEmail: 'dan@academy.example',
					createdBy: senco.id,
					createdByName: senco.name,
					consentId: consent?.id ?? '',
					pack: {
						settingName: 'Northshire Academy',
						team: [
							{ name: senco.name, email: senco.email, role: 'SENCo', agency: 'Oakfield' },
							{ name: 'Sam', email: 'sam@nhs.example', role: 'SaLT', agency: 'NHS' }
						]
					}
				})
				.returning({ id: handovers.id });

			await eraseFromHandovers(db, { id: senco.id, email: senco.email }, [team.childId]);
			await eraseFromHandovers(
				db,
				{ id: '00000000-0000-4000-8000-000000000000', email: 'dan@academy.example' },
				[]
			);

			const [after] = await db
				.select()
				.from(handovers)
				.where(eq(handovers.id, row?.id ?? ''));
			expect(after).toMatchObject({
				sencoName: FORMER_MEMBER_NAME,
				sencoEmail: 'erased@coplan.invalid',
				createdByName: FORMER_MEMBER_NAME
			});
			expect(after?.pack).toEqual({
				settingName: 'Northshire Academy',
				team: [
					{ name: FORMER_MEMBER_NAME, email: '', role: 'SENCo', agency: 'Oakfield' },
					{ name: 'Sam', email: 'sam@nhs.example', role: 'SaLT', agency: 'NHS' }
				]
			});
		}
	);
});
