import type { ServiceContext } from '../../lib/context.js';
import { officialDocx, vietnameseNumber } from '../../lib/official-document.js';
import { cityDate } from './decision-deadline.js';
import { councilRanking, decisionsOf, membersOf, requireCouncilReader } from './reviews.js';

const roleVi: Record<string, string> = {
  chair: 'Chủ tịch',
  vice_chair: 'Phó Chủ tịch',
  secretary: 'Thư ký',
  expert: 'Chuyên gia',
  member: 'Ủy viên',
};
const scopeVi: Record<string, string> = { unit: 'cấp cơ sở', city: 'cấp Thành phố', national: 'toàn quốc' };

/**
 * The council's minutes (biên bản họp hội đồng) as an official document (Decree 30/2020/NĐ-CP):
 * members, ranking with scores, decisions with vote tallies; signed by the chair on behalf of the council.
 */
export async function councilMinutesDocx(ctx: ServiceContext, councilId: string): Promise<Buffer> {
  const council = await requireCouncilReader(ctx, councilId);
  const members = await membersOf(ctx, councilId);
  const ranking = await councilRanking(ctx, councilId);
  const decisions = await decisionsOf(ctx, councilId);
  const score = (value: number | null | undefined) => (value === null || value === undefined ? '—' : vietnameseNumber(value, 2));
  return officialDocx({
    issuer: council.nameVi,
    place: 'Thành phố Hồ Chí Minh',
    issuedOn: cityDate(ctx.clock.now()),
    kind: 'Biên bản',
    summary: 'Họp hội đồng xét công nhận sáng kiến',
    title: `Biên bản họp ${council.nameVi}`,
    body: [
      { heading: '1. Thành phần hội đồng' },
      { table: { header: ['Họ và tên', 'Vai trò'], rows: members.map((m) => [m.displayName, roleVi[m.role] ?? m.role]) } },
      { heading: '2. Kết quả chấm điểm (trung bình có trọng số, thang 100)' },
      {
        table: {
          header: ['Hạng', 'Mã', 'Tên sáng kiến', 'Điểm TB', 'Chênh lệch', 'Số phiếu chấm', 'Cần thảo luận'],
          rows: ranking.rows.map((r) => [
            String(r.rank),
            r.code,
            r.title,
            score(r.mean),
            score(r.spread),
            String(r.reviewers),
            r.isDisputed ? 'Có' : 'Không',
          ]),
          numericColumns: [0, 3, 4, 5],
        },
      },
      { heading: '3. Quyết định của hội đồng' },
      {
        table: {
          header: ['Mã', 'Tên sáng kiến', 'Kết quả', 'Tán thành', 'Không tán thành', 'Không biểu quyết', 'Lý do'],
          rows: decisions.map((d) => [
            d.code,
            d.title,
            d.d.outcome === 'recognised' ? `Công nhận (${scopeVi[d.d.scope ?? 'unit']})` : 'Không công nhận',
            String(d.d.votesFor),
            String(d.d.votesAgainst),
            String(d.d.votesAbstain),
            d.d.reason,
          ]),
          numericColumns: [3, 4, 5],
        },
      },
      {
        paragraph: `Hội đồng có ${members.length} thành viên; ngưỡng công nhận: ${council.approvalThresholdPercent}% thành viên tán thành.`,
      },
    ],
    signature: {
      capacity: 'TM.',
      onBehalfOf: 'Hội đồng',
      position: 'Chủ tịch',
      name: members.find((m) => m.role === 'chair')?.displayName ?? '',
    },
    recipients: ['Thành viên hội đồng', 'Cơ quan thường trực thi đua, khen thưởng'],
  });
}
