import * as v from 'valibot';
import { parseDateParts } from '../../../shared/domain/dateParts.ts';
import { AGENDA_TEMPLATES } from '../../../shared/domain/meetingAgendas.ts';
import { isPhaseTransfer, type PhaseTransfer } from '../../../shared/domain/phaseTransfers.ts';
import { formatUkDate, shiftDate, ukDateOf, ukInstant } from '../../../shared/domain/ukCalendar.ts';
import type { FieldErrors } from '../../forms.ts';
import { MEETING_TYPES, type MeetingType } from '../../../shared/domain/meetingTypes.ts';

/**
 * Reads the "schedule a meeting" form. Everything is checked on the server, each problem
 * against its own field in the order the fields appear, and what was typed is handed back
 * so that nothing is lost. Times are UK times (Europe/London), stored as UTC instants.
 */

export const DURATION_OPTIONS = [30, 45, 60, 90, 120, 180] as const;
export const DEFAULT_DURATION = 60;
const MAX_AGENDA_ITEMS = 30;
const MAX_AGENDA_ITEM_LENGTH = 200;
const LATEST_MONTHS_AHEAD = 24;

export interface TeamOption {
	userId: string;
	name: string;
}

export interface MeetingDetails {
	type: MeetingType;
	transfer: PhaseTransfer | null;
	startsAt: Date;
	durationMinutes: number;
	location: string;
	onlineLink: string | null;
	chairId: string;
	inviteeIds: string[];
	agenda: string[];
}

/** What the form shows: typed values, plus the invitees ticked. */
export interface MeetingFormValues {
	values: Record<string, string>;
	invitees: string[];
}

export type MeetingFormResult =
	{ ok: true; data: MeetingDetails } | ({ ok: false; errors: FieldErrors } & MeetingFormValues);

export function isMeetingType(value: string | null | undefined): value is MeetingType {
	return typeof value === 'string' && (MEETING_TYPES as readonly string[]).includes(value);
}

/** The values a new form starts with: the standard agenda, an hour, everyone invited. */
/**
 * The form as it first shows: the usual agenda for the type, the whole team invited, and
 * the person scheduling as chair when they are in the team (the chair must be).
 */
export function initialMeetingForm(
	type: MeetingType,
	team: readonly TeamOption[],
	schedulerId: string
): MeetingFormValues {
	const schedulerInTeam = team.some((member) => member.userId === schedulerId);
	return {
		values: {
			type,
			duration: String(DEFAULT_DURATION),
			chairId: schedulerInTeam ? schedulerId : '',
			agenda: AGENDA_TEMPLATES[type].join('\n')
		},
		invitees: team.map((member) => member.userId)
	};
}

const text = (max: number, message: string) =>
	v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max, message)), '');

const MeetingFields = v.object({
	type: v.picklist(MEETING_TYPES, 'Select the type of meeting'),
	transfer: text(40, 'Select the move the review is for'),
	'date-day': v.optional(v.string(), ''),
	'date-month': v.optional(v.string(), ''),
	'date-year': v.optional(v.string(), ''),
	time: text(20, 'Enter a real time, like 10:30 or 14:00'),
	duration: v.optional(v.string(), ''),
	location: text(200, 'Place must be 200 characters or fewer'),
	onlineLink: text(500, 'Online link must be 500 characters or fewer'),
	chairId: v.optional(v.string(), ''),
	agenda: v.optional(v.string(), '')
});

/** "10:30", "9.15", "14:00", "2pm", "2:30pm" → "HH:mm"; null when not a time. */
export function parseTime(input: string): string | null {
	const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(input.trim());
	if (!match) return null;
	let hours = Number(match[1]);
	const minutes = Number(match[2] ?? '0');
	const suffix = match[3]?.toLowerCase();
	if (match[2] === undefined && !suffix) return null;
	if (suffix) {
		if (hours < 1 || hours > 12) return null;
		hours = (hours % 12) + (suffix === 'pm' ? 12 : 0);
	}
	if (hours > 23 || minutes > 59) return null;
	return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function parseOnlineLink(input: string): string | null | { error: string } {
	if (input === '') return null;
	let url: URL;
	try {
		url = new URL(input);
	} catch {
		return {
			error: 'Enter the online link in the correct format, like https://meet.example.org/abc'
		};
	}
	if (url.protocol !== 'https:') {
		return { error: 'Enter an online link that starts with https://' };
	}
	return url.toString();
}

function parseAgenda(input: string): string[] | { error: string } {
	const items = input
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
	if (items.length === 0) return { error: 'Enter at least one agenda item, one on each line' };
	if (items.length > MAX_AGENDA_ITEMS) {
		return { error: `The agenda can have up to ${MAX_AGENDA_ITEMS} items` };
	}
	if (items.some((item) => item.length > MAX_AGENDA_ITEM_LENGTH)) {
		return { error: `Each agenda item must be ${MAX_AGENDA_ITEM_LENGTH} characters or fewer` };
	}
	return items;
}

export function parseMeetingForm(
	formData: FormData,
	context: { team: readonly TeamOption[]; childName: string; now: Date }
): MeetingFormResult {
	const values: Record<string, string> = {};
	for (const [key, value] of formData) {
		if (typeof value === 'string' && key !== 'invitees') values[key] = value;
	}
	const invitees = formData.getAll('invitees').filter((id) => typeof id === 'string');
	const parsed = v.safeParse(MeetingFields, values);
	const errors: FieldErrors = {};
	if (!parsed.success) {
		for (const issue of parsed.issues) {
			const key = issue.path?.[0]?.key;
			errors[typeof key === 'string' ? key : 'form'] ??= issue.message;
		}
		// Without a valid type nothing else can be judged (the agenda depends on it).
		if (errors.type) return { ok: false, errors, values, invitees };
	}
	const field = (key: keyof v.InferInput<typeof MeetingFields>) => (values[key] ?? '').trim();
	const fields = {
		transfer: field('transfer'),
		day: field('date-day'),
		month: field('date-month'),
		year: field('date-year'),
		time: field('time'),
		duration: field('duration'),
		location: field('location'),
		onlineLink: field('onlineLink'),
		chairId: field('chairId'),
		agenda: values.agenda ?? ''
	};
	const type = field('type') as MeetingType;
	const teamIds = new Set(context.team.map((member) => member.userId));
	const { childName, now } = context;

	let transfer: PhaseTransfer | null = null;
	if (type === 'phase_transfer_review') {
		if (isPhaseTransfer(fields.transfer)) transfer = fields.transfer;
		else errors.transfer = 'Select the move the review is for';
	}

	const date = parseDateParts(
		{ day: fields.day, month: fields.month, year: fields.year },
		{ label: 'Date of the meeting', required: 'Enter the date of the meeting' }
	);
	let meetingDate: string | null = null;
	if (!date.ok) errors.date = date.message;
	else meetingDate = date.date;

	const time = fields.time ? parseTime(fields.time) : null;
	if (!fields.time) errors.time = 'Enter the time of the meeting';
	else if (!time) errors.time ??= 'Enter a real time, like 10:30 or 14:00';

	let startsAt: Date | null = null;
	if (meetingDate && time) {
		startsAt = ukInstant(meetingDate, time);
		const today = ukDateOf(now);
		if (!startsAt) {
			errors.time = `${time} does not exist in the UK on ${formatUkDate(meetingDate)}, because the clocks go forward an hour. Choose another time`;
		} else if (startsAt <= now) {
			if (meetingDate < today) errors.date = 'Date of the meeting must be in the future';
			else errors.time = 'Time of the meeting must be in the future';
		} else if (meetingDate > shiftDate(today, { months: LATEST_MONTHS_AHEAD })) {
			errors.date = `Date of the meeting must be within the next ${LATEST_MONTHS_AHEAD / 12} years`;
		}
	}

	const duration = Number(fields.duration);
	if (!(DURATION_OPTIONS as readonly number[]).includes(duration)) {
		errors.duration = 'Select how long the meeting will last';
	}

	const onlineLink = parseOnlineLink(fields.onlineLink);
	if (onlineLink !== null && typeof onlineLink === 'object') errors.onlineLink ??= onlineLink.error;
	if (!errors.location && !errors.onlineLink && !fields.location && onlineLink === null) {
		errors.location = 'Enter where the meeting will be held, an online meeting link, or both';
	}

	const chairId = fields.chairId;
	if (chairId === '') errors.chairId = `Select who will chair the meeting`;
	else if (!teamIds.has(chairId)) errors.chairId = `The chair must be in ${childName}’s team`;

	const inviteeIds = [...new Set(invitees)];
	if (inviteeIds.length === 0) errors.invitees = 'Select at least one person to invite';
	else if (inviteeIds.some((id) => !teamIds.has(id))) {
		errors.invitees = `Everyone invited must be in ${childName}’s team`;
	}

	const agenda = parseAgenda(fields.agenda);
	if (!Array.isArray(agenda)) errors.agenda = agenda.error;

	if (Object.keys(errors).length > 0 || !startsAt || !Array.isArray(agenda)) {
		return { ok: false, errors: inFormOrder(errors), values, invitees };
	}
	// The chair is always invited.
	if (!inviteeIds.includes(chairId)) inviteeIds.push(chairId);
	return {
		ok: true,
		data: {
			type,
			transfer,
			startsAt,
			durationMinutes: duration,
			location: fields.location,
			onlineLink: typeof onlineLink === 'string' ? onlineLink : null,
			chairId,
			inviteeIds,
			agenda
		}
	};
}

const FIELD_ORDER = [
	'type',
	'transfer',
	'date',
	'time',
	'duration',
	'location',
	'onlineLink',
	'chairId',
	'invitees',
	'agenda'
];

function inFormOrder(errors: FieldErrors): FieldErrors {
	const ordered: FieldErrors = {};
	for (const field of FIELD_ORDER) if (errors[field]) ordered[field] = errors[field];
	for (const [field, message] of Object.entries(errors)) ordered[field] ??= message;
	return ordered;
}
