import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import * as v from 'valibot';
import type { Database } from '../../db/client.ts';
import { consents, teamMembers, users } from '../../db/schema.ts';
import type { LiveDocuments } from '../../collab/liveDocuments.ts';
import { validateForm, type FieldErrors } from '../../forms.ts';
import { FAMILY_ROLES, isFamilyRole } from '../../../shared/domain/roles.ts';
import type { Actor } from '../../policy.ts';
import { parseDateParts } from '../../../shared/domain/dateParts.ts';
import type { CalendarDate } from '../../../shared/domain/ukCalendar.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import { isUuid } from './findChild.ts';

/**
 * The family's consent to share, per child: what, with which agency, given by whom and
 * when, and its withdrawal. A consent that includes restricted notes is what lets a
 * professional of another agency read them (see policy.ts); withdrawing it closes their
 * live restricted documents at once. Callers check child.recordConsent.
 */

export interface ConsentView {
	id: string;
	agency: string;
	information: string;
	includesRestricted: boolean;
	givenBy: string;
	givenOn: CalendarDate;
	recordedByName: string | null;
	withdrawnOn: CalendarDate | null;
	withdrawnRecordedByName: string | null;
}

const withdrawnRecorder = alias(users, 'withdrawn_recorder');

export async function listConsents(db: Database, childId: string): Promise<ConsentView[]> {
	return db
		.select({
			id: consents.id,
			agency: consents.agency,
			information: consents.information,
			includesRestricted: consents.includesRestricted,
			givenBy: consents.givenBy,
			givenOn: consents.givenOn,
			recordedByName: users.name,
			withdrawnOn: consents.withdrawnOn,
			withdrawnRecordedByName: withdrawnRecorder.name
		})
		.from(consents)
		.leftJoin(users, eq(users.id, consents.recordedBy))
		.leftJoin(withdrawnRecorder, eq(withdrawnRecorder.id, consents.withdrawnRecordedBy))
		.where(eq(consents.childId, childId))
		.orderBy(asc(sql`${consents.withdrawnOn} is not null`), asc(consents.agency));
}

/** The agencies of the professionals in the child's team, for the form's suggestions. */
export async function teamAgencies(db: Database, childId: string): Promise<string[]> {
	const rows = await db
		.selectDistinct({ agency: teamMembers.agency })
		.from(teamMembers)
		.where(
			and(
				eq(teamMembers.childId, childId),
				...FAMILY_ROLES.map((role) => ne(teamMembers.teamRole, role))
			)
		)
		.orderBy(teamMembers.agency);
	return rows.map((row) => row.agency);
}

const ConsentFields = v.object({
	agency: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter the agency the family agreed to share with'),
		v.maxLength(200, 'The agency must be 200 characters or fewer')
	),
	information: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter what the family agreed to share'),
		v.maxLength(2000, 'What was agreed must be 2,000 characters or fewer')
	),
	includesRestricted: v.picklist(
		['yes', 'no'],
		'Choose whether the agency may read restricted notes'
	),
	givenBy: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter who gave consent'),
		v.maxLength(200, 'Who gave consent must be 200 characters or fewer')
	)
});

export interface ConsentInput {
	agency: string;
	information: string;
	includesRestricted: boolean;
	givenBy: string;
	givenOn: CalendarDate;
}

export function parseConsentForm(
	formData: FormData,
	now = new Date()
):
	| { ok: true; data: ConsentInput }
	| { ok: false; errors: FieldErrors; values: Record<string, string> } {
	const fields = validateForm(ConsentFields, formData);
	const text = (name: string) => {
		const value = formData.get(name);
		return typeof value === 'string' ? value : '';
	};
	const givenOn = parseDateParts(
		{ day: text('givenOn-day'), month: text('givenOn-month'), year: text('givenOn-year') },
		{
			label: 'The date consent was given',
			required: 'Enter the date consent was given',
			notInFuture: true,
			now
		}
	);
	if (!fields.ok || !givenOn.ok || !givenOn.date) {
		const errors: FieldErrors = { ...(fields.ok ? {} : fields.errors) };
		if (!givenOn.ok) errors.givenOn = givenOn.message;
		const values: Record<string, string> = {};
		for (const [key, value] of formData) if (typeof value === 'string') values[key] = value;
		return { ok: false, errors, values };
	}
	return {
		ok: true,
		data: {
			...fields.data,
			includesRestricted: fields.data.includesRestricted === 'yes',
			givenOn: givenOn.date
		}
	};
}

export async function recordConsent(
	context: { db: Database; live: LiveDocuments },
	input: { actorId: string; childId: string; consent: ConsentInput }
): Promise<string> {
	const id = await context.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(consents)
			.values({ childId: input.childId, recordedBy: input.actorId, ...input.consent })
			.returning({ id: consents.id });
		if (!row) throw new Error('consent not recorded');
		await recordAuditEvent(tx, {
			actorId: input.actorId,
			action: 'consent.recorded',
			subjectType: 'child',
			subjectId: input.childId,
			details: {
				consentId: row.id,
				agency: input.consent.agency,
				includesRestricted: input.consent.includesRestricted
			}
		});
		return row.id;
	});
	await context.live.childAccessChanged(input.childId);
	return id;
}

/**
 * A professional may not grant their own agency the family's consent: someone from
 * another agency who coordinates the child's team (a receiving setting's SENCo, say) could
 * otherwise record a consent that lets them read every restricted note. The family, and
 * the coordinators of the organisation holding the record, record it for them. Returns
 * the message to show, or null when this person may record it.
 */
export async function ownAgencyConsentRefusal(
	db: Database,
	actor: Actor,
	child: { id: string; organisationId: string },
	agency: string
): Promise<string | null> {
	const orgRole = actor.memberships.find(
		(membership) => membership.organisationId === child.organisationId
	)?.role;
	if (orgRole === 'coordinator' || orgRole === 'admin') return null;
	const [place] = await db
		.select({ teamRole: teamMembers.teamRole, agency: teamMembers.agency })
		.from(teamMembers)
		.where(and(eq(teamMembers.childId, child.id), eq(teamMembers.userId, actor.id)));
	if (!place || isFamilyRole(place.teamRole)) return null;
	const same = (a: string) => a.trim().toLocaleLowerCase('en-GB');
	return same(place.agency) === same(agency)
		? 'You cannot record consent for your own organisation or service. The family, or a coordinator at the organisation that holds the record, records it.'
		: null;
}

/** Records a withdrawal; false when there is no such consent in place for the child. */
export async function withdrawConsent(
	context: { db: Database; live: LiveDocuments },
	input: { actorId: string; childId: string; consentId: string; withdrawnOn: CalendarDate }
): Promise<boolean> {
	if (!isUuid(input.consentId)) return false;
	const withdrawn = await context.db.transaction(async (tx) => {
		const rows = await tx
			.update(consents)
			.set({ withdrawnOn: input.withdrawnOn, withdrawnRecordedBy: input.actorId })
			.where(
				and(
					eq(consents.id, input.consentId),
					eq(consents.childId, input.childId),
					isNull(consents.withdrawnOn)
				)
			)
			.returning({ agency: consents.agency });
		const [row] = rows;
		if (!row) return false;
		await recordAuditEvent(tx, {
			actorId: input.actorId,
			action: 'consent.withdrawn',
			subjectType: 'child',
			subjectId: input.childId,
			details: { consentId: input.consentId, agency: row.agency }
		});
		return true;
	});
	// Someone whose agency may no longer read restricted notes is disconnected from them now.
	if (withdrawn) await context.live.childAccessChanged(input.childId);
	return withdrawn;
}
