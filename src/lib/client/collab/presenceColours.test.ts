import { describe, expect, it } from 'vitest';
import { colourForUser, contrastRatio, PRESENCE_PALETTE } from './presenceColours.ts';

const team = [
	'6b1e6a0e-0000-4000-8000-000000000003',
	'6b1e6a0e-0000-4000-8000-000000000001',
	'6b1e6a0e-0000-4000-8000-000000000002'
];

describe('presence colours', () => {
	it('carries white text at WCAG AA contrast and is a #rrggbb colour (TipTap needs that)', () => {
		for (const colour of PRESENCE_PALETTE) {
			expect(colour).toMatch(/^#[0-9a-f]{6}$/);
			expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
		}
	});

	it('are distinct from each other', () => {
		expect(new Set(PRESENCE_PALETTE).size).toBe(PRESENCE_PALETTE.length);
	});

	it('gives every team member a different colour, whatever order the list comes in', () => {
		const colours = team.map((id) => colourForUser(id, team));
		expect(new Set(colours).size).toBe(team.length);
		const reversed = [...team].reverse();
		expect(team.map((id) => colourForUser(id, reversed))).toEqual(colours);
	});

	it('follows the sorted team order, so every browser agrees', () => {
		expect(colourForUser(team[1] as string, team)).toBe(PRESENCE_PALETTE[0]);
		expect(colourForUser(team[2] as string, team)).toBe(PRESENCE_PALETTE[1]);
		expect(colourForUser(team[0] as string, team)).toBe(PRESENCE_PALETTE[2]);
	});

	it('gives someone outside the team a stable palette colour', () => {
		const outsider = 'f00dfeed-0000-4000-8000-00000000000a';
		const colour = colourForUser(outsider, team);
		expect(PRESENCE_PALETTE).toContain(colour);
		expect(colourForUser(outsider, [])).toBe(colour);
	});

	it('measures contrast the WCAG way', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
	});
});
