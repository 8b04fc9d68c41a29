import { inject } from 'vitest';
import { useTestDatabaseTemplate } from '../db/testing.ts';

// Vitest set-up for server tests: hands each test file the template from the global set-up.
useTestDatabaseTemplate(inject('testDatabaseTemplate'));
