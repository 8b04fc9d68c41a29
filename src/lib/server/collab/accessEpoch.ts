/**
 * Counts the access changes a collaboration server has been told of (a meeting closed, a
 * team or role changed). A connection's access is decided when it authenticates; when it
 * goes live, that decision stands unless a change was announced in between. A change
 * announced after the check reaches the connection anyway: by then it is in its
 * document's connections, which the announcement's refresh walks.
 */
export class AccessEpoch {
	private count = 0;

	/** Call at the start of every refresh of live access, before it reads anything. */
	bump(): void {
		this.count += 1;
	}

	get current(): number {
		return this.count;
	}
}
