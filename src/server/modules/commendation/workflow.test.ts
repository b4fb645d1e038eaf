import { describe, expect, it } from 'vitest';
import {
  nominationActions,
  nominationRoles,
  nominationStates,
  type NominationAction,
  type NominationRole,
  type NominationState,
} from '../../../shared/contracts/commendation.js';
import { AppError } from '../../lib/errors.js';
import { actionsFor, resolveTransition, transitions, type Transition } from './workflow.js';

/**
 * The nomination workflow written out again, apart from workflow.ts, as the brief states it:
 * draft → submitted → under council vote → decided (approved / not approved) → decision issued.
 * "state action role → next state [when the vote's threshold is met or missed]"; every other triple is refused.
 */
const expected = `
  draft submit unit_officer submitted
  draft withdraw unit_officer withdrawn
  submitted withdraw unit_officer withdrawn
  submitted return programme_manager returned
  submitted open_vote programme_manager voting
  returned submit unit_officer submitted
  returned withdraw unit_officer withdrawn
  voting close_vote council_chair approved threshold_met
  voting close_vote council_chair not_approved threshold_missed
  approved issue programme_manager issued
`
  .trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/) as [NominationState, NominationAction, NominationRole, NominationState, Transition['when']?]);

describe('the nomination workflow table', () => {
  it('allows exactly the documented transitions', () => {
    expect(transitions.map((x) => [x.from, x.action, x.role, x.to, ...(x.when ? [x.when] : [])].join(' ')).sort()).toEqual(
      expected.map((e) => e.join(' ')).sort(),
    );
  });

  it.each(nominationStates)(
    'from %s: every action × role (× vote outcome) is the documented move or refused with a clear error',
    (state) => {
      for (const action of nominationActions) {
        for (const role of nominationRoles) {
          for (const outcome of [undefined, 'threshold_met', 'threshold_missed'] as const) {
            const documented = expected.find(
              ([s, a, r, , when]) => s === state && a === action && r === role && (when === undefined || when === outcome),
            );
            if (documented) {
              expect(resolveTransition(state, action, [role], outcome).to).toBe(documented[3]);
              continue;
            }
            let error: unknown = null;
            try {
              resolveTransition(state, action, [role], outcome);
            } catch (e) {
              error = e;
            }
            expect(error, `${state} ${action} ${role} ${outcome}`).toBeInstanceOf(AppError);
            const possibleAtAll = expected.some(
              ([s, a, , , when]) => s === state && a === action && (when === undefined || when === outcome),
            );
            expect((error as AppError).code).toBe(possibleAtAll ? 'FORBIDDEN' : 'CONFLICT');
            expect((error as AppError).localized.vi.length).toBeGreaterThan(20);
            expect((error as AppError).localized.en.length).toBeGreaterThan(20);
          }
        }
      }
    },
  );

  it('offers each role the buttons the table gives it, and nothing once a decision is issued or the nomination withdrawn', () => {
    expect(actionsFor('draft', ['unit_officer']).sort()).toEqual(['submit', 'withdraw']);
    expect(actionsFor('submitted', ['programme_manager']).sort()).toEqual(['open_vote', 'return']);
    expect(actionsFor('voting', ['council_chair'])).toEqual(['close_vote']);
    for (const state of ['issued', 'withdrawn', 'not_approved'] as const) expect(actionsFor(state, [...nominationRoles])).toEqual([]);
  });

  it('asks a reason for every withdrawal and return, which the unit is told', () => {
    expect(
      transitions
        .filter((x) => x.needsReason)
        .map((x) => `${x.from} ${x.action}`)
        .sort(),
    ).toEqual(['draft withdraw', 'returned withdraw', 'submitted return', 'submitted withdraw'].sort());
  });
});
