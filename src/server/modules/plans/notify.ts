import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Locale } from '../../../shared/contracts/common.js';
import type { ServiceContext } from '../../lib/context.js';
import { roleGrants, users } from '../identity/schema.js';
import { notifyUser } from '../notifications/service.js';
import { taskUrl } from './presenter.js';
import type { tasks } from './schema.js';

type TaskRow = typeof tasks.$inferSelect;
type Person = { id: string; locale: Locale };
export type TaskNotice = (locale: Locale) => { title: string; body: string };

/** Active accounts holding `role` directly on one of these units (the people a unit's notices go to). */
async function holdersOf(
  ctx: ServiceContext,
  role: 'unit_officer' | 'programme_manager',
  unitIds: readonly string[] | null,
): Promise<Person[]> {
  if (unitIds !== null && unitIds.length === 0) return [];
  const rows = await ctx.db
    .selectDistinct({ id: users.id, locale: users.locale })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.role, role),
        eq(users.isActive, true),
        isNull(users.erasedAt),
        unitIds === null ? undefined : inArray(roleGrants.unitId, [...unitIds]),
      ),
    )
    .orderBy(users.id);
  return rows;
}

/** The unit officers of these units: they report on the units' tasks. */
export const unitOfficersOf = (ctx: ServiceContext, unitIds: readonly string[]) => holdersOf(ctx, 'unit_officer', unitIds);
/** Every programme manager: they decide extension requests. */
export const programmeManagers = (ctx: ServiceContext) => holdersOf(ctx, 'programme_manager', null);

/**
 * Tells each person in their own language, in-app and by e-mail (queued in the caller's transaction,
 * sent after commit by the outbox job). The actor is never told about their own act.
 */
export async function notifyAboutTask(ctx: ServiceContext, people: readonly Person[], task: TaskRow, notice: TaskNotice): Promise<number> {
  const seen = new Set<string>([ctx.actor?.userId ?? '']);
  let sent = 0;
  for (const person of people) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    await notifyUser(ctx, {
      userId: person.id,
      template: 'message',
      params: notice(person.locale),
      url: taskUrl(task.id),
      alsoEmail: true,
    });
    sent++;
  }
  return sent;
}

const nameOf = (task: TaskRow, locale: Locale) => `${task.code} — ${locale === 'en' && task.titleEn ? task.titleEn : task.titleVi}`;
const dueText = (task: TaskRow, locale: Locale) =>
  task.dueOn ? (locale === 'vi' ? ` Hạn hoàn thành: ${task.dueOn}.` : ` Due on ${task.dueOn}.`) : '';

/** The lead unit (chủ trì) and newly cooperating units (phối hợp) hear that a task is theirs. */
export async function notifyAssignment(
  ctx: ServiceContext,
  task: TaskRow,
  assigned: { leadUnitId: string | null; cooperatingUnitIds: readonly string[] },
) {
  if (assigned.leadUnitId) {
    await notifyAboutTask(ctx, await unitOfficersOf(ctx, [assigned.leadUnitId]), task, (l) =>
      l === 'vi'
        ? {
            title: `Đơn vị được giao chủ trì nhiệm vụ ${task.code}`,
            body: `Đơn vị của bạn chủ trì nhiệm vụ ${nameOf(task, l)}.${dueText(task, l)}`,
          }
        : { title: `Your unit leads task ${task.code}`, body: `Your unit is the lead unit of task ${nameOf(task, l)}.${dueText(task, l)}` },
    );
  }
  await notifyAboutTask(ctx, await unitOfficersOf(ctx, assigned.cooperatingUnitIds), task, (l) =>
    l === 'vi'
      ? {
          title: `Đơn vị được giao phối hợp nhiệm vụ ${task.code}`,
          body: `Đơn vị của bạn phối hợp thực hiện nhiệm vụ ${nameOf(task, l)}.${dueText(task, l)}`,
        }
      : {
          title: `Your unit cooperates on task ${task.code}`,
          body: `Your unit is a cooperating unit of task ${nameOf(task, l)}.${dueText(task, l)}`,
        },
  );
}

/** Programme managers hear of a request to postpone or withdraw a task. */
export async function notifyExtensionRequested(
  ctx: ServiceContext,
  task: TaskRow,
  request: { kind: 'postpone' | 'withdraw'; requestedDueOn: string | null; reason: string },
) {
  await notifyAboutTask(ctx, await programmeManagers(ctx), task, (l) =>
    request.kind === 'postpone'
      ? l === 'vi'
        ? {
            title: `Đề nghị gia hạn nhiệm vụ ${task.code}`,
            body: `Đơn vị chủ trì đề nghị gia hạn nhiệm vụ ${nameOf(task, l)} đến ngày ${request.requestedDueOn}. Lý do: ${request.reason}`,
          }
        : {
            title: `Extension requested for task ${task.code}`,
            body: `The lead unit asks to extend task ${nameOf(task, l)} to ${request.requestedDueOn}. Reason: ${request.reason}`,
          }
      : l === 'vi'
        ? {
            title: `Đề nghị rút nhiệm vụ ${task.code}`,
            body: `Đơn vị chủ trì đề nghị rút nhiệm vụ ${nameOf(task, l)}. Lý do: ${request.reason}`,
          }
        : {
            title: `Withdrawal requested for task ${task.code}`,
            body: `The lead unit asks to withdraw task ${nameOf(task, l)}. Reason: ${request.reason}`,
          },
  );
}

/** The requester and the lead unit's officers hear the decision. */
export async function notifyExtensionDecided(
  ctx: ServiceContext,
  task: TaskRow,
  request: { requestedBy: string | null; kind: 'postpone' | 'withdraw'; requestedDueOn: string | null },
  decision: { decision: 'approved' | 'rejected'; note: string | null },
) {
  const requester = request.requestedBy
    ? await ctx.db.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.id, request.requestedBy))
    : [];
  const people = [...requester, ...(await unitOfficersOf(ctx, [task.leadUnitId]))];
  const isApproved = decision.decision === 'approved';
  await notifyAboutTask(ctx, people, task, (l) => {
    const what = request.kind === 'postpone' ? (l === 'vi' ? 'gia hạn' : 'extension') : l === 'vi' ? 'rút' : 'withdrawal';
    const outcome =
      l === 'vi'
        ? isApproved
          ? request.kind === 'postpone'
            ? `được chấp thuận; hạn mới: ${request.requestedDueOn}`
            : 'được chấp thuận; nhiệm vụ đã được rút'
          : 'không được chấp thuận'
        : isApproved
          ? request.kind === 'postpone'
            ? `was approved; new deadline: ${request.requestedDueOn}`
            : 'was approved; the task is withdrawn'
          : 'was rejected';
    const note = decision.note ? (l === 'vi' ? ` Ghi chú: ${decision.note}` : ` Note: ${decision.note}`) : '';
    return l === 'vi'
      ? {
          title: `Đề nghị ${what} nhiệm vụ ${task.code} ${isApproved ? 'được chấp thuận' : 'không được chấp thuận'}`,
          body: `Đề nghị ${what} nhiệm vụ ${nameOf(task, l)} ${outcome}.${note}`,
        }
      : {
          title: `${what[0]!.toUpperCase()}${what.slice(1)} for task ${task.code} ${isApproved ? 'approved' : 'rejected'}`,
          body: `The ${what} request for task ${nameOf(task, l)} ${outcome}.${note}`,
        };
  });
}

const lifecycleWords = {
  suspend: { vi: 'tạm dừng', en: 'suspended' },
  resume: { vi: 'tiếp tục thực hiện', en: 'resumed' },
  withdraw: { vi: 'rút', en: 'withdrawn' },
} as const;

/** The lead and cooperating units' officers hear that a task was suspended, resumed or withdrawn, and why. */
export async function notifyLifecycleChanged(
  ctx: ServiceContext,
  task: TaskRow,
  unitIds: readonly string[],
  change: { action: keyof typeof lifecycleWords; reason: string },
) {
  const word = lifecycleWords[change.action];
  await notifyAboutTask(ctx, await unitOfficersOf(ctx, unitIds), task, (l) =>
    l === 'vi'
      ? { title: `Nhiệm vụ ${task.code} được ${word.vi}`, body: `Nhiệm vụ ${nameOf(task, l)} được ${word.vi}. Lý do: ${change.reason}` }
      : { title: `Task ${task.code} ${word.en}`, body: `Task ${nameOf(task, l)} was ${word.en}. Reason: ${change.reason}` },
  );
}
