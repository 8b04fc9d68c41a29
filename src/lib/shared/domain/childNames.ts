/** The name a child is known by: their preferred name when they have one. */
export function knownAs(child: { firstName: string; preferredName: string | null }): string {
	return child.preferredName ?? child.firstName;
}

/** "Aaron Thompson", or "AJ (Aaron) Thompson" for a child with a preferred name. */
export function fullName(child: {
	firstName: string;
	lastName: string;
	preferredName: string | null;
}): string {
	return child.preferredName && child.preferredName !== child.firstName
		? `${child.preferredName} (${child.firstName}) ${child.lastName}`
		: `${child.firstName} ${child.lastName}`;
}
