import { and, eq, isNull } from 'drizzle-orm';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import { consents, handovers, invitations } from '../../db/schema.ts';
import type { FieldErrors } from '../../forms.ts';
import { can } from '../../policy.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { childResource } from '../children/childResource.ts';
import type { ChildRecord } from '../children/findChild.ts';
import { NotAllowedError, type InvitationContext, type Inviter } from '../invitations/context.ts';
import { createInvitation } from '../invitations/createInvitation.ts';
import { handoverInvitationScope } from './handoverInvitationScope.ts';
import type { HandoverInput } from './handoverForm.ts';
import { gatherHandoverPack } from './handoverPack.ts';
import { listRestrictedNotesOfChild, type HandoverRestrictedNote } from './restrictedNotes.ts';

/**
 * Hands a child over to a new setting: checks the family's consent covers it, takes the
 * pack's snapshot, invites the receiving SENCo to the team (role 'senco', the setting as
 * their agency) through the ordinary invitation, and records it all in the audit trail.
 * Restricted notes go only when a professional allowed to read them ticked them, and only
 * those.
 */

export interface HandoverContext extends InvitationContext {
	live: Pick<LiveDocuments, 'read'>;
}

export type CreateHandoverResult =
	{ ok: true; handoverId: string; emailSent: boolean } | { ok: false; errors: FieldErrors };

async function chosenNotes(
	context: HandoverContext,
	inviter: Inviter,
	child: ChildRecord,
	ids: string[]
): Promise<HandoverRestrictedNote[] | FieldErrors> {
	if (ids.length === 0) return [];
	if (!can(inviter.actor, 'child.viewRestricted', childResource(child))) {
		return {
			restrictedNoteIds:
				'Only a professional allowed to read restricted notes may include them in a handover'
		};
	}
	const notes = await listRestrictedNotesOfChild(context.db, context.live, child.id);
	const chosen = notes.filter((item) => ids.includes(item.id));
	if (chosen.length !== ids.length) {
		return {
			restrictedNoteIds:
				'A restricted note you ticked is no longer there. Check the notes again and choose'
		};
	}
	return chosen;
}

export async function createHandover(
	context: HandoverContext,
	inviter: Inviter,
	child: ChildRecord,
	input: HandoverInput,
	now = new Date()
): Promise<CreateHandoverResult> {
	if (!can(inviter.actor, 'child.invite', childResource(child))) {
		throw new NotAllowedError('The policy does not allow this person to hand this child over.');
	}
	const { db } = context;
	const [consent] = await db
		.select()
		.from(consents)
		.where(
			and(
				eq(consents.id, input.consentId),
				eq(consents.childId, child.id),
				isNull(consents.withdrawnOn)
			)
		);
	if (!consent) {
		return {
			ok: false,
			errors: {
				consentId:
					'Choose a consent the family has given and not withdrawn. If there is none for the new setting, record it first'
			}
		};
	}
	const notes = await chosenNotes(context, inviter, child, input.restrictedNoteIds);
	if (!Array.isArray(notes)) return { ok: false, errors: notes };

	const settingName = consent.agency.trim();
	const pack = await gatherHandoverPack(
		db,
		{
			child,
			settingName,
			sencoName: input.sencoName,
			consent: {
				givenBy: consent.givenBy,
				givenOn: consent.givenOn,
				information: consent.information
			},
			preparedByName: inviter.name
		},
		now
	);
	const invited = await createInvitation(
		handoverInvitationScope(settingName),
		context,
		inviter,
		child,
		{ name: input.sencoName, email: input.sencoEmail, teamRole: 'senco', agency: settingName },
		now
	);
	if (!invited.ok) {
		const { email, ...others } = invited.errors;
		return { ok: false, errors: email ? { ...others, sencoEmail: email } : others };
	}

	try {
		const handoverId = await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(handovers)
				.values({
					childId: child.id,
					settingName,
					sencoName: input.sencoName,
					sencoEmail: input.sencoEmail.trim().toLowerCase(),
					createdBy: inviter.actor.id,
					createdByName: inviter.name,
					consentId: consent.id,
					invitationId: invited.invitationId,
					pack,
					restrictedNotes: notes.map(({ meetingLabel: _label, ...item }) => item),
					restrictedIncludedBy: notes.length > 0 ? inviter.actor.id : null,
					restrictedIncludedByName: notes.length > 0 ? inviter.name : null,
					createdAt: now
				})
				.returning({ id: handovers.id });
			if (!row) throw new Error('The handover was not saved.');
			await recordAuditEvent(tx, {
				actorId: inviter.actor.id,
				action: 'handover.created',
				subjectType: 'child',
				subjectId: child.id,
				details: {
					handoverId: row.id,
					settingName,
					sencoEmail: input.sencoEmail.trim().toLowerCase(),
					consentId: consent.id,
					invitationId: invited.invitationId,
					// Which notes, never what they say: the audit trail holds no care detail.
					restrictedNoteIds: notes.map((item) => item.id)
				}
			});
			return row.id;
		});
		return { ok: true, handoverId, emailSent: invited.emailSent };
	} catch (error) {
		// Without its handover the invitation would land the SENCo on a pack that is not
		// there: withdraw it, and report the failure.
		await db
			.update(invitations)
			.set({ revokedAt: now })
			.where(eq(invitations.id, invited.invitationId));
		throw error;
	}
}
