import type { InitiativeState, WorkflowAction, WorkflowRole } from '../../../shared/contracts/movement.js';
import { AppError } from '../../lib/errors.js';

/** One allowed move: from a state, an action taken by a role leads to a state. */
export type Transition = {
  from: InitiativeState;
  action: WorkflowAction;
  role: WorkflowRole;
  to: InitiativeState;
  /** Refusals, returns and withdrawals must say why; the reason is kept and sent to the people concerned. */
  needsReason: boolean;
};

const t = (from: InitiativeState, action: WorkflowAction, role: WorkflowRole, to: InitiativeState, needsReason = false): Transition => ({
  from,
  action,
  role,
  to,
  needsReason,
});

/**
 * THE initiative workflow: every allowed (state, action, role) and where it leads. Anything not
 * listed is refused. Replication keeps an initiative "replicated" as more units adopt it.
 */
export const transitions: readonly Transition[] = [
  t('draft', 'submit', 'author', 'submitted'),
  t('draft', 'withdraw', 'author', 'withdrawn', true),
  t('submitted', 'start_screening', 'programme_manager', 'screening'),
  t('submitted', 'withdraw', 'author', 'withdrawn', true),
  t('screening', 'return', 'programme_manager', 'returned', true),
  t('screening', 'accept_for_review', 'programme_manager', 'under_review'),
  t('screening', 'withdraw', 'author', 'withdrawn', true),
  t('returned', 'resubmit', 'author', 'submitted'),
  t('returned', 'withdraw', 'author', 'withdrawn', true),
  t('under_review', 'return', 'council_chair', 'returned', true),
  t('under_review', 'recognise', 'council_chair', 'recognised'),
  t('under_review', 'refuse', 'council_chair', 'not_recognised', true),
  t('recognised', 'award', 'programme_manager', 'awarded'),
  t('recognised', 'replicate', 'unit_officer', 'replicated'),
  t('awarded', 'award', 'programme_manager', 'awarded'),
  t('awarded', 'replicate', 'unit_officer', 'replicated'),
  t('replicated', 'award', 'programme_manager', 'replicated'),
  t('replicated', 'replicate', 'unit_officer', 'replicated'),
];

const stateNames: Record<InitiativeState, { vi: string; en: string }> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Đã nộp', en: 'Submitted' },
  screening: { vi: 'Đang sơ loại', en: 'Screening' },
  returned: { vi: 'Trả lại để bổ sung', en: 'Returned for changes' },
  under_review: { vi: 'Hội đồng đang xem xét', en: 'Under review' },
  recognised: { vi: 'Được công nhận', en: 'Recognised' },
  not_recognised: { vi: 'Không được công nhận', en: 'Not recognised' },
  awarded: { vi: 'Đã khen thưởng', en: 'Awarded' },
  replicated: { vi: 'Đã nhân rộng', en: 'Replicated' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
};

const actionNames: Record<WorkflowAction, { vi: string; en: string }> = {
  submit: { vi: 'nộp', en: 'submit' },
  withdraw: { vi: 'rút', en: 'withdraw' },
  start_screening: { vi: 'bắt đầu sơ loại', en: 'start screening' },
  return: { vi: 'trả lại để bổ sung', en: 'return for changes' },
  accept_for_review: { vi: 'chuyển hội đồng xem xét', en: 'send to the council' },
  resubmit: { vi: 'nộp lại', en: 'resubmit' },
  recognise: { vi: 'công nhận', en: 'recognise' },
  refuse: { vi: 'không công nhận', en: 'refuse' },
  award: { vi: 'khen thưởng', en: 'award' },
  replicate: { vi: 'ghi nhận nhân rộng', en: 'record a replication' },
};

const roleNames: Record<WorkflowRole, { vi: string; en: string }> = {
  author: { vi: 'tác giả', en: 'an author' },
  programme_manager: { vi: 'quản lý chương trình', en: 'a programme manager' },
  council_chair: { vi: 'chủ tịch hội đồng', en: 'the council chair' },
  unit_officer: { vi: 'cán bộ đơn vị', en: 'a unit officer' },
  public: { vi: 'người dùng', en: 'a member of the public' },
};

export const stateName = (state: InitiativeState) => stateNames[state];
export const actionName = (action: WorkflowAction) => actionNames[action];

/**
 * A council step: a move from `from` that only the council chair takes (recognise, refuse, return
 * from review). It is scoped to the council the initiative is assigned to (see council-step.ts).
 */
export function isCouncilStep(from: InitiativeState, action: WorkflowAction): boolean {
  return transitions.some((x) => x.from === from && x.action === action && x.role === 'council_chair');
}

/** The transition for (state, action, role), or null. */
export function findTransition(from: InitiativeState, action: WorkflowAction, role: WorkflowRole): Transition | null {
  return transitions.find((x) => x.from === from && x.action === action && x.role === role) ?? null;
}

/**
 * The first role among `roles` allowed to take `action` from `from`; throws a clear
 * INVALID_TRANSITION (409) when the action is not possible in that state at all, FORBIDDEN when
 * it is possible but not for these roles.
 */
export function resolveTransition(from: InitiativeState, action: WorkflowAction, roles: readonly WorkflowRole[]): Transition {
  const forAction = transitions.filter((x) => x.from === from && x.action === action);
  if (forAction.length === 0) {
    throw new AppError(
      'CONFLICT',
      {
        vi: `Không thể ${actionNames[action].vi} sáng kiến ở trạng thái “${stateNames[from].vi}”`,
        en: `An initiative in state “${stateNames[from].en}” cannot be ${pastTense(action)}`,
      },
      { reason: 'INVALID_TRANSITION', state: from, action },
    );
  }
  const allowed = forAction.find((x) => roles.includes(x.role));
  if (!allowed) {
    const who = forAction.map((x) => roleNames[x.role]);
    throw new AppError(
      'FORBIDDEN',
      {
        vi: `Chỉ ${who.map((w) => w.vi).join(' hoặc ')} mới được ${actionNames[action].vi} sáng kiến ở trạng thái “${stateNames[from].vi}”`,
        en: `Only ${who.map((w) => w.en).join(' or ')} may ${actionNames[action].en} an initiative in state “${stateNames[from].en}”`,
      },
      { reason: 'ROLE_NOT_ALLOWED', state: from, action, roles },
    );
  }
  return allowed;
}

/** The action as a past participle, for English messages ("cannot be recognised"). */
export function pastTense(action: WorkflowAction): string {
  const words: Record<WorkflowAction, string> = {
    submit: 'submitted',
    withdraw: 'withdrawn',
    start_screening: 'put into screening',
    return: 'returned for changes',
    accept_for_review: 'sent to the council',
    resubmit: 'resubmitted',
    recognise: 'recognised',
    refuse: 'refused',
    award: 'awarded',
    replicate: 'recorded as replicated',
  };
  return words[action];
}
