/**
 * Where an agreed action stands: the meeting document holds it and the actions table
 * projects it, so both take their values from here.
 */
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
