/** What changed between two versions of the minutes, as the history page lists it. */

export interface MinutesChange {
	kind: 'added' | 'removed' | 'changed';
	/** "Action 3: Teach the class five signs". */
	subject: string;
	/** "Status: Open → Done". */
	details: string[];
}

export interface SectionChanges {
	section: string;
	changes: MinutesChange[];
}
