import * as v from 'valibot';
import { validateForm } from '../../forms.ts';
import { TEAM_ROLES, isFamilyRole, type TeamRole } from '../../../shared/domain/roles.ts';
import {
	childFormValues,
	orderErrors,
	parseChildForm,
	type ChildDetails,
	type ParsedForm
} from './childForm.ts';

/** Adding a child: the child's details, plus where the record lives and the creator's team place. */
export interface NewChild extends ChildDetails {
	organisationId: string;
	myTeamRole: TeamRole;
	myAgency: string;
}

/** Families join a team by invitation only: whoever adds the child is a professional. */
const PROFESSIONAL_ROLES = TEAM_ROLES.filter((role) => !isFamilyRole(role));

const PlacementFields = v.object({
	organisationId: v.pipe(v.string('Select the organisation that holds the record'), v.trim()),
	myTeamRole: v.picklist(PROFESSIONAL_ROLES, 'Select your role in the child’s team'),
	myAgency: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter the organisation or service you work for'),
		v.maxLength(200, 'Organisation or service must be 200 characters or fewer')
	)
});

/**
 * @param organisationIds the organisations in which the user may add children: a posted
 * id outside this list is refused, never trusted.
 */
export function parseNewChildForm(
	formData: FormData,
	organisationIds: readonly string[],
	now = new Date()
): ParsedForm<NewChild> {
	const details = parseChildForm(formData, now);
	const placement = validateForm(PlacementFields, formData);
	const errors = details.ok ? {} : { ...details.errors };
	if (!placement.ok) Object.assign(errors, placement.errors);
	if (placement.ok && !organisationIds.includes(placement.data.organisationId)) {
		errors.organisationId = 'Select the organisation that holds the record';
	}
	if (details.ok && placement.ok && Object.keys(errors).length === 0) {
		return { ok: true, data: { ...details.data, ...placement.data } };
	}
	return { ok: false, errors: orderErrors(errors), values: childFormValues(formData) };
}
