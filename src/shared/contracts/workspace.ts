import { z } from 'zod';
import { localizedTextSchema } from './common.js';
import { roleNames } from './identity.js';

/**
 * How an item weighs: `overdue` and `due` are open work counted in the header; `info` is a figure
 * to keep an eye on (accounts, units) and is not counted.
 */
export const workItemUrgencies = ['overdue', 'due', 'info'] as const;
export type WorkItemUrgency = (typeof workItemUrgencies)[number];

const workItemLinkSchema = z.object({
  label: localizedTextSchema,
  count: z.number().int().nonnegative(),
  /** A path of the web app (src/shared/web-paths.ts). */
  href: z.string(),
});

/** One job on a person's workspace: what it is, how many, and the page where it is done. */
export const workItemSchema = z.object({
  /** Stable within its module, e.g. "plans.tasks-overdue". */
  id: z.string(),
  /** The role the job belongs to, so the workspace groups a person's roles apart. */
  role: z.enum(roleNames),
  label: localizedTextSchema,
  count: z.number().int().nonnegative(),
  urgency: z.enum(workItemUrgencies),
  href: z.string(),
  /** A breakdown (by unit, by task), each line one click from its page. */
  parts: z.array(workItemLinkSchema).max(50).optional(),
});
export type WorkItem = z.infer<typeof workItemSchema>;

export const workspaceSchema = z.object({
  items: z.array(workItemSchema),
  /** Open items (overdue and due) across every module: the number the header shows. */
  openCount: z.number().int().nonnegative(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

/** The header's figure: every overdue or due item counts; figures to keep an eye on do not. */
export const openCountOf = (items: readonly Pick<WorkItem, 'urgency' | 'count'>[]): number =>
  items.reduce((sum, item) => sum + (item.urgency === 'info' ? 0 : item.count), 0);
