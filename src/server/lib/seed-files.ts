import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { seedsDir } from './paths.js';

/** Reads and validates one versioned demo seed file from seeds/demo. */
export function readDemoSeed<T extends z.ZodType>(fileName: string, schema: T): z.infer<T> {
  const path = join(seedsDir, 'demo', fileName);
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`seed file ${path}: ${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data;
}
