import { fileURLToPath } from 'node:url';

// Both src/server/lib (tsx, tests) and dist/server/lib (built) sit three levels below the package root.
export const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const migrationsDir = fileURLToPath(new URL('../../../src/server/db/migrations', import.meta.url));
export const seedsDir = fileURLToPath(new URL('../../../seeds', import.meta.url));
export const webDistDir = fileURLToPath(new URL('../../../dist/web', import.meta.url));
