import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DatastoreField, LiveSource } from '../../../shared/contracts/opendata.js';
import type { ServiceContext } from '../../lib/context.js';
import { ecoOrganisations } from '../ecosystem/schema.js';
import { units } from '../identity/schema.js';
import { indicators } from '../indicators/schema.js';
import { isPublic as isPublicInitiative } from '../movement/gallery.js';
import { initiatives, replications } from '../movement/schema.js';
import { cityDate, statusSql } from '../plans/status.js';
import { plans, tasks } from '../plans/schema.js';
import type { Table } from './datastore.js';

type Column = { id: string; type: DatastoreField['type'] };
type Source = { columns: readonly Column[]; rows(ctx: ServiceContext): Promise<Table['rows']> };

const text = (id: string): Column => ({ id, type: 'text' });
const numeric = (id: string): Column => ({ id, type: 'numeric' });
const date = (id: string): Column => ({ id, type: 'date' });

/**
 * The platform's own data, each read only through what its module makes public: active units;
 * public indicators with their latest target and latest approved value; tasks of public plans with
 * their status; recognised initiatives with how many units replicated them; the ecosystem's public
 * directory without what it keeps to its keepers (owner, contact details, claims, applications, evidence).
 */
const sources: Record<LiveSource, Source> = {
  units: {
    columns: [text('ma'), text('ten'), text('ten_tieng_anh'), text('loai'), text('ma_don_vi_cap_tren')],
    async rows(ctx) {
      const parent = sql`(select p.code from units p where p.id = ${units.parentId})`;
      const rows = await ctx.db
        .select({ code: units.code, nameVi: units.nameVi, nameEn: units.nameEn, kind: units.kind, parent: sql<string | null>`${parent}` })
        .from(units)
        .where(eq(units.isActive, true))
        .orderBy(asc(units.code));
      return rows.map((u) => [u.code, u.nameVi, u.nameEn, u.kind, u.parent]);
    },
  },
  indicators: {
    columns: [
      text('ma'),
      text('ten'),
      text('don_vi_tinh'),
      numeric('nam_muc_tieu'),
      numeric('muc_tieu_toi_thieu'),
      numeric('muc_tieu_toi_da'),
      text('ky_gia_tri'),
      numeric('gia_tri_da_duyet'),
    ],
    async rows(ctx) {
      const result = await ctx.db.execute<{
        code: string;
        name: string;
        unit: string;
        year: number | null;
        min: number | null;
        max: number | null;
        period: string | null;
        value: number | null;
      }>(sql`
        select i.code, i.name_vi as name, i.unit_vi as unit, t.year, t.min_value as min, t.max_value as max, o.period, o.value
        from ${indicators} i
        left join lateral (select year, min_value, max_value from indicator_targets where indicator_id = i.id order by year desc limit 1) t on true
        left join lateral (select period, value from indicator_observations where indicator_id = i.id and status = 'approved' order by period_end desc, revision desc limit 1) o on true
        where i.is_public
        order by i.code`);
      return result.rows.map((r) => [r.code, r.name, r.unit, r.year, r.min, r.max, r.period, r.value]);
    },
  },
  plan_tasks: {
    columns: [
      text('ke_hoach'),
      text('ma'),
      text('nhiem_vu'),
      text('don_vi_chu_tri'),
      date('bat_dau'),
      date('han'),
      date('hoan_thanh'),
      numeric('tien_do'),
      text('trang_thai'),
    ],
    async rows(ctx) {
      const rows = await ctx.db
        .select({
          plan: plans.code,
          code: tasks.code,
          title: tasks.titleVi,
          lead: units.code,
          startOn: tasks.startOn,
          dueOn: tasks.dueOn,
          completedOn: tasks.completedOn,
          progress: tasks.progressPercent,
          status: statusSql(cityDate(ctx.clock.now())),
        })
        .from(tasks)
        .innerJoin(plans, eq(plans.id, tasks.planId))
        .innerJoin(units, eq(units.id, tasks.leadUnitId))
        .where(and(eq(plans.isPublic, true), eq(tasks.isPublic, true)))
        .orderBy(asc(plans.code), asc(tasks.code));
      return rows.map((t) => [t.plan, t.code, t.title, t.lead, t.startOn, t.dueOn, t.completedOn, t.progress, t.status]);
    },
  },
  initiatives: {
    columns: [
      text('ma'),
      text('ten'),
      text('loai'),
      text('linh_vuc'),
      text('trang_thai'),
      text('pham_vi'),
      text('don_vi'),
      numeric('so_don_vi_nhan_rong'),
    ],
    async rows(ctx) {
      const replicatedBy = sql<number>`(select count(*)::int from ${replications} r where r.initiative_id = ${initiatives.id})`;
      const rows = await ctx.db
        .select({
          code: initiatives.code,
          title: initiatives.title,
          kind: initiatives.kind,
          field: initiatives.fieldCode,
          state: initiatives.state,
          scope: initiatives.scope,
          unit: units.code,
          replicatedBy,
        })
        .from(initiatives)
        .leftJoin(units, eq(units.id, initiatives.unitId))
        .where(isPublicInitiative)
        .orderBy(asc(initiatives.code));
      return rows.map((i) => [i.code, i.title, i.kind, i.field, i.state, i.scope, i.unit, i.replicatedBy]);
    },
  },
  ecosystem: {
    columns: [
      text('ma'),
      text('ten'),
      text('ten_tieng_anh'),
      text('loai'),
      text('linh_vuc'),
      text('giai_doan'),
      text('ma_phuong_xa'),
      numeric('nam_thanh_lap'),
      text('quy_mo'),
      text('trang_web'),
      date('ngay_xac_minh'),
      text('minh_hoa'),
    ],
    async rows(ctx) {
      // The columns the public directory card shows; the row's other columns stay with its keepers.
      const rows = await ctx.db
        .select({
          slug: ecoOrganisations.slug,
          nameVi: ecoOrganisations.nameVi,
          nameEn: ecoOrganisations.nameEn,
          kind: ecoOrganisations.kind,
          fields: ecoOrganisations.fields,
          stage: ecoOrganisations.stage,
          ward: units.code,
          foundedYear: ecoOrganisations.foundedYear,
          sizeBand: ecoOrganisations.sizeBand,
          website: ecoOrganisations.website,
          verifiedAt: ecoOrganisations.verifiedAt,
          isIllustrative: ecoOrganisations.isIllustrative,
        })
        .from(ecoOrganisations)
        .leftJoin(units, eq(units.id, ecoOrganisations.wardUnitId))
        .orderBy(asc(ecoOrganisations.slug));
      return rows.map((o) => [
        o.slug,
        o.nameVi,
        o.nameEn,
        o.kind,
        o.fields.join(';'),
        o.stage,
        o.ward,
        o.foundedYear,
        o.sizeBand,
        o.website,
        o.verifiedAt ? cityDate(new Date(o.verifiedAt)) : null,
        o.isIllustrative ? 'true' : 'false',
      ]);
    },
  },
};

/** A live source's current table, with a fingerprint of its content: the datastore reloads only when it changed. */
export async function readLiveSource(
  ctx: ServiceContext,
  source: LiveSource,
): Promise<{ table: Table; types: Array<DatastoreField['type']>; fingerprint: string }> {
  const { columns, rows } = sources[source];
  const table: Table = { columns: columns.map((c) => c.id), rows: await rows(ctx) };
  const fingerprint = createHash('sha256').update(JSON.stringify(table.rows)).digest('hex');
  return { table, types: columns.map((c) => c.type), fingerprint };
}
