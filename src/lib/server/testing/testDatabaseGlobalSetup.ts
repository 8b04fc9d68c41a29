import type { TestProject } from 'vitest/node';
import { prepareTestDatabaseTemplate, type TestDatabaseTemplate } from '../db/testTemplate.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		testDatabaseTemplate: TestDatabaseTemplate;
	}
}

/**
 * Vitest global set-up for server tests: migrates one database per run, which every test
 * file's createTestDatabase() copies (see db/testing.ts), and deletes it when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const prepared = await prepareTestDatabaseTemplate(process.env.TEST_DATABASE_URL);
	project.provide('testDatabaseTemplate', prepared.template);
	return () => prepared.dispose();
}
