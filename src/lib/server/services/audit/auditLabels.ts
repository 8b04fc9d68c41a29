/** The audit trail's event codes in plain words, for the admins' view and its CSV. */
const LABELS: Record<string, string> = {
	'child.read': 'Read the child’s record',
	'child.created': 'Added a child’s record',
	'child.updated': 'Changed a child’s record',
	'child.deleted': 'Removed a child’s record from lists',
	'child.erased': 'Deleted a child’s record for good',
	'child.exported': 'Gathered everything held about a child (subject access)',
	'child.exportDownloaded': 'Downloaded a subject access export',
	'team.memberChanged': 'Changed a team member’s role',
	'team.memberRemoved': 'Took someone out of a child’s team',
	'invitation.created': 'Invited someone to a child’s team',
	'invitation.resent': 'Sent a team invitation again',
	'invitation.revoked': 'Withdrew a team invitation',
	'invitation.accepted': 'Joined a child’s team',
	'handover.created': 'Handed a child over to a new setting',
	'handover.accepted': 'Opened a handover as the receiving setting’s SENCo',
	'organisationInvitation.created': 'Invited someone to the organisation',
	'organisationInvitation.resent': 'Sent an organisation invitation again',
	'organisationInvitation.revoked': 'Withdrew an organisation invitation',
	'organisationInvitation.accepted': 'Joined the organisation',
	'membership.roleChanged': 'Changed a member’s role',
	'membership.removed': 'Removed a member from the organisation',
	'advice.added': 'Added advice or a report',
	'consent.recorded': 'Recorded the family’s consent',
	'consent.withdrawn': 'Recorded a withdrawal of consent',
	'meeting.created': 'Scheduled a meeting',
	'meeting.closed': 'Closed a meeting',
	'meeting.reopened': 'Reopened a meeting',
	'meeting.deleted': 'Deleted a meeting',
	'meeting.restored': 'Restored a meeting to an earlier version',
	'meeting.deadlineDone': 'Marked a statutory deadline done',
	'meeting.deadlineReopened': 'Marked a statutory deadline not done',
	'meeting.laDecisionRecorded': 'Recorded the local authority’s decision after a review',
	'child.planEdited': 'Edited the child’s plan',
	'minutes.exported': 'Downloaded minutes',
	'action.completed': 'Marked an action done',
	'audit.exported': 'Downloaded the audit trail',
	'retention.changed': 'Changed how long records are kept',
	'person.erased': 'Erased a person',
	'user.passwordChanged': 'Changed their password',
	'account.passwordReset': 'Reset their password by email',
	'user.twoFactorEnabled': 'Turned on two-factor authentication',
	'user.twoFactorDisabled': 'Turned off two-factor authentication',
	'user.recoveryCodesRenewed': 'Made new two-factor recovery codes',
	'organisation.twoFactorRequired': 'Required two-factor authentication',
	'organisation.twoFactorOptional': 'Made two-factor authentication optional',
	'toolToken.created': 'Made a tool token for a meeting',
	'toolToken.used': 'Opened a meeting with a tool token',
	'toolToken.revoked': 'Revoked a tool token'
};

export function auditLabel(action: string): string {
	return LABELS[action] ?? action;
}

/** Every event code with its words, for the "what" filter. */
export function auditActionChoices(): { value: string; label: string }[] {
	return Object.entries(LABELS)
		.map(([value, label]) => ({ value, label }))
		.sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
}
