import type { NominationAction, NominationRole, NominationState } from '../../../shared/contracts/commendation.js';
import type { LocalizedText } from '../../../shared/contracts/common.js';
import { AppError } from '../../lib/errors.js';

/** One allowed move; `when` tells the two ways a closed vote can go apart. */
export type Transition = {
  from: NominationState;
  action: NominationAction;
  role: NominationRole;
  to: NominationState;
  needsReason: boolean;
  when?: 'threshold_met' | 'threshold_missed';
};

const t = (
  from: NominationState,
  action: NominationAction,
  role: NominationRole,
  to: NominationState,
  extra: Partial<Transition> = {},
): Transition => ({
  from,
  action,
  role,
  to,
  needsReason: false,
  ...extra,
});

/**
 * THE nomination workflow: draft → submitted → under the council's vote → approved or not → the
 * decision issued. Anything not listed is refused. A unit officer drafts, submits and withdraws their
 * unit's nominations; a programme manager returns one, opens its vote and issues the decision; the
 * chair of the voting council closes the vote, whose result follows from the ballots and the title's threshold.
 */
export const transitions: readonly Transition[] = [
  t('draft', 'submit', 'unit_officer', 'submitted'),
  t('draft', 'withdraw', 'unit_officer', 'withdrawn', { needsReason: true }),
  t('submitted', 'withdraw', 'unit_officer', 'withdrawn', { needsReason: true }),
  t('submitted', 'return', 'programme_manager', 'returned', { needsReason: true }),
  t('submitted', 'open_vote', 'programme_manager', 'voting'),
  t('returned', 'submit', 'unit_officer', 'submitted'),
  t('returned', 'withdraw', 'unit_officer', 'withdrawn', { needsReason: true }),
  t('voting', 'close_vote', 'council_chair', 'approved', { when: 'threshold_met' }),
  t('voting', 'close_vote', 'council_chair', 'not_approved', { when: 'threshold_missed' }),
  t('approved', 'issue', 'programme_manager', 'issued'),
];

/** States whose dossier its unit officer may still change. */
export const editableStates: readonly NominationState[] = ['draft', 'returned'];

const stateNames: Record<NominationState, LocalizedText> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Đã gửi đề nghị', en: 'Submitted' },
  returned: { vi: 'Trả lại để bổ sung', en: 'Returned for changes' },
  voting: { vi: 'Hội đồng đang bỏ phiếu', en: 'Council voting' },
  approved: { vi: 'Hội đồng thông qua', en: 'Approved by the council' },
  not_approved: { vi: 'Hội đồng không thông qua', en: 'Not approved by the council' },
  issued: { vi: 'Đã có quyết định khen thưởng', en: 'Decision issued' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
};
const actionNames: Record<NominationAction, LocalizedText> = {
  submit: { vi: 'gửi', en: 'submit' },
  withdraw: { vi: 'rút', en: 'withdraw' },
  return: { vi: 'trả lại', en: 'return' },
  open_vote: { vi: 'đưa ra hội đồng bỏ phiếu', en: 'put to the council’s vote' },
  close_vote: { vi: 'kết thúc bỏ phiếu', en: 'close the vote on' },
  issue: { vi: 'ra quyết định khen thưởng cho', en: 'issue the decision for' },
};
const roleNames: Record<NominationRole, LocalizedText> = {
  unit_officer: { vi: 'cán bộ của đơn vị đề nghị', en: 'an officer of the nominating unit' },
  programme_manager: { vi: 'quản lý chương trình', en: 'a programme manager' },
  council_chair: { vi: 'chủ tịch hội đồng bỏ phiếu', en: 'the chair of the voting council' },
};

export const stateName = (state: NominationState) => stateNames[state];

/** The actions the table lets these roles take from this state (for the page's buttons). */
export function actionsFor(from: NominationState, roles: readonly NominationRole[]): NominationAction[] {
  return [...new Set(transitions.filter((x) => x.from === from && roles.includes(x.role)).map((x) => x.action))];
}

/**
 * The move for (state, action, roles[, outcome of the vote]): 409 when the action is not possible in
 * that state at all, 403 when it is but not for these roles.
 */
export function resolveTransition(
  from: NominationState,
  action: NominationAction,
  roles: readonly NominationRole[],
  outcome?: Transition['when'],
): Transition {
  const forAction = transitions.filter((x) => x.from === from && x.action === action && (x.when === undefined || x.when === outcome));
  if (forAction.length === 0) {
    throw new AppError(
      'CONFLICT',
      {
        vi: `Không thể ${actionNames[action].vi} đề nghị ở trạng thái “${stateNames[from].vi}”`,
        en: `Cannot ${actionNames[action].en} a nomination in state “${stateNames[from].en}”`,
      },
      { reason: 'INVALID_TRANSITION', state: from, action },
    );
  }
  const allowed = forAction.find((x) => roles.includes(x.role));
  if (!allowed) {
    const who = [...new Set(forAction.map((x) => x.role))].map((r) => roleNames[r]);
    throw new AppError(
      'FORBIDDEN',
      {
        vi: `Chỉ ${who.map((w) => w.vi).join(' hoặc ')} mới được ${actionNames[action].vi} đề nghị ở trạng thái “${stateNames[from].vi}”`,
        en: `Only ${who.map((w) => w.en).join(' or ')} may ${actionNames[action].en} a nomination in state “${stateNames[from].en}”`,
      },
      { reason: 'ROLE_NOT_ALLOWED', state: from, action },
    );
  }
  return allowed;
}
