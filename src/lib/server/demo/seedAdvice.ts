import { monthsBefore } from '../../shared/domain/adviceFlags.ts';
import { ukDateOf } from '../../shared/domain/ukCalendar.ts';
import type { Database } from '../db/client.ts';
import { adviceItems } from '../db/schema.ts';

/**
 * Professional advice for the demo children (DOMAIN.md's cases), dated relative to the
 * seeding day so that the register always shows current, stale (over 12 months old) and
 * review-due advice.
 */
export interface DemoAdvice {
	/** First name of the demo child. */
	child: string;
	title: string;
	authorName: string;
	agency: string;
	givenMonthsAgo: number;
	/** Months from the seeding day to the review-by date; negative when it has passed. */
	reviewInMonths: number | null;
	text: string;
	/** Key of the demo person who added it. */
	addedBy: string;
}

export const DEMO_ADVICE: DemoAdvice[] = [
	{
		child: 'Aaron',
		title: 'Speech and language therapy report',
		authorName: 'Sam Okafor',
		agency: 'Northshire Community Health',
		givenMonthsAgo: 3,
		reviewInMonths: 9,
		text:
			'Aaron understands far more than he can say. He uses signs at home that school staff do not yet know: his mum will share a list of them.\n' +
			'Strategies: use his home signs alongside spoken words; give him ten seconds to answer before helping; use a visual timetable for the day.\n' +
			'Provision: 20 minutes a day of speech and language work with his teaching assistant, following the programme in this report.',
		addedBy: 'salt'
	},
	{
		child: 'Aaron',
		title: 'Speech and language therapy assessment',
		authorName: 'Sam Okafor',
		agency: 'Northshire Community Health',
		givenMonthsAgo: 14,
		reviewInMonths: null,
		text: 'First assessment: Aaron’s understanding of language is close to his age; his expressive language is delayed by about two years.',
		addedBy: 'salt'
	},
	{
		child: 'Jordan',
		title: 'Physiotherapy programme',
		authorName: 'Daniel Price',
		agency: 'Northshire Community Health',
		givenMonthsAgo: 8,
		reviewInMonths: -2,
		text:
			'Daily stretches before school and after lunch (see the pictures in the programme); 30 minutes in the standing frame after lunch.\n' +
			'This programme must be reviewed after Jordan’s operation before anyone carries on with it.',
		addedBy: 'physio'
	},
	{
		child: 'Jordan',
		title: 'Occupational therapy advice for the classroom',
		authorName: 'Olivia Grant',
		agency: 'Northshire Community Health',
		givenMonthsAgo: 2,
		reviewInMonths: 10,
		text: 'A sloping writing board and chunky pencil grips; the iPad for longer pieces of writing; movement breaks every 30 minutes.',
		addedBy: 'ot'
	},
	{
		child: 'Jordan',
		title: 'Sensory team equipment assessment',
		authorName: 'Northshire Council sensory support team',
		agency: 'Northshire Council',
		givenMonthsAgo: 15,
		reviewInMonths: null,
		text: 'Jordan has a voice amplifier and an iPad on loan from the sensory support team. Staff should check the amplifier is charged each morning.',
		addedBy: 'caseworker'
	},
	{
		child: 'Maya',
		title: 'Health visitor’s two-year review',
		authorName: 'Ruth Campbell',
		agency: 'Northshire Community Health',
		givenMonthsAgo: 6,
		reviewInMonths: 1,
		text: 'At her two-year check Maya used about ten single words and pointed to show what she wanted. Referred to speech and language therapy; hearing test booked.',
		addedBy: 'healthvisitor'
	},
	{
		child: 'Maya',
		title: 'Speech and language advice for nursery',
		authorName: 'Sam Okafor',
		agency: 'Northshire Community Health',
		givenMonthsAgo: 1,
		reviewInMonths: 3,
		text: 'Name what Maya is doing in short phrases as she plays; offer two choices at snack time; sing the same songs each day with actions.',
		addedBy: 'salt'
	},
	{
		child: 'Connor',
		title: 'Educational psychology report',
		authorName: 'Laura Fitzgerald',
		agency: 'Northshire Council',
		givenMonthsAgo: 18,
		reviewInMonths: -6,
		text: 'Connor is a strong reader with a rich vocabulary. He finds changes to routine very hard and needs warning of them in advance. Written instructions help him more than spoken ones.',
		addedBy: 'ep'
	},
	{
		child: 'Connor',
		title: 'Moving to secondary school: transition advice',
		authorName: 'Mark Evans',
		agency: 'Northshire Council',
		givenMonthsAgo: 1,
		reviewInMonths: 5,
		text: 'Extra visits to the secondary school in the summer term with a familiar adult; a photo book of the new building and staff; a named key worker from his first day.',
		addedBy: 'caseworker'
	}
];

/** Inserts the demo advice; `childIds` by first name, `userIds` by demo person key. */
export async function seedDemoAdvice(
	db: Database,
	childIds: Map<string, string>,
	userIds: Map<string, string>,
	now: Date
): Promise<void> {
	const today = ukDateOf(now);
	const rows = DEMO_ADVICE.map((advice) => {
		const childId = childIds.get(advice.child);
		if (!childId) throw new Error(`Demo advice refers to unknown child "${advice.child}".`);
		return {
			childId,
			title: advice.title,
			authorName: advice.authorName,
			agency: advice.agency,
			adviceDate: monthsBefore(today, advice.givenMonthsAgo),
			reviewBy: advice.reviewInMonths === null ? null : monthsBefore(today, -advice.reviewInMonths),
			text: advice.text,
			addedBy: userIds.get(advice.addedBy) ?? null
		};
	});
	await db.insert(adviceItems).values(rows);
}
