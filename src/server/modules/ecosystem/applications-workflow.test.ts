import { describe, expect, it } from 'vitest';
import { applicationStatuses } from '../../../shared/contracts/ecosystem.js';
import { canMove } from './applications-workflow.js';

// Written out apart from the code: received → shortlisted → accepted / not accepted, and a refusal straight from received.
const allowed = new Set(['received→shortlisted', 'received→not_accepted', 'shortlisted→accepted', 'shortlisted→not_accepted']);

describe('application moves', () => {
  it.each(applicationStatuses.flatMap((from) => applicationStatuses.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(allowed.has(`${from}→${to}`));
  });
});
