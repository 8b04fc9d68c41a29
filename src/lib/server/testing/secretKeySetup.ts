import { randomBytes } from 'node:crypto';
import { setSecretKey } from '../auth/secretBox.ts';

// Vitest setup for server tests: the runtime sets the secret key at start-up, and tests
// call services without a runtime, so each test file gets a key of its own here.
setSecretKey(new Uint8Array(randomBytes(32)));
