import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ServiceContext } from '../../lib/context.js';
import { councilRanking, decisionsOf, membersOf, requireCouncilReader } from './reviews.js';

const roleVi: Record<string, string> = { chair: 'Chủ tịch', vice_chair: 'Phó Chủ tịch', secretary: 'Thư ký', expert: 'Chuyên gia', member: 'Ủy viên' };
const scopeVi: Record<string, string> = { unit: 'cấp cơ sở', city: 'cấp Thành phố', national: 'toàn quốc' };

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
const table = (header: string[], rows: string[][]) =>
  new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))] });

/** The council's minutes (biên bản họp hội đồng) as DOCX: members, ranking with scores, decisions with vote tallies. */
export async function councilMinutesDocx(ctx: ServiceContext, councilId: string): Promise<Buffer> {
  const council = await requireCouncilReader(ctx, councilId);
  const members = await membersOf(ctx, councilId);
  const ranking = await councilRanking(ctx, councilId);
  const decisions = await decisionsOf(ctx, councilId);
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const document = new Document({
    creator: 'doimoi',
    title: `Biên bản họp ${council.nameVi}`,
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Độc lập - Tự do - Hạnh phúc' })] }),
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, text: 'BIÊN BẢN HỌP HỘI ĐỒNG SÁNG KIẾN' }),
          new Paragraph({ alignment: AlignmentType.CENTER, text: council.nameVi }),
          new Paragraph({ text: `Ngày lập biên bản: ${today}` }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: '1. Thành phần hội đồng' }),
          table(['Họ và tên', 'Vai trò'], members.map((m) => [m.displayName, roleVi[m.role] ?? m.role])),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: '2. Kết quả chấm điểm (trung bình có trọng số, thang 100)' }),
          table(
            ['Hạng', 'Mã', 'Tên sáng kiến', 'Điểm TB', 'Chênh lệch', 'Số phiếu chấm', 'Cần thảo luận'],
            ranking.rows.map((r) => [String(r.rank), r.code, r.title, r.mean?.toFixed(2) ?? '—', r.spread?.toFixed(2) ?? '—', String(r.reviewers), r.isDisputed ? 'Có' : 'Không']),
          ),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: '3. Quyết định của hội đồng' }),
          table(
            ['Mã', 'Tên sáng kiến', 'Kết quả', 'Tán thành', 'Không tán thành', 'Không biểu quyết', 'Lý do'],
            decisions.map((d) => [
              d.code,
              d.title,
              d.d.outcome === 'recognised' ? `Công nhận (${scopeVi[d.d.scope ?? 'unit']})` : 'Không công nhận',
              String(d.d.votesFor),
              String(d.d.votesAgainst),
              String(d.d.votesAbstain),
              d.d.reason,
            ]),
          ),
          new Paragraph({ text: `Hội đồng có ${members.length} thành viên; ngưỡng công nhận: ${council.approvalThresholdPercent}% thành viên tán thành.` }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
