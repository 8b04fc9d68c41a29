import type { CalendarDate } from './ukCalendar.ts';

/** Whole years and months between a date of birth and a day, as a birthday counts them. */
export function ageOn(
	dateOfBirth: CalendarDate,
	today: CalendarDate
): { years: number; months: number } {
	const [by = 0, bm = 1, bd = 1] = dateOfBirth.split('-').map(Number);
	const [ty = 0, tm = 1, td = 1] = today.split('-').map(Number);
	let months = (ty - by) * 12 + (tm - bm);
	if (td < bd) months -= 1;
	months = Math.max(0, months);
	return { years: Math.floor(months / 12), months: months % 12 };
}

/**
 * "7 years old"; under five, with months too ("2 years and 6 months old"), since in the
 * early years a few months matter (DOMAIN: reviews every 3–6 months for under-fives).
 */
export function describeAge(dateOfBirth: CalendarDate, today: CalendarDate): string {
	const { years, months } = ageOn(dateOfBirth, today);
	const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
	if (years >= 5) return `${plural(years, 'year')} old`;
	if (years === 0) return `${plural(months, 'month')} old`;
	if (months === 0) return `${plural(years, 'year')} old`;
	return `${plural(years, 'year')} and ${plural(months, 'month')} old`;
}
