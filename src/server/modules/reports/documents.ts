import { eq } from 'drizzle-orm';
import { taskStatusLabels } from '../../../shared/contracts/plans.js';
import {
  indicatorStatusNames,
  timelinessNames,
  type CityFigures,
  type TaskTally,
  type UnitFigures,
} from '../../../shared/contracts/reports.js';
import type { ServiceContext } from '../../lib/context.js';
import {
  officialDocx,
  signatureFor,
  vietnameseDate,
  vietnameseNumber,
  type Block,
  type OfficialDocument,
  type Signature,
} from '../../lib/official-document.js';
import { officialPdf } from '../../lib/official-pdf.js';
import { toXlsx, type Sheet } from '../../lib/tabular-export.js';
import { units, users } from '../identity/schema.js';
import { barChartPng } from '../movement/bar-chart-png.js';
import { cityDate } from '../plans/status.js';
import { documentSummary, type LoadedCompiled } from './compiled.js';
import { calendarPeriod } from './periods.js';
import { reportsSettings } from './settings.js';
import { figuresOf, firstSubmittedOn, reportsOfPeriod, type LoadedUnitReport } from './unit-reports.js';
import { timelinessOf } from './periods.js';

// Every word of these documents is Vietnamese: labels come from the vocabulary, dates and numbers
// are written the Vietnamese way, period codes (2026-Q1) are turned into words.

const romans = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const numberOf = (value: number) => vietnameseNumber(value, 2);

/** "2026-Q1" → "Quý I năm 2026", "2026-03" → "Tháng 3 năm 2026", as indicator periods are read. */
export function periodWords(label: string): string {
  for (const kind of ['month', 'quarter', 'half_year', 'year'] as const) {
    const period = calendarPeriod(kind, label);
    if (period) return period.name.vi;
  }
  return label;
}

/** The body that issues a unit's report, and the one above it: a ward's people's committee, or a department under the city's. */
async function issuingBodyOf(ctx: ServiceContext, unit: typeof units.$inferSelect) {
  const [city] = await ctx.db.select({ nameVi: units.nameVi }).from(units).where(eq(units.kind, 'city')).limit(1);
  const cityCommittee = `Ủy ban nhân dân ${city?.nameVi ?? reportsSettings.place}`;
  if (unit.kind === 'ward' || unit.kind === 'commune' || unit.kind === 'special_zone')
    return { issuer: `Ủy ban nhân dân ${unit.nameVi}`, parentBody: undefined };
  if (unit.kind === 'city') return { issuer: cityCommittee, parentBody: undefined };
  return { issuer: unit.nameVi, parentBody: cityCommittee };
}

/** Narrative text as paragraphs: one per blank-line-separated block. */
const paragraphs = (text: string): Block[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ paragraph: p.replace(/\s*\n\s*/g, ' ') }));

const narrativeBlocks = (sections: Array<{ title: { vi: string }; text: string }>, startAt: number): Block[] =>
  sections.flatMap((s, i) => [
    { heading: `${romans[startAt + i] ?? String(startAt + i + 1)}. ${s.title.vi.toUpperCase()}` },
    ...(s.text.trim() ? paragraphs(s.text) : [{ paragraph: 'Không có nội dung.' }]),
  ]);

function unitFigureBlocks(figures: UnitFigures): Block[] {
  const tasks = figures.tasks;
  const movement = figures.movement;
  return [
    { heading: `I. SỐ LIỆU ĐẾN NGÀY ${vietnameseDate(figures.asOf)}` },
    { heading: '1. Thực hiện nhiệm vụ được giao' },
    tasks.rows.length
      ? {
          table: {
            header: ['Mã', 'Nhiệm vụ', 'Hạn hoàn thành', 'Tiến độ', 'Tình trạng'],
            rows: tasks.rows.map((t) => [
              t.code,
              t.title.vi,
              t.dueOn ? vietnameseDate(t.dueOn) : 'Thường xuyên',
              `${t.progressPercent}%`,
              taskStatusLabels[t.status].vi,
            ]),
            numericColumns: [3],
          },
        }
      : { paragraph: 'Đơn vị không chủ trì nhiệm vụ nào trong kỳ.' },
    { heading: '2. Chỉ tiêu do đơn vị báo cáo' },
    figures.indicators.length
      ? {
          table: {
            header: ['Chỉ tiêu', 'Kỳ số liệu', 'Giá trị', 'Đơn vị tính'],
            rows: figures.indicators.map((i) => [i.name.vi, periodWords(i.period), numberOf(i.value), i.unit.vi]),
            numericColumns: [2],
          },
        }
      : { paragraph: 'Đơn vị không phụ trách chỉ tiêu nào.' },
    { heading: '3. Phong trào thi đua, dữ liệu mở và hệ sinh thái' },
    {
      paragraph: `Trong kỳ, đơn vị có ${vietnameseNumber(movement.newInitiatives)} sáng kiến mới gửi xét, ${vietnameseNumber(movement.recognised)} sáng kiến được công nhận, ${vietnameseNumber(movement.awards)} lượt khen thưởng, ${vietnameseNumber(movement.replications)} lượt nhân rộng sáng kiến; ${vietnameseNumber(movement.registrations)} lượt đăng ký thi đua; ${vietnameseNumber(figures.opendata.publishedDatasets)} bộ dữ liệu mở đã công bố; ${vietnameseNumber(figures.ecosystem.organisations)} tổ chức của hệ sinh thái đã xác minh trên địa bàn.`,
    },
  ];
}

/** A unit's report as an official document (Decree 30/2020/NĐ-CP), signed for the unit by the leader who submitted it. */
export async function unitReportDocument(ctx: ServiceContext, loaded: LoadedUnitReport): Promise<OfficialDocument> {
  const { report, period, regime, unit } = loaded;
  const figures = await figuresOf(ctx, loaded);
  const { issuer, parentBody } = await issuingBodyOf(ctx, unit);
  const [signer] = report.submittedBy
    ? await ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, report.submittedBy))
    : [];
  const signature: Signature = { ...signatureFor(issuer), name: signer?.name ?? '' };
  return {
    parentBody,
    issuer,
    number: report.documentNumber,
    place: reportsSettings.place,
    issuedOn: report.submittedAt ? cityDate(new Date(report.submittedAt)) : null,
    kind: 'Báo cáo',
    summary: documentSummary(regime, period),
    title: `Báo cáo ${documentSummary(regime, period)} — ${unit.nameVi}`,
    body: [
      { paragraph: `Thời gian chốt số liệu: từ ngày ${vietnameseDate(period.cutoffFrom)} đến ngày ${vietnameseDate(period.cutoffTo)}.` },
      ...unitFigureBlocks(figures),
      ...narrativeBlocks(
        regime.sections.map((s) => ({ title: s.title, text: report.sections[s.key] ?? '' })),
        1,
      ),
    ],
    signature,
    recipients: reportsSettings.unitRecipients,
  };
}

const tallyHeader = (first: string) => [
  first,
  'Tổng số',
  'Hoàn thành đúng hạn',
  'Hoàn thành quá hạn',
  'Quá hạn',
  'Đã gia hạn',
  'Đang thực hiện',
];
const tallyRow = (t: TaskTally) => [
  t.label.vi,
  ...[t.total, t.completedOnTime, t.completedLate, t.overdue, t.extended, t.inProgress].map((n) => vietnameseNumber(n)),
];
const targetWords = (target: CityFigures['indicators'][number]['target']) => {
  if (!target) return '—';
  if (target.min !== null && target.max !== null && target.min !== target.max) return `${numberOf(target.min)}–${numberOf(target.max)}`;
  const value = target.min ?? target.max;
  return value === null ? '—' : numberOf(value);
};

function cityFigureBlocks(figures: CityFigures, submissions: Array<[string, number]>): Block[] {
  const statusCounts = Object.keys(indicatorStatusNames).map(
    (status) => [status, figures.indicators.filter((i) => i.status === status).length] as const,
  );
  const m = figures.movement;
  const counted = (rows: Array<{ name: { vi: string }; count: number }>, header: string, empty: string): Block =>
    rows.length
      ? { table: { header: [header, 'Số lượng'], rows: rows.map((r) => [r.name.vi, vietnameseNumber(r.count)]), numericColumns: [1] } }
      : { paragraph: empty };
  return [
    { heading: `I. KẾT QUẢ THỰC HIỆN (SỐ LIỆU ĐẾN NGÀY ${vietnameseDate(figures.asOf)})` },
    { heading: '1. Thực hiện nhiệm vụ theo kế hoạch' },
    { paragraph: 'a) Theo nhóm nhiệm vụ:' },
    { table: { header: tallyHeader('Nhóm nhiệm vụ'), rows: figures.tasksByGroup.map(tallyRow), numericColumns: [1, 2, 3, 4, 5, 6] } },
    { paragraph: 'b) Theo đơn vị chủ trì:' },
    { table: { header: tallyHeader('Đơn vị chủ trì'), rows: figures.tasksByUnit.map(tallyRow), numericColumns: [1, 2, 3, 4, 5, 6] } },
    { heading: '2. Các chỉ tiêu đến năm 2030' },
    {
      image: {
        png: barChartPng(statusCounts.map(([, n]) => n)),
        widthPx: 480,
        heightPx: 240,
        title: 'Chỉ tiêu theo mức độ thực hiện',
        description: 'Số chỉ tiêu theo mức độ thực hiện; số liệu ở bảng dưới.',
      },
    },
    {
      table: {
        header: ['Mức độ thực hiện', 'Số chỉ tiêu'],
        rows: statusCounts.map(([s, n]) => [indicatorStatusNames[s]!.vi, vietnameseNumber(n)]),
        numericColumns: [1],
      },
    },
    {
      table: {
        header: ['Chỉ tiêu', 'Đơn vị tính', 'Số liệu gần nhất', 'Mục tiêu năm 2030', 'Đánh giá'],
        rows: figures.indicators.map((i) => [
          i.name.vi,
          i.unit.vi,
          i.latest ? `${numberOf(i.latest.value)} (${periodWords(i.latest.period)})` : '—',
          targetWords(i.target),
          indicatorStatusNames[i.status]?.vi ?? '—',
        ]),
        numericColumns: [2, 3],
      },
    },
    { heading: '3. Phong trào thi đua đổi mới sáng tạo' },
    {
      paragraph: `Trong kỳ có ${vietnameseNumber(m.newInitiatives)} sáng kiến mới gửi xét, ${vietnameseNumber(m.recognised)} sáng kiến được công nhận, ${vietnameseNumber(m.replications)} lượt nhân rộng sáng kiến; ${vietnameseNumber(m.registrations)} lượt đơn vị đăng ký thi đua.`,
    },
    counted(m.byField, 'Sáng kiến theo lĩnh vực', 'Chưa có sáng kiến gửi xét.'),
    counted(m.byState, 'Sáng kiến theo trạng thái', 'Chưa có sáng kiến gửi xét.'),
    counted(m.awards, 'Hình thức khen thưởng trong kỳ', 'Trong kỳ chưa có khen thưởng.'),
    { heading: '4. Hệ sinh thái đổi mới sáng tạo và dữ liệu mở' },
    counted(figures.ecosystem, 'Tổ chức đã xác minh', 'Chưa có tổ chức được xác minh.'),
    {
      paragraph: `Đã công bố ${vietnameseNumber(figures.opendata.datasets)} bộ dữ liệu mở với ${vietnameseNumber(figures.opendata.resources)} tài nguyên dữ liệu.`,
    },
    { heading: '5. Tình hình gửi báo cáo của các đơn vị' },
    {
      table: {
        header: ['Tình hình', 'Số đơn vị'],
        rows: submissions.map(([label, n]) => [label, vietnameseNumber(n)]),
        numericColumns: [1],
      },
    },
  ];
}

async function submissionCounts(ctx: ServiceContext, loaded: LoadedCompiled): Promise<Array<[string, number]>> {
  const rows = await reportsOfPeriod(ctx, loaded.period.id);
  const asOf = loaded.compiled.issuedOn ?? cityDate(ctx.clock.now());
  const kinds = rows.map((r) => timelinessOf(firstSubmittedOn(r.report), loaded.period.dueOn, asOf));
  return (['on_time', 'late', 'missing', 'pending'] as const).map((t) => [timelinessNames[t].vi, kinds.filter((k) => k === t).length]);
}

/** The city's compiled report as an official document: figures, charts and the units' narratives, by section. */
export async function compiledDocument(ctx: ServiceContext, loaded: LoadedCompiled): Promise<OfficialDocument> {
  const { compiled, period, regime } = loaded;
  const [issuerUnit] = await ctx.db.select().from(units).where(eq(units.id, regime.issuerUnitId));
  const { parentBody } = issuerUnit ? await issuingBodyOf(ctx, issuerUnit) : { parentBody: undefined };
  return {
    parentBody,
    issuer: compiled.issuer,
    number: compiled.documentNumber,
    place: reportsSettings.place,
    issuedOn: compiled.issuedOn,
    kind: 'Báo cáo',
    summary: documentSummary(regime, period),
    title: `Báo cáo ${documentSummary(regime, period)}`,
    body: [
      ...(compiled.summary.trim() ? paragraphs(compiled.summary) : []),
      { paragraph: `Thời gian chốt số liệu: từ ngày ${vietnameseDate(period.cutoffFrom)} đến ngày ${vietnameseDate(period.cutoffTo)}.` },
      ...cityFigureBlocks(compiled.figures, await submissionCounts(ctx, loaded)),
      ...narrativeBlocks(
        regime.sections.map((s) => ({ title: s.title, text: compiled.sections[s.key] ?? '' })),
        1,
      ),
    ],
    signature: {
      capacity: compiled.signature.capacity ?? undefined,
      onBehalfOf: compiled.signature.onBehalfOf,
      position: compiled.signature.position,
      name: compiled.signature.name,
    },
    recipients: compiled.recipients,
  };
}

export const documentDocx = (document: OfficialDocument) => officialDocx(document);
export const documentPdf = (ctx: ServiceContext, document: OfficialDocument) => officialPdf(document, { createdAt: ctx.clock.now() });

const tallySheet = (name: string, first: string, rows: TaskTally[]): Sheet => ({
  name,
  columns: tallyHeader(first).map((header, i) => ({ header, width: i === 0 ? 60 : 16 })),
  rows: rows.map((t) => [t.label.vi, t.total, t.completedOnTime, t.completedLate, t.overdue, t.extended, t.inProgress]),
  freezeHeader: true,
});

/** The compiled report's annex (phụ lục): its tables as a workbook, numbers kept as numbers. */
export async function compiledAnnex(ctx: ServiceContext, loaded: LoadedCompiled): Promise<Buffer> {
  const f = loaded.compiled.figures;
  const rows = await reportsOfPeriod(ctx, loaded.period.id);
  const asOf = loaded.compiled.issuedOn ?? cityDate(ctx.clock.now());
  return toXlsx(
    [
      tallySheet('Nhiem vu theo nhom', 'Nhóm nhiệm vụ', f.tasksByGroup),
      tallySheet('Nhiem vu theo don vi', 'Đơn vị chủ trì', f.tasksByUnit),
      {
        name: 'Chi tieu 2030',
        columns: [
          { header: 'Chỉ tiêu', width: 60 },
          { header: 'Đơn vị tính', width: 16 },
          { header: 'Kỳ số liệu', width: 20 },
          { header: 'Số liệu gần nhất', width: 16 },
          { header: 'Mục tiêu năm 2030', width: 18 },
          { header: 'Đánh giá', width: 28 },
        ],
        rows: f.indicators.map((i) => [
          i.name.vi,
          i.unit.vi,
          i.latest ? periodWords(i.latest.period) : null,
          i.latest?.value ?? null,
          targetWords(i.target),
          indicatorStatusNames[i.status]?.vi ?? null,
        ]),
        freezeHeader: true,
      },
      {
        name: 'Phong trao',
        columns: [
          { header: 'Nội dung', width: 50 },
          { header: 'Số lượng', width: 14 },
        ],
        rows: [
          ['Sáng kiến mới gửi xét trong kỳ', f.movement.newInitiatives],
          ['Sáng kiến được công nhận trong kỳ', f.movement.recognised],
          ['Lượt nhân rộng sáng kiến trong kỳ', f.movement.replications],
          ['Lượt đơn vị đăng ký thi đua', f.movement.registrations],
          ...f.movement.byField.map((r) => [`Lĩnh vực: ${r.name.vi}`, r.count]),
          ...f.movement.byState.map((r) => [`Trạng thái: ${r.name.vi}`, r.count]),
          ...f.movement.awards.map((r) => [`Khen thưởng: ${r.name.vi}`, r.count]),
        ],
        freezeHeader: true,
      },
      {
        name: 'He sinh thai, du lieu mo',
        columns: [
          { header: 'Nội dung', width: 50 },
          { header: 'Số lượng', width: 14 },
        ],
        rows: [
          ...f.ecosystem.map((r) => [r.name.vi, r.count]),
          ['Bộ dữ liệu mở đã công bố', f.opendata.datasets],
          ['Tài nguyên dữ liệu', f.opendata.resources],
        ],
        freezeHeader: true,
      },
      {
        name: 'Tinh hinh gui bao cao',
        columns: [
          { header: 'Đơn vị', width: 50 },
          { header: 'Tình hình', width: 24 },
          { header: 'Ngày gửi', width: 14, isText: true },
        ],
        rows: rows.map((r) => {
          const submitted = firstSubmittedOn(r.report);
          return [
            r.unit.nameVi,
            timelinessNames[timelinessOf(submitted, loaded.period.dueOn, asOf)].vi,
            submitted ? vietnameseDate(submitted) : null,
          ];
        }),
        freezeHeader: true,
      },
    ],
    { createdAt: ctx.clock.now() },
  );
}

/** A unit report's annex: its tasks and indicator values. */
export async function unitAnnex(ctx: ServiceContext, loaded: LoadedUnitReport): Promise<Buffer> {
  const figures = await figuresOf(ctx, loaded);
  return toXlsx(
    [
      {
        name: 'Nhiem vu',
        columns: [
          { header: 'Mã', width: 12, isText: true },
          { header: 'Nhiệm vụ', width: 60 },
          { header: 'Hạn hoàn thành', width: 16, isText: true },
          { header: 'Tiến độ (%)', width: 12 },
          { header: 'Tình trạng', width: 26 },
        ],
        rows: figures.tasks.rows.map((t) => [
          t.code,
          t.title.vi,
          t.dueOn ? vietnameseDate(t.dueOn) : 'Thường xuyên',
          t.progressPercent,
          taskStatusLabels[t.status].vi,
        ]),
        freezeHeader: true,
      },
      {
        name: 'Chi tieu',
        columns: [
          { header: 'Chỉ tiêu', width: 60 },
          { header: 'Kỳ số liệu', width: 20 },
          { header: 'Giá trị', width: 14 },
          { header: 'Đơn vị tính', width: 16 },
        ],
        rows: figures.indicators.map((i) => [i.name.vi, periodWords(i.period), i.value, i.unit.vi]),
        freezeHeader: true,
      },
    ],
    { createdAt: ctx.clock.now() },
  );
}
