import { and, asc, count, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import {
  ecosystemFieldNames,
  organisationKindNames,
  type Directory,
  type DirectoryQuery,
  type OrganisationBody,
  type OrganisationDto,
} from '../../../shared/contracts/ecosystem.js';
import { foldDiacritics } from '../../../shared/text.js';
import { auditEvents } from '../../db/platform-schema.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { indexDocument } from '../../lib/search.js';
import { inTransaction } from '../../lib/tx.js';
import { units } from '../identity/schema.js';
import { isOwner, loadOrganisation, organisationWord, requireKeeper, requireUserId } from './access.js';
import { isEcosystemStaff } from './policy.js';
import { organisationUrl, presentSummary, programmeUrl, wardsOf } from './presenter.js';
import { platformLinksOf } from './platform-links.js';
import { relationsOf } from './relations.js';
import { ecoApplications, ecoOrganisations, ecoProgrammes, type OrganisationRow } from './schema.js';

export const organisationEntity = 'eco_organisation';
export const wardKinds = ['ward', 'commune', 'special_zone'] as const;

const invalid = (path: string, vi: string, en: string) =>
  new AppError('VALIDATION', { vi, en }, [{ path, code: 'rule', message: { vi, en } }]);

/** A rule between fields a profile breaks, if any: the form's and the importer's one check. */
export function crossFieldProblem(
  profile: Pick<OrganisationBody, 'kind' | 'stage' | 'certificateNumber' | 'certificateDate'>,
): { field: 'stage' | 'certificateNumber'; vi: string; en: string } | null {
  if (profile.stage !== null && profile.kind !== 'startup')
    return { field: 'stage', vi: 'Chỉ doanh nghiệp khởi nghiệp mới có giai đoạn', en: 'Only a startup has a stage' };
  if ((profile.certificateNumber !== null || profile.certificateDate !== null) && profile.kind !== 'st_enterprise')
    return {
      field: 'certificateNumber',
      vi: 'Chỉ doanh nghiệp khoa học và công nghệ mới có giấy chứng nhận',
      en: 'Only an S&T enterprise has a certificate',
    };
  return null;
}

/** Rules across fields and rows, on the profile as it will be after the change. */
async function checkProfile(ctx: ServiceContext, profile: OrganisationBody): Promise<void> {
  const problem = crossFieldProblem(profile);
  if (problem) throw invalid(`body.${problem.field}`, problem.vi, problem.en);
  if (profile.wardUnitId !== null) {
    const [ward] = await ctx.db.select({ kind: units.kind }).from(units).where(eq(units.id, profile.wardUnitId));
    if (!ward || !(wardKinds as readonly string[]).includes(ward.kind))
      throw invalid(
        'body.wardUnitId',
        'Hãy chọn một phường, xã hoặc đặc khu trong danh sách',
        'Choose a ward, commune or special zone from the list',
      );
  }
}

/** "Trung tâm Đổi mới sáng tạo" → "trung-tam-doi-moi-sang-tao", made unique with a number. */
export async function freeSlug(ctx: ServiceContext, name: string): Promise<string> {
  const base =
    foldDiacritics(name.normalize('NFC'))
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'to-chuc';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const [taken] = await ctx.db.select({ id: ecoOrganisations.id }).from(ecoOrganisations).where(eq(ecoOrganisations.slug, slug));
    if (!taken) return slug;
  }
}

/** Keeps the organisation's entry in the shared search index in step with its profile. */
export async function syncOrganisationIndex(ctx: ServiceContext, row: OrganisationRow): Promise<void> {
  const labels = [organisationKindNames[row.kind], ...row.fields.map((f) => ecosystemFieldNames[f])].flatMap((l) => [l.vi, l.en]);
  await indexDocument(ctx.db, {
    entityType: organisationEntity,
    entityId: row.id,
    title: row.nameVi,
    titleEn: row.nameEn,
    // The English name stays searchable from the body.
    body: [row.nameEn, row.descriptionVi, row.descriptionEn, row.address, ...labels].join(' '),
    url: organisationUrl(row.slug),
    isPublic: true,
  });
}

export const profileColumns = (body: OrganisationBody) => ({
  kind: body.kind,
  nameVi: body.nameVi,
  nameEn: body.nameEn,
  fields: body.fields,
  stage: body.stage,
  servesStages: body.servesStages,
  certificateNumber: body.certificateNumber,
  certificateDate: body.certificateDate,
  address: body.address,
  wardUnitId: body.wardUnitId,
  foundedYear: body.foundedYear,
  sizeBand: body.sizeBand,
  website: body.website,
  contactEmail: body.contactEmail,
  contactPhone: body.contactPhone,
  descriptionVi: body.descriptionVi,
  descriptionEn: body.descriptionEn,
});

const profileOf = (row: OrganisationRow): OrganisationBody => ({ ...profileColumns(row as unknown as OrganisationBody) });

/** An organisation account registers its own profile; it keeps it from then on (unverified until staff look). */
export async function registerOrganisation(ctx: ServiceContext, body: OrganisationBody): Promise<OrganisationDto> {
  const userId = requireUserId(ctx);
  await checkProfile(ctx, body);
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().toISOString();
    const [row] = await tx.db
      .insert(ecoOrganisations)
      .values({
        ...profileColumns(body),
        slug: await freeSlug(tx, body.nameVi),
        ownerId: userId,
        lastConfirmedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, {
      action: 'ecosystem.organisation.register',
      entityType: organisationEntity,
      entityId: row!.id,
      after: profileColumns(body),
    });
    await syncOrganisationIndex(tx, row!);
    return row!.id;
  });
  return getOrganisation(ctx, id);
}

/** The keeper changes fields of the profile; only what changed is audited, and a change of the certificate needs verifying again. */
export async function updateOrganisation(ctx: ServiceContext, id: string, patch: Partial<OrganisationBody>): Promise<OrganisationDto> {
  await inTransaction(ctx, async (tx) => {
    const row = await loadOrganisation(tx, id, true);
    requireKeeper(tx, row);
    const before = profileOf(row);
    const after = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as OrganisationBody;
    await checkProfile(tx, after);
    const changed = (Object.keys(after) as Array<keyof OrganisationBody>).filter(
      (k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]),
    );
    if (changed.length === 0) return;
    const certificateChanged = changed.some((k) => k === 'certificateNumber' || k === 'certificateDate' || k === 'kind');
    const now = tx.clock.now().toISOString();
    const [updated] = await tx.db
      .update(ecoOrganisations)
      .set({
        ...profileColumns(after),
        updatedAt: now,
        ...(certificateChanged && !isEcosystemStaff(tx.actor) ? { verifiedAt: null, verifiedBy: null } : {}),
      })
      .where(eq(ecoOrganisations.id, id))
      .returning();
    await recordAudit(tx, {
      action: 'ecosystem.organisation.update',
      entityType: organisationEntity,
      entityId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    await syncOrganisationIndex(tx, updated!);
  });
  return getOrganisation(ctx, id);
}

/** The owner says the organisation is still active: the yearly check is answered and the profile no longer shows as unconfirmed. */
export async function confirmStillActive(ctx: ServiceContext, id: string): Promise<OrganisationDto> {
  await inTransaction(ctx, async (tx) => {
    const row = await loadOrganisation(tx, id, true);
    requireKeeper(tx, row);
    const now = tx.clock.now().toISOString();
    await tx.db
      .update(ecoOrganisations)
      .set({ lastConfirmedAt: now, activeCheckSentAt: null, updatedAt: now })
      .where(eq(ecoOrganisations.id, id));
    await recordAudit(tx, {
      action: 'ecosystem.organisation.confirm-active',
      entityType: organisationEntity,
      entityId: id,
      before: { lastConfirmedAt: row.lastConfirmedAt },
      after: { lastConfirmedAt: now },
    });
  });
  return getOrganisation(ctx, id);
}

/** Staff verify a profile against its evidence; an S&T enterprise needs its certificate number and date first. */
export async function verifyOrganisation(ctx: ServiceContext, id: string, note: string): Promise<OrganisationDto> {
  const staffId = requireUserId(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await loadOrganisation(tx, id, true);
    if (row.verifiedAt !== null)
      throw conflict(
        { vi: `Hồ sơ '${row.nameVi}' đã được xác minh`, en: `The profile '${row.nameVi}' is already verified` },
        { reason: 'ALREADY_VERIFIED' },
      );
    if (row.kind === 'st_enterprise' && (row.certificateNumber === null || row.certificateDate === null)) {
      throw conflict(
        {
          vi: 'Doanh nghiệp khoa học và công nghệ cần có số và ngày cấp giấy chứng nhận trước khi xác minh',
          en: 'An S&T enterprise needs its certificate number and date before it is verified',
        },
        { reason: 'CERTIFICATE_MISSING' },
      );
    }
    const now = tx.clock.now().toISOString();
    await tx.db
      .update(ecoOrganisations)
      .set({ verifiedAt: now, verifiedBy: staffId, lastConfirmedAt: now, updatedAt: now })
      .where(eq(ecoOrganisations.id, id));
    await recordAudit(tx, {
      action: 'ecosystem.organisation.verify',
      entityType: organisationEntity,
      entityId: id,
      before: { verifiedAt: null },
      after: { verifiedAt: now, note },
    });
  });
  return getOrganisation(ctx, id);
}

async function programmesOf(ctx: ServiceContext, organisationId: string) {
  const rows = await ctx.db
    .select({ programme: ecoProgrammes, acceptedAt: ecoApplications.decidedAt })
    .from(ecoApplications)
    .innerJoin(ecoProgrammes, eq(ecoProgrammes.id, ecoApplications.programmeId))
    .where(and(eq(ecoApplications.organisationId, organisationId), eq(ecoApplications.status, 'accepted')))
    .orderBy(desc(ecoProgrammes.opensOn), asc(ecoProgrammes.id));
  return Promise.all(rows.map(async (r) => ({ ...(await programmeSummary(ctx, r.programme)), acceptedAt: r.acceptedAt })));
}

/** The short public form of a programme, with who runs it. */
export async function programmeSummary(ctx: ServiceContext, p: typeof ecoProgrammes.$inferSelect) {
  let runBy = { vi: '', en: '' };
  if (p.organisationId) {
    const [org] = await ctx.db
      .select({ nameVi: ecoOrganisations.nameVi, nameEn: ecoOrganisations.nameEn })
      .from(ecoOrganisations)
      .where(eq(ecoOrganisations.id, p.organisationId));
    if (org) runBy = { vi: org.nameVi, en: org.nameEn || org.nameVi };
  } else if (p.unitId) {
    const [unit] = await ctx.db.select({ nameVi: units.nameVi, nameEn: units.nameEn }).from(units).where(eq(units.id, p.unitId));
    if (unit) runBy = { vi: unit.nameVi, en: unit.nameEn };
  }
  return {
    id: p.id,
    slug: p.slug,
    kind: p.kind,
    titleVi: p.titleVi,
    titleEn: p.titleEn || p.titleVi,
    opensOn: p.opensOn,
    closesOn: p.closesOn,
    runBy,
    url: programmeUrl(p.slug),
  };
}

/** The profile's history from the audit log: what changed and when, without who (names are personal data). */
async function historyOf(ctx: ServiceContext, id: string) {
  const rows = await ctx.db
    .select({ at: auditEvents.occurredAt, action: auditEvents.action, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, organisationEntity), eq(auditEvents.entityId, id)))
    .orderBy(desc(auditEvents.id))
    .limit(100);
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    action: r.action.replace(/^ecosystem\./, ''),
    changed:
      r.after && typeof r.after === 'object'
        ? Object.keys(r.after as object)
            .filter((k) => k !== 'note')
            .sort()
        : [],
  }));
}

async function present(ctx: ServiceContext, row: OrganisationRow): Promise<OrganisationDto> {
  const now = ctx.clock.now();
  const wards = await wardsOf(ctx, [row]);
  const programmes = (await programmesOf(ctx, row.id)).map(({ url: _url, ...p }) => p);
  return {
    ...presentSummary(row, wards, now),
    servesStages: row.servesStages,
    certificateNumber: row.certificateNumber,
    certificateDate: row.certificateDate,
    address: row.address,
    sizeBand: row.sizeBand,
    website: row.website,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    descriptionVi: row.descriptionVi,
    descriptionEn: row.descriptionEn,
    lastConfirmedAt: new Date(row.lastConfirmedAt).toISOString(),
    hasOwner: row.ownerId !== null,
    isMine: isOwner(ctx, row),
    relations: await relationsOf(ctx, row.id),
    programmes,
    history: await historyOf(ctx, row.id),
    platformLinks: await platformLinksOf(ctx, row),
  };
}

export async function getOrganisation(ctx: ServiceContext, id: string): Promise<OrganisationDto> {
  return present(ctx, await loadOrganisation(ctx, id));
}

export async function getOrganisationBySlug(ctx: ServiceContext, slug: string): Promise<OrganisationDto> {
  const [row] = await ctx.db.select().from(ecoOrganisations).where(eq(ecoOrganisations.slug, slug));
  if (!row) throw notFound(organisationWord, slug);
  return present(ctx, row);
}

/** The directory's filters as SQL; the free-text part uses the shared search index, diacritics folded. */
export function directoryFilter(query: Omit<DirectoryQuery, 'sort' | 'page' | 'pageSize'>): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.kind) conditions.push(eq(ecoOrganisations.kind, query.kind));
  if (query.field) conditions.push(sql`${ecoOrganisations.fields} @> ${JSON.stringify([query.field])}::jsonb`);
  if (query.ward) conditions.push(eq(ecoOrganisations.wardUnitId, query.ward));
  if (query.stage) conditions.push(eq(ecoOrganisations.stage, query.stage));
  if (query.verified === 'true') conditions.push(isNotNull(ecoOrganisations.verifiedAt));
  if (query.verified === 'false') conditions.push(isNull(ecoOrganisations.verifiedAt));
  if (query.q) {
    const folded = sql`f_unaccent(lower(${query.q.normalize('NFC')}))`;
    // The stored columns of migration 0024 and their indexes: words anywhere, or a name close to the query.
    conditions.push(
      sql`(${ecoOrganisations.searchVector} @@ plainto_tsquery('simple'::regconfig, ${folded}) or ${folded} <% ${ecoOrganisations.searchName})`,
    );
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/**
 * The directory's sort orders, each ending in the id so pages never overlap. With a text query the
 * name order is written as an expression: the matches are few, and walking the (kind, name) index
 * in order while testing each row against the query is what PostgreSQL otherwise picks, too slowly.
 */
export const directoryOrder = (sort: DirectoryQuery['sort'], hasQuery = false) =>
  sort === 'founded'
    ? [sql`${ecoOrganisations.foundedYear} desc nulls last`, asc(ecoOrganisations.nameVi), asc(ecoOrganisations.id)]
    : sort === 'recent'
      ? [desc(ecoOrganisations.createdAt), asc(ecoOrganisations.id)]
      : [hasQuery ? sql`${ecoOrganisations.nameVi} || ''` : asc(ecoOrganisations.nameVi), asc(ecoOrganisations.id)];

/** The public directory: facets, diacritic-insensitive search, sorting, pages. */
export async function listDirectory(ctx: ServiceContext, query: DirectoryQuery): Promise<Directory> {
  const where = directoryFilter(query);
  const order = directoryOrder(query.sort, Boolean(query.q));
  // The page and the total side by side, as the gallery does: on a server they take two connections.
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(ecoOrganisations)
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ n: count() }).from(ecoOrganisations).where(where),
  ]);
  const wards = await wardsOf(ctx, rows);
  const now = ctx.clock.now();
  return { items: rows.map((r) => presentSummary(r, wards, now)), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/** Counts for the charts and for indicators: every profile, and verified ones, by kind, field and ward. */
export async function ecosystemStats(ctx: ServiceContext) {
  const verified = sql<number>`count(*) filter (where ${ecoOrganisations.verifiedAt} is not null)::int`;
  const byKind = await ctx.db
    .select({ key: ecoOrganisations.kind, all: sql<number>`count(*)::int`, verified })
    .from(ecoOrganisations)
    .groupBy(ecoOrganisations.kind);
  const byField = await ctx.db.execute<{ key: string; all: number; verified: number }>(sql`
    select f.value as key, count(*)::int as all, count(*) filter (where o.verified_at is not null)::int as verified
    from eco_organisations o, jsonb_array_elements_text(o.fields) f group by f.value`);
  const byWard = await ctx.db
    .select({ key: units.code, nameVi: units.nameVi, nameEn: units.nameEn, all: sql<number>`count(*)::int`, verified })
    .from(ecoOrganisations)
    .innerJoin(units, eq(units.id, ecoOrganisations.wardUnitId))
    .groupBy(units.code, units.nameVi, units.nameEn);
  const sortRows = <T extends { all: number; key: string }>(rows: T[]) =>
    [...rows].sort((a, b) => b.all - a.all || a.key.localeCompare(b.key));
  const kinds = byKind.map((r) => ({ key: r.key, label: organisationKindNames[r.key], all: Number(r.all), verified: Number(r.verified) }));
  return {
    byKind: sortRows(kinds),
    byField: sortRows(
      byField.rows
        .filter((r) => r.key in ecosystemFieldNames)
        .map((r) => ({
          key: r.key,
          label: ecosystemFieldNames[r.key as keyof typeof ecosystemFieldNames],
          all: Number(r.all),
          verified: Number(r.verified),
        })),
    ),
    byWard: sortRows(
      byWard.map((r) => ({ key: r.key, label: { vi: r.nameVi, en: r.nameEn }, all: Number(r.all), verified: Number(r.verified) })),
    ),
    total: kinds.reduce((s, r) => s + r.all, 0),
    verified: kinds.reduce((s, r) => s + r.verified, 0),
  };
}

/** How many profiles of a kind the directory holds, verified ones apart: what an indicator reads. */
export async function directoryCount(ctx: ServiceContext, kind: OrganisationRow['kind'], verifiedOnly: boolean): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(ecoOrganisations)
    .where(and(eq(ecoOrganisations.kind, kind), verifiedOnly ? isNotNull(ecoOrganisations.verifiedAt) : undefined));
  return row?.n ?? 0;
}

/** Profiles kept by an owner and not verified yet, oldest first: the staff's queue. */
export async function unverifiedProfiles(ctx: ServiceContext) {
  const rows = await ctx.db
    .select()
    .from(ecoOrganisations)
    .where(and(isNull(ecoOrganisations.verifiedAt), isNotNull(ecoOrganisations.ownerId)))
    .orderBy(asc(ecoOrganisations.createdAt), asc(ecoOrganisations.id))
    .limit(200);
  return { rows, wards: await wardsOf(ctx, rows), now: ctx.clock.now() };
}
