/** Replies to a meeting invitation (labels in labels.ts); everyone starts as pending. */
export const RSVP_RESPONSES = [
	'pending',
	'attending',
	'attending_online',
	'cannot_attend'
] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];
