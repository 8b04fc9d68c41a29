/** Query strings for the caseload's sort links and filter form: one place builds them. */
export interface CaseloadQueryState {
	sort: string;
	planType: string | null;
	overdueOnly: boolean;
}

export function caseloadHref(query: CaseloadQueryState, change: Partial<CaseloadQueryState> = {}) {
	const next = { ...query, ...change };
	const params = new URLSearchParams({ sort: next.sort });
	if (next.planType) params.set('plan', next.planType);
	if (next.overdueOnly) params.set('overdue', '1');
	return `/home?${params}`;
}
