import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { applicationStatusNames, ecosystemPaths, type ApplicationStatus, type ProgrammeBody } from '../../../shared/contracts/ecosystem.js';
import { windowStateOf } from '../../../shared/contracts/dates.js';
import { foldDiacritics } from '../../../shared/text.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { units } from '../identity/schema.js';
import { applicationWord, isOwner, loadOrganisation, programmeWord, requireUserId } from './access.js';
import { canMove } from './applications-workflow.js';
import { notifyPeople } from './notify.js';
import { programmeSummary } from './organisations.js';
import { isEcosystemStaff } from './policy.js';
import { namedOf } from './presenter.js';
import { ecoApplications, ecoOrganisations, ecoProgrammes, type ProgrammeRow } from './schema.js';

const invalid = (path: string, vi: string, en: string) =>
  new AppError('VALIDATION', { vi, en }, [{ path, code: 'rule', message: { vi, en } }]);
const today = (ctx: ServiceContext) => ctx.clock.now().toISOString().slice(0, 10);

async function loadProgramme(ctx: ServiceContext, id: string): Promise<ProgrammeRow> {
  const [row] = await ctx.db.select().from(ecoProgrammes).where(eq(ecoProgrammes.id, id));
  if (!row) throw notFound(programmeWord, id);
  return row;
}

/** Staff run every programme; the keeper of an organisation runs the programmes of that organisation. */
async function canManage(ctx: ServiceContext, programme: Pick<ProgrammeRow, 'organisationId'>): Promise<boolean> {
  if (isEcosystemStaff(ctx.actor)) return true;
  if (!ctx.actor || !programme.organisationId) return false;
  return isOwner(ctx, await loadOrganisation(ctx, programme.organisationId));
}

async function present(ctx: ServiceContext, row: ProgrammeRow) {
  const { url: _url, ...summary } = await programmeSummary(ctx, row);
  return {
    ...summary,
    organisationId: row.organisationId,
    unitId: row.unitId,
    eligibilityVi: row.eligibilityVi,
    eligibilityEn: row.eligibilityEn,
    benefitsVi: row.benefitsVi,
    benefitsEn: row.benefitsEn,
    fields: row.fields,
    stages: row.stages,
    isOpen: windowStateOf(row.opensOn, row.closesOn, today(ctx)) === 'open',
    state: windowStateOf(row.opensOn, row.closesOn, today(ctx)),
    canManage: await canManage(ctx, row),
  };
}

/** Staff (or the keeper of the running organisation) announce a programme or call. */
export async function createProgramme(ctx: ServiceContext, body: ProgrammeBody) {
  requireUserId(ctx);
  if ((body.organisationId === null) === (body.unitId === null))
    throw invalid(
      'body.organisationId',
      'Chương trình do đúng một tổ chức hoặc một đơn vị tổ chức',
      'A programme is run by exactly one organisation or one unit',
    );
  if (body.closesOn < body.opensOn)
    throw invalid('body.closesOn', 'Ngày đóng phải sau ngày mở', 'The closing date must be after the opening date');
  if (!(await canManage(ctx, body))) throw forbidden({ reason: 'NOT_PROGRAMME_STAFF' });
  if (body.unitId) {
    const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.id, body.unitId));
    if (!unit) throw invalid('body.unitId', 'Đơn vị không tồn tại', 'No such unit');
  }
  const row = await inTransaction(ctx, async (tx) => {
    const base =
      foldDiacritics(body.titleVi)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 80) || 'chuong-trinh';
    const taken = new Set((await tx.db.select({ slug: ecoProgrammes.slug }).from(ecoProgrammes)).map((r) => r.slug));
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const now = tx.clock.now().toISOString();
    const [created] = await tx.db
      .insert(ecoProgrammes)
      .values({ ...body, slug, createdBy: tx.actor!.userId, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, { action: 'ecosystem.programme.create', entityType: 'eco_programme', entityId: created!.id, after: body });
    return created!;
  });
  return present(ctx, row);
}

export async function listProgrammes(ctx: ServiceContext) {
  const rows = await ctx.db.select().from(ecoProgrammes).orderBy(desc(ecoProgrammes.closesOn), asc(ecoProgrammes.id));
  return { items: await Promise.all(rows.map((r) => present(ctx, r))) };
}

export async function getProgrammeBySlug(ctx: ServiceContext, slug: string) {
  const [row] = await ctx.db.select().from(ecoProgrammes).where(eq(ecoProgrammes.slug, slug));
  if (!row) throw notFound(programmeWord, slug);
  return present(ctx, row);
}

type ApplicationRow = typeof ecoApplications.$inferSelect;

async function presentApplications(ctx: ServiceContext, rows: ApplicationRow[]) {
  if (rows.length === 0) return [];
  const programmes = await ctx.db
    .select()
    .from(ecoProgrammes)
    .where(inArray(ecoProgrammes.id, [...new Set(rows.map((r) => r.programmeId))]));
  const orgs = await ctx.db
    .select()
    .from(ecoOrganisations)
    .where(inArray(ecoOrganisations.id, [...new Set(rows.map((r) => r.organisationId))]));
  const summaries = new Map(
    await Promise.all(programmes.map(async (p) => [p.id, (({ url: _u, ...s }) => s)(await programmeSummary(ctx, p))] as const)),
  );
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((r) => ({
    id: r.id,
    programme: summaries.get(r.programmeId)!,
    organisation: namedOf(orgById.get(r.organisationId)!),
    pitch: r.pitch,
    teamSize: r.teamSize,
    request: r.request,
    status: r.status,
    note: r.note,
    createdAt: new Date(r.createdAt).toISOString(),
    decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
  }));
}

/** The keeper of an organisation applies to an open programme with the short form; the programme's staff hear of it. */
export async function applyToProgramme(
  ctx: ServiceContext,
  programmeId: string,
  body: { organisationId: string; pitch: string; teamSize: number; request: string },
) {
  const userId = requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const programme = await loadProgramme(tx, programmeId);
    const org = await loadOrganisation(tx, body.organisationId);
    if (!isOwner(tx, org)) throw forbidden({ reason: 'NOT_OWNER' });
    if (!(programme.opensOn <= today(tx) && today(tx) <= programme.closesOn)) {
      throw conflict(
        {
          vi: `Chương trình nhận hồ sơ từ ${programme.opensOn} đến ${programme.closesOn}`,
          en: `The programme takes applications from ${programme.opensOn} to ${programme.closesOn}`,
        },
        { reason: 'PROGRAMME_CLOSED' },
      );
    }
    const now = tx.clock.now().toISOString();
    const [row] = await tx.db
      .insert(ecoApplications)
      .values({
        programmeId,
        organisationId: org.id,
        applicantId: userId,
        pitch: body.pitch,
        teamSize: body.teamSize,
        request: body.request,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw conflict(
        { vi: `${org.nameVi} đã nộp hồ sơ vào chương trình này`, en: `${org.nameEn || org.nameVi} has already applied to this programme` },
        { reason: 'ALREADY_APPLIED' },
      );
    await recordAudit(tx, {
      action: 'ecosystem.application.create',
      entityType: 'eco_application',
      entityId: row.id,
      after: { programmeId, organisationId: org.id },
    });
    const owners = programme.organisationId ? [(await loadOrganisation(tx, programme.organisationId)).ownerId] : [];
    await notifyPeople(tx, [...owners, programme.createdBy], {
      title: { vi: `Hồ sơ mới: ${org.nameVi}`, en: `New application: ${org.nameEn || org.nameVi}` },
      body: {
        vi: `${org.nameVi} đăng ký “${programme.titleVi}”.`,
        en: `${org.nameEn || org.nameVi} applied to “${programme.titleEn || programme.titleVi}”.`,
      },
      url: ecosystemPaths.applications(programme.slug),
    });
    return (await presentApplications(tx, [row]))[0]!;
  });
}

/** The programme's staff move an application; the applicant is told in their language. */
export async function moveApplication(ctx: ServiceContext, applicationId: string, input: { to: ApplicationStatus; note: string }) {
  requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(ecoApplications).where(eq(ecoApplications.id, applicationId)).for('update');
    if (!row) throw notFound(applicationWord, applicationId);
    const programme = await loadProgramme(tx, row.programmeId);
    if (!(await canManage(tx, programme))) throw notFound(applicationWord, applicationId);
    if (!canMove(row.status, input.to)) {
      const [from, to] = [applicationStatusNames[row.status], applicationStatusNames[input.to]];
      throw conflict(
        { vi: `Không thể chuyển hồ sơ từ “${from.vi}” sang “${to.vi}”`, en: `An application cannot go from “${from.en}” to “${to.en}”` },
        { reason: 'BAD_TRANSITION', from: row.status, to: input.to },
      );
    }
    const now = tx.clock.now().toISOString();
    const isFinal = input.to === 'accepted' || input.to === 'not_accepted';
    const [updated] = await tx.db
      .update(ecoApplications)
      .set({ status: input.to, note: input.note, updatedAt: now, ...(isFinal ? { decidedAt: now } : {}) })
      .where(eq(ecoApplications.id, applicationId))
      .returning();
    await recordAudit(tx, {
      action: 'ecosystem.application.move',
      entityType: 'eco_application',
      entityId: applicationId,
      before: { status: row.status },
      after: { status: input.to, note: input.note },
    });
    const org = await loadOrganisation(tx, row.organisationId);
    if (input.to === 'accepted')
      await recordAudit(tx, {
        action: 'ecosystem.organisation.programme.accepted',
        entityType: 'eco_organisation',
        entityId: org.id,
        after: { programme: programme.slug },
      });
    const status = applicationStatusNames[input.to];
    await notifyPeople(tx, [row.applicantId, org.ownerId], {
      title: { vi: `“${programme.titleVi}”: ${status.vi}`, en: `“${programme.titleEn || programme.titleVi}”: ${status.en}` },
      body: {
        vi: input.note || `Hồ sơ của ${org.nameVi} chuyển sang “${status.vi}”.`,
        en: input.note || `The application of ${org.nameEn || org.nameVi} is now “${status.en}”.`,
      },
      url: ecosystemPaths.mine,
    });
    return (await presentApplications(tx, [updated!]))[0]!;
  });
}

/** The applications board of one programme, for its staff. */
export async function programmeApplications(ctx: ServiceContext, programmeId: string) {
  const programme = await loadProgramme(ctx, programmeId);
  if (!(await canManage(ctx, programme))) throw forbidden({ reason: 'NOT_PROGRAMME_STAFF' });
  const rows = await ctx.db
    .select()
    .from(ecoApplications)
    .where(eq(ecoApplications.programmeId, programmeId))
    .orderBy(asc(ecoApplications.createdAt), asc(ecoApplications.id));
  return { items: await presentApplications(ctx, rows) };
}

/** Applications of the organisations this person keeps. */
export async function applicationsOfKeeper(ctx: ServiceContext, userId: string) {
  const rows = await ctx.db
    .select({ application: ecoApplications })
    .from(ecoApplications)
    .innerJoin(ecoOrganisations, eq(ecoOrganisations.id, ecoApplications.organisationId))
    .where(and(eq(ecoOrganisations.ownerId, userId)))
    .orderBy(desc(ecoApplications.createdAt), asc(ecoApplications.id));
  return presentApplications(
    ctx,
    rows.map((r) => r.application),
  );
}

export async function applicationsBy(ctx: ServiceContext, userId: string) {
  return ctx.db
    .select({
      programmeId: ecoApplications.programmeId,
      organisationId: ecoApplications.organisationId,
      pitch: ecoApplications.pitch,
      teamSize: ecoApplications.teamSize,
      request: ecoApplications.request,
      status: ecoApplications.status,
      at: ecoApplications.createdAt,
    })
    .from(ecoApplications)
    .where(eq(ecoApplications.applicantId, userId))
    .orderBy(asc(ecoApplications.createdAt), asc(ecoApplications.id));
}
