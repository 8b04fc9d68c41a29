import { requireUser } from '$lib/server/auth/guards.ts';
import { glossaryFor } from '$lib/shared/domain/glossary.ts';
import { TEAM_ROLE_LABELS, labelFor } from '$lib/shared/domain/labels.ts';
import { PHASE_TRANSFERS } from '$lib/shared/domain/phaseTransfers.ts';
import {
	describeMeetingTypes,
	describeRule,
	describeTransferDate
} from '$lib/shared/domain/ruleWording.ts';
import {
	STATUTORY_INVITEES_SOURCE,
	STATUTORY_INVITEE_GROUPS
} from '$lib/shared/domain/statutoryInvitees.ts';
import { EHCP_REVIEW_TYPES, TIMELINE_RULES } from '$lib/shared/domain/timeline.ts';
import { YEAR_GROUPS } from '$lib/shared/domain/yearGroups.ts';
import type { PageServerLoad } from './$types';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Every deadline rule Coplan applies, read from the tables the deadlines are computed
 * from, so the page cannot say one thing while the timeline does another. Nothing here
 * is about a child: any signed-in person may read it. `satisfies` keeps the data's own
 * type for the load's test.
 */
export const load = ((event) => {
	requireUser(event);
	const rules = TIMELINE_RULES.map(describeRule);
	const transfers = Object.values(PHASE_TRANSFERS).map((transfer) => ({
		label: transfer.label,
		date: describeTransferDate(transfer),
		yearGroupAfter:
			YEAR_GROUPS.find((group) => group.value === transfer.yearGroupAfter)?.label ??
			`Year ${transfer.yearGroupAfter}`
	}));
	const invitees = {
		meetingTypes: describeMeetingTypes(EHCP_REVIEW_TYPES),
		groups: STATUTORY_INVITEE_GROUPS.map((group) => ({
			key: group.key,
			label: capitalise(group.label),
			roles: group.roles.map((role) => labelFor(TEAM_ROLE_LABELS, role))
		})),
		source: STATUTORY_INVITEES_SOURCE
	};
	const texts = [
		...rules.flatMap((rule) => [
			rule.title,
			rule.description,
			...rule.meetingTypes,
			...rule.conditions,
			rule.source
		]),
		...invitees.groups.flatMap((group) => [group.label, ...group.roles]),
		invitees.source
	];
	return { rules, transfers, invitees, glossary: glossaryFor(texts) };
}) satisfies PageServerLoad;
