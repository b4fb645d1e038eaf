import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root; the project's shared reference data lies beside it, in ../shared. */
const repoRootUrl = new URL('../../', import.meta.url);
const testdataUrl = new URL('../shared/testdata/', repoRootUrl);

/** The path of a file of the shared reference data (CKAN's examples, the DCAT-AP shapes); fails clearly when it is missing. */
export function sharedTestdataPath(relative: string): string {
  const path = fileURLToPath(new URL(relative, testdataUrl));
  if (!existsSync(path))
    throw new Error(`Reference data missing: ${path} (expected the shared folder beside the repository, at ${fileURLToPath(testdataUrl)})`);
  return path;
}

export const readSharedTestdata = (relative: string): string => readFileSync(sharedTestdataPath(relative), 'utf8');
