/**
 * Closing a meeting while some of its actions are unresolved (no owner, no due date, or
 * done without evidence: unresolvedActions.ts counts them) needs the chair's explicit
 * confirmation. Returns why closing is refused, or null when it may go ahead.
 */
export function closingRefusal(unresolvedActions: number, confirmed: boolean): string | null {
	if (unresolvedActions === 0 || confirmed) return null;
	return unresolvedActions === 1
		? 'One action has no owner or no due date. Fix it, or tick the box to close anyway'
		: `${unresolvedActions} actions have no owner or no due date. Fix them, or tick the box to close anyway`;
}
