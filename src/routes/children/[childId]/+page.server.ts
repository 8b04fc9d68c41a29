import { can } from '$lib/server/policy.ts';
import { listAdvice } from '$lib/server/services/advice/listAdvice.ts';
import { requireChild } from '$lib/server/services/children/requireChild.ts';
import { listTeam } from '$lib/server/services/children/team.ts';
import { whoCanSee } from '$lib/server/services/children/whoCanSee.ts';
import { listMeetingsForChild } from '$lib/server/services/meetings/listMeetingsForChild.ts';
import { loadProgressHistory } from '$lib/server/services/plan/progressHistory.ts';
import { loadCurrentPlan } from '$lib/server/services/plan/planVersions.ts';
import { needsAttention } from '$lib/shared/domain/adviceFlags.ts';
import { describeAge } from '$lib/shared/domain/childAge.ts';
import { ukDateOf } from '$lib/shared/domain/ukCalendar.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, child, resource } = await requireChild(event, 'child.view');
	const db = event.locals.db;
	const [team, access, meetings, advice, plan] = await Promise.all([
		listTeam(db, child.id),
		whoCanSee(db, child),
		listMeetingsForChild(db, child.id),
		listAdvice(db, child.id),
		loadCurrentPlan(db, child.id)
	]);
	// The plan's current outcomes; every outcome ever scored before a plan is recorded.
	const progress = await loadProgressHistory(db, child.id, {
		outcomeIds: plan ? plan.content.outcomes.map((outcome) => outcome.id) : undefined
	});
	return {
		child,
		age: describeAge(child.dateOfBirth, ukDateOf(new Date())),
		team,
		access,
		meetings,
		progress,
		advice: {
			count: advice.length,
			needingAttention: advice.filter(needsAttention).length
		},
		created: event.url.searchParams.has('created'),
		permissions: {
			edit: can(actor, 'child.edit', resource),
			delete: can(actor, 'child.delete', resource),
			invite: can(actor, 'child.invite', resource),
			manageTeam: can(actor, 'child.manageTeam', resource),
			createMeeting: can(actor, 'child.createMeeting', resource)
		},
		me: actor.id
	};
};
