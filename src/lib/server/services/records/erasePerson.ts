import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
	auditEvents,
	children,
	devOutbox,
	documentUpdates,
	invitations,
	meetings,
	memberships,
	organisationInvitations,
	rateLimitEvents,
	teamMembers,
	users
} from '../../db/schema.ts';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import { anonymisePerson, FORMER_MEMBER_NAME } from '../../../shared/collab/anonymise.ts';
import {
	meetingDocumentName,
	restrictedDocumentName
} from '../../../shared/collab/documentName.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { isUuid } from '../children/findChild.ts';
import { eraseFromHandovers } from '../handover/eraseFromHandovers.ts';

export interface ErasablePerson {
	id: string;
	name: string;
	email: string;
	/** Their role in the organisation, if they are a member. */
	role: string | null;
	/** The children whose teams they are in. */
	children: { id: string; name: string }[];
}

export type ErasureRefusal = 'notFound' | 'self' | 'elsewhere' | 'lastAdmin';

export const ERASURE_REFUSALS: Record<ErasureRefusal, string> = {
	notFound:
		'Nobody with that email address is a member of your organisation or in one of its children’s teams',
	self: 'You cannot erase your own account: ask another admin',
	elsewhere:
		'This person also belongs to another organisation or to the team of a child another organisation holds: ask Coplan support, so that every organisation agrees',
	lastAdmin: 'This person is the organisation’s only admin: make someone else an admin first'
};

/**
 * Whether an organisation's admin may erase this person: everything that ties them to
 * Coplan (memberships, team places) must be within the admin's organisation, so that one
 * organisation never erases what another holds.
 */
export async function findErasablePerson(
	db: Database,
	input: { actorId: string; organisationId: string; userId?: string; email?: string }
): Promise<{ ok: true; person: ErasablePerson } | { ok: false; reason: ErasureRefusal }> {
	const condition = input.userId
		? isUuid(input.userId)
			? eq(users.id, input.userId)
			: sql`false`
		: eq(users.email, (input.email ?? '').trim().toLowerCase());
	const [user] = await db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.where(condition);
	if (!user) return { ok: false, reason: 'notFound' };
	const [places, membershipRows] = await Promise.all([
		db
			.select({
				childId: teamMembers.childId,
				organisationId: children.organisationId,
				name: sql<string>`${children.firstName} || ' ' || ${children.lastName}`
			})
			.from(teamMembers)
			.innerJoin(children, eq(children.id, teamMembers.childId))
			.where(eq(teamMembers.userId, user.id)),
		db
			.select({ organisationId: memberships.organisationId, role: memberships.role })
			.from(memberships)
			.where(eq(memberships.userId, user.id))
	]);
	const ties = [...places, ...membershipRows];
	if (!ties.some((tie) => tie.organisationId === input.organisationId)) {
		return { ok: false, reason: 'notFound' };
	}
	if (user.id === input.actorId) return { ok: false, reason: 'self' };
	if (ties.some((tie) => tie.organisationId !== input.organisationId)) {
		return { ok: false, reason: 'elsewhere' };
	}
	const role = membershipRows[0]?.role ?? null;
	if (role === 'admin') {
		const admins = await db
			.select({ userId: memberships.userId })
			.from(memberships)
			.where(
				and(eq(memberships.organisationId, input.organisationId), eq(memberships.role, 'admin'))
			);
		if (admins.length <= 1) return { ok: false, reason: 'lastAdmin' };
	}
	return {
		ok: true,
		person: {
			...user,
			role,
			children: places.map((place) => ({ id: place.childId, name: place.name }))
		}
	};
}

/**
 * Erases a person (the caller has checked organisation.manageRecords and found them
 * erasable): their name is replaced by FORMER_MEMBER_NAME in every live document that
 * records it, then their account goes with its sessions, memberships, team places and
 * sign-in links, which leaves the history's edits and the audit trail's entries
 * unattributed (their user id, deleted with the account, was all that named them).
 * Invitations to their address and mail sent to it are removed too, and handovers lose
 * their name and address (eraseFromHandovers). Minutes already frozen keep the names as
 * they were at the close: they are the record of the meeting.
 */
export async function erasePerson(
	context: { db: Database; live: LiveDocuments },
	input: {
		actorId: string;
		actorName: string;
		actorEmail: string;
		organisationId: string;
		person: ErasablePerson;
	}
): Promise<{ documents: number }> {
	const { db, live } = context;
	const { person } = input;
	const childIds = person.children.map((child) => child.id);
	const teamMeetings = childIds.length
		? await db.select({ id: meetings.id }).from(meetings).where(inArray(meetings.childId, childIds))
		: [];
	const edited = await db
		.selectDistinct({ name: documentUpdates.documentName })
		.from(documentUpdates)
		.where(eq(documentUpdates.userId, person.id));
	const names = new Set([
		...teamMeetings.flatMap((meeting) => [
			meetingDocumentName(meeting.id),
			restrictedDocumentName(meeting.id)
		]),
		...edited.map((row) => row.name)
	]);
	const editor = { id: input.actorId, name: input.actorName, email: input.actorEmail };
	let documents = 0;
	for (const name of names) {
		if (!(await live.exists(name))) continue;
		const copy = await live.read(name);
		if (anonymisePerson(copy, person.id) === 0) continue;
		await live.change(name, editor, (doc) => anonymisePerson(doc, person.id));
		documents += 1;
	}
	await db.transaction(async (tx) => {
		await tx
			.update(invitations)
			.set({ name: FORMER_MEMBER_NAME, email: 'erased@coplan.invalid' })
			.where(eq(invitations.email, person.email));
		await tx
			.update(organisationInvitations)
			.set({ name: FORMER_MEMBER_NAME, email: 'erased@coplan.invalid' })
			.where(eq(organisationInvitations.email, person.email));
		await eraseFromHandovers(tx, person, childIds);
		await tx.delete(devOutbox).where(eq(devOutbox.to, person.email));
		await tx
			.delete(rateLimitEvents)
			.where(like(rateLimitEvents.key, `%:${person.email.replace(/[\\%_]/g, '\\$&')}`));
		// Entries that wrote their address into the details keep the event, not the address.
		await tx
			.update(auditEvents)
			.set({ details: sql`${auditEvents.details} - 'email'` })
			.where(sql`${auditEvents.details}->>'email' = ${person.email}`);
		await tx.delete(users).where(eq(users.id, person.id));
		await recordAuditEvent(tx, {
			actorId: input.actorId,
			action: 'person.erased',
			subjectType: 'user',
			subjectId: person.id,
			organisationId: input.organisationId,
			details: { teams: person.children.length, documents, member: person.role !== null }
		});
	});
	// Their sessions went with the account: close their websockets now.
	await live.sessionsEnded();
	await Promise.all(childIds.map((childId) => live.childAccessChanged(childId)));
	return { documents };
}
