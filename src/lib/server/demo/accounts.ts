import { DEMO_PASSWORD, DEMO_PEOPLE, demoEmail } from './people.ts';

/**
 * The demo accounts as the start-up summary lists them: apart from the seeding itself, so
 * that a server that seeds nothing does not load it.
 */

export interface DemoAccount {
	email: string;
	description: string;
}

export function demoAccounts(): DemoAccount[] {
	return DEMO_PEOPLE.map((person) => ({
		email: demoEmail(person),
		description: person.description
	}));
}

export function formatDemoAccounts(accounts: DemoAccount[]): string {
	const width = Math.max(...accounts.map((account) => account.email.length));
	return [
		`Demo accounts (password for all: ${DEMO_PASSWORD}):`,
		...accounts.map((account) => `  ${account.email.padEnd(width)}  ${account.description}`)
	].join('\n');
}
