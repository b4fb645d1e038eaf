import { openCountOf, type WorkItem, type Workspace } from '../../../shared/contracts/workspace.js';
import type { ServiceContext } from '../../lib/context.js';
import type { ModuleManifest } from '../manifest.js';

/**
 * A signed-in person's jobs across every module that lists some, in module order. Each module counts
 * within what its own lists show the person, so the workspace never reveals more than they may read.
 */
export async function getWorkspace(ctx: ServiceContext, modules: readonly ModuleManifest[]): Promise<Workspace> {
  const items: WorkItem[] = [];
  // One module after the other: the context's connection is shared, and the lists are short.
  for (const module of modules) if (module.workItems) items.push(...(await module.workItems(ctx)));
  return { items, openCount: openCountOf(items) };
}
