import { requireChild } from '$lib/server/services/children/requireChild.ts';
import { loadPlanVersions } from '$lib/server/services/plan/planVersions.ts';
import { versionView } from '$lib/server/services/plan/planPage.ts';
import { diffPlans } from '$lib/shared/domain/plan/planDiff.ts';
import type { PlanType } from '$lib/shared/domain/planTypes.ts';
import type { PageServerLoad } from './$types';

/** Which two versions to compare: as asked for, else the newest and the plan before it. */
function chosen(value: string | null, known: number[], fallback: number | undefined) {
	const asked = Number(value);
	return known.includes(asked) ? asked : fallback;
}

export const load: PageServerLoad = async (event) => {
	const { child } = await requireChild(event, 'child.view');
	const versions = (await loadPlanVersions(event.locals.db, child.id)).map(versionView);
	const numbers = versions.map((version) => version.version);
	const params = event.url.searchParams;
	const to = chosen(params.get('to'), numbers, numbers[0]);
	// By default, the plan as it stood before: the adopted version before the later one
	// (a proposal the LA then adopted holds the same words as the version adopting it).
	const earlier = versions.filter((version) => to !== undefined && version.version < to);
	const from = chosen(
		params.get('from'),
		numbers,
		(earlier.find((version) => version.state === 'adopted') ?? earlier[0])?.version
	);
	const before = versions.find((version) => version.version === from);
	const after = versions.find((version) => version.version === to);
	return {
		child,
		versions: versions.map(({ content: _content, ...summary }) => summary),
		from: before
			? { version: before.version, summary: before.summary, stateLabel: before.stateLabel }
			: null,
		to: after
			? { version: after.version, summary: after.summary, stateLabel: after.stateLabel }
			: null,
		rows:
			before && after ? diffPlans(child.planType as PlanType, before.content, after.content) : []
	};
};
