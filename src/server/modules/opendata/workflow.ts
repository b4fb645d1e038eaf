import type { DatasetState } from '../../../shared/contracts/opendata.js';

export const datasetActions = ['propose', 'publish', 'withdraw'] as const;
export type DatasetAction = (typeof datasetActions)[number];
export type DatasetRole = 'officer' | 'manager';

/**
 * The allowed transitions, in one table: officers of the publisher propose a draft; a programme
 * manager publishes a proposal (or a draft of their own) and may take a dataset back to draft.
 */
const transitions: Record<DatasetAction, { from: readonly DatasetState[]; to: DatasetState; by: readonly DatasetRole[] }> = {
  propose: { from: ['draft'], to: 'proposed', by: ['officer', 'manager'] },
  publish: { from: ['proposed', 'draft'], to: 'published', by: ['manager'] },
  withdraw: { from: ['proposed', 'published'], to: 'draft', by: ['manager'] },
};

/** The state `action` leads to from `state` for `role`, or null when the table does not allow it. */
export function nextDatasetState(state: DatasetState, action: DatasetAction, role: DatasetRole): DatasetState | null {
  const rule = transitions[action];
  return rule.from.includes(state) && rule.by.includes(role) ? rule.to : null;
}

/** Officers edit a dataset while it is a draft; managers at any state (the change is audited). */
export const isEditable = (state: DatasetState, role: DatasetRole): boolean => role === 'manager' || state === 'draft';
