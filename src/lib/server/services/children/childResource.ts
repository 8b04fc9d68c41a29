import type { Resource } from '../../policy.ts';

export type ChildResource = Extract<Resource, { type: 'child' }>;

/** The policy's view of a child: which child, held by which organisation. */
export function childResource(child: { id: string; organisationId: string }): ChildResource {
	return { type: 'child', childId: child.id, organisationId: child.organisationId };
}
