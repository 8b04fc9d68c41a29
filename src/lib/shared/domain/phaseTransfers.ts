/**
 * Moves between phases of education, and when the plan must be amended before each:
 * SEND Regulations 2014, reg. 18(1)(a) and (b); SEND Code of Practice 2015, para. 9.179.
 */

export type PhaseTransfer =
	'early_years_to_school' | 'infant_to_junior' | 'primary_to_secondary' | 'secondary_to_post16';

export interface PhaseTransferRule {
	label: string;
	/** Month (1–12) and day by which the plan must be reviewed and amended. */
	month: number;
	day: number;
	/** The year group the child moves into (Reception 0, Year 3, Year 7, Year 12). */
	yearGroupAfter: number;
}

export const PHASE_TRANSFERS: Record<PhaseTransfer, PhaseTransferRule> = {
	early_years_to_school: {
		label: 'Early years setting to school',
		month: 2,
		day: 15,
		yearGroupAfter: 0
	},
	infant_to_junior: {
		label: 'Infant school to junior school',
		month: 2,
		day: 15,
		yearGroupAfter: 3
	},
	primary_to_secondary: {
		label: 'Primary school to secondary school',
		month: 2,
		day: 15,
		yearGroupAfter: 7
	},
	secondary_to_post16: {
		label: 'Secondary school to a post-16 setting (college or sixth form)',
		month: 3,
		day: 31,
		yearGroupAfter: 12
	}
};

export function isPhaseTransfer(value: string | null | undefined): value is PhaseTransfer {
	return typeof value === 'string' && Object.hasOwn(PHASE_TRANSFERS, value);
}
