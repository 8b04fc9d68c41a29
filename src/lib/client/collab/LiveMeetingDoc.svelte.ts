import type * as Y from 'yjs';
import {
	MEETING_DOC_SCHEMA_VERSION,
	readMeetingDoc,
	type MeetingDocSnapshot
} from '../../shared/collab/meetingDoc.ts';
import { describeRemoteChanges } from './announcements.ts';
import type { CollabSession } from './CollabSession.svelte.ts';

/**
 * The meeting document as runes: a fresh snapshot (meetingDoc.ts's readers) after every
 * change, and a polite sentence for each change someone else makes. Editors bind to the
 * Yjs fragments directly; everything else on the page renders from the snapshot.
 */
export class LiveMeetingDoc {
	snapshot: MeetingDocSnapshot;
	/** Announcements for the live region, newest last (the page shows the latest few). */
	announcements = $state.raw<{ id: number; text: string }[]>([]);

	/** The server has created the document (or the offline copy holds it). */
	get ready(): boolean {
		return this.snapshot.schemaVersion !== null;
	}

	/** The document was written by a newer Coplan than this page's code. */
	get tooNew(): boolean {
		return (this.snapshot.schemaVersion ?? 0) > MEETING_DOC_SCHEMA_VERSION;
	}

	private readonly doc: Y.Doc;
	private readonly maxAnnouncements: number;
	private nextAnnouncementId = 1;
	private readonly stop: () => void;

	constructor(
		session: CollabSession,
		personName: (userId: string) => string,
		maxAnnouncements = 5
	) {
		this.doc = session.doc;
		this.maxAnnouncements = maxAnnouncements;
		this.snapshot = $state.raw(readMeetingDoc(this.doc));
		let pendingAuthors: string[] | null = null;
		const stopRemote = session.onRemoteChange((authors) => (pendingAuthors = authors));
		const afterTransaction = (transaction: Y.Transaction) => {
			if (transaction.changed.size === 0) return;
			const before = this.snapshot;
			const after = readMeetingDoc(this.doc);
			this.snapshot = after;
			// onRemoteChange ran for this same transaction, just before this handler.
			if (pendingAuthors && session.isRemote(transaction) && before.schemaVersion !== null) {
				const who = pendingAuthors.join(' and ');
				this.announce(describeRemoteChanges(before, after, who, personName));
			}
			pendingAuthors = null;
		};
		this.doc.on('afterTransaction', afterTransaction);
		this.stop = () => {
			stopRemote();
			this.doc.off('afterTransaction', afterTransaction);
		};
	}

	announce(sentences: string[]): void {
		if (sentences.length === 0) return;
		const added = sentences.map((text) => ({ id: this.nextAnnouncementId++, text }));
		this.announcements = [...this.announcements, ...added].slice(-this.maxAnnouncements);
	}

	destroy(): void {
		this.stop();
	}
}
