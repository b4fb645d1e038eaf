import { describe, expect, it } from 'vitest';
import { compiledActions, compiledStates, unitReportActions, unitReportStates } from '../../../shared/contracts/reports.js';
import {
  compiledActionsFor,
  isCompiledEditable,
  isUnitReportEditable,
  nextCompiledState,
  nextUnitReportState,
  unitReportActionsFor,
} from './workflow.js';

/**
 * The two workflows written out again, apart from workflow.ts, as "state action role → next state".
 * Every state × action × role not listed must be refused.
 */
const unitReportMoves = `
  draft send officer awaiting_approval
  returned send officer awaiting_approval
  awaiting_approval submit leader submitted
  awaiting_approval return leader returned
  submitted return manager returned
  submitted accept manager accepted
`;
const compiledMoves = `
  draft approve leader approved
  approved reopen leader draft
  approved reopen manager draft
  approved issue leader issued
  issued publish manager published
`;
const table = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/) as [string, string, string, string]);

describe('the unit report workflow', () => {
  const moves = table(unitReportMoves);
  it.each(unitReportStates)('from %s, every action × role is the listed move or refused', (state) => {
    for (const action of unitReportActions)
      for (const role of ['officer', 'leader', 'manager'] as const) {
        const expected = moves.find(([s, a, r]) => s === state && a === action && r === role)?.[3] ?? null;
        expect(nextUnitReportState(state, action, [role]), `${state} ${action} ${role}`).toBe(expected);
      }
  });

  it('offers each role the actions the table gives it, and lets the officer write only a draft or a returned report', () => {
    expect(unitReportActionsFor('awaiting_approval', ['leader'])).toEqual(['submit', 'return']);
    expect(unitReportActionsFor('awaiting_approval', ['officer'])).toEqual([]);
    expect(unitReportStates.filter(isUnitReportEditable)).toEqual(['draft', 'returned']);
  });
});

describe("the city's compiled report workflow", () => {
  const moves = table(compiledMoves);
  it.each(compiledStates)('from %s, every action × role is the listed move or refused', (state) => {
    for (const action of compiledActions)
      for (const role of ['manager', 'leader'] as const) {
        const expected = moves.find(([s, a, r]) => s === state && a === action && r === role)?.[3] ?? null;
        expect(nextCompiledState(state, action, [role]), `${state} ${action} ${role}`).toBe(expected);
      }
  });

  it('freezes the report once issued: only the draft is edited, and nothing leads back from issued or published', () => {
    expect(compiledStates.filter(isCompiledEditable)).toEqual(['draft']);
    expect(compiledActionsFor('issued', ['leader'])).toEqual([]);
    expect(compiledActionsFor('published', ['manager', 'leader'])).toEqual([]);
  });
});
