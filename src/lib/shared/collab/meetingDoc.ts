/**
 * The live meeting document: the ONLY code that knows the Y.Doc's shape. Everything else
 * (the browser's editors, the collaboration server, projections, history) reads it with
 * the read functions, changes it with the change functions and binds rich-text editors
 * with fieldFragment(doc, fieldId). The implementation lives in ./meetingDoc/.
 */
export {
	MEETING_DOC_SCHEMA_VERSION,
	MEETING_SECTIONS,
	MEETING_SECTION_LABELS,
	ACTION_STATUSES,
	ATTENDANCE_STATUSES,
	EHCP_RECOMMENDATIONS,
	EHCP_PLAN_SECTIONS,
	type MeetingSection,
	type ActionStatus,
	type AttendanceStatus,
	type EhcpRecommendation,
	type EhcpPlanSection
} from './meetingDoc/shape.ts';
export * from './meetingDoc/types.ts';
export * from './meetingDoc/read.ts';
export * from './meetingDoc/change.ts';
export * from './meetingDoc/changeActions.ts';
export * from './meetingDoc/fields.ts';
export * from './meetingDoc/lifecycle.ts';
export * from './meetingDoc/newText.ts';
export * from './meetingDoc/casework.ts';
export * from './meetingDoc/childVoice.ts';
export {
	describeEditRules,
	mayChangeAttendanceList,
	mayChangeContribution,
	mayChangeSection,
	maySetAttendance,
	type Editor
} from './meetingDoc/editRules.ts';
