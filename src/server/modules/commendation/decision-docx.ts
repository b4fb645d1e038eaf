import { eq, inArray } from 'drizzle-orm';
import type { CommendationIssuer, DecisionDto } from '../../../shared/contracts/commendation.js';
import type { ServiceContext } from '../../lib/context.js';
import { officialDocx, vietnameseDate, type Signature } from '../../lib/official-document.js';
import { units } from '../identity/schema.js';
import { getDecision } from './decisions.js';
import { commendationCouncils, commendationTitles, nominations } from './schema.js';

const cityName = 'Thành phố Hồ Chí Minh';

/** Who signs: the head in person, or a deputy "KT." (ký thay) for them. */
function signatureOf(head: string, position: string, name: string): Signature {
  const isDeputy = /^phó/i.test(position.trim());
  return isDeputy ? { capacity: 'KT.', onBehalfOf: head, position, name } : { position, name };
}

/** The heading lines, the authority and the head's title of each deciding level. */
function headOf(issuer: CommendationIssuer, unitName: string) {
  if (issuer === 'city_chairman') {
    return {
      parentBody: undefined,
      issuer: `Ủy ban nhân dân ${cityName}`,
      authority: `Chủ tịch Ủy ban nhân dân ${cityName}`,
      head: 'Chủ tịch',
      place: cityName,
    };
  }
  if (issuer === 'ward_chairman') {
    return {
      parentBody: `Ủy ban nhân dân`,
      issuer: unitName,
      authority: `Chủ tịch Ủy ban nhân dân ${unitName}`,
      head: 'Chủ tịch',
      place: unitName,
    };
  }
  const director = /^sở /i.test(unitName) ? 'Giám đốc' : 'Thủ trưởng';
  return {
    parentBody: `Ủy ban nhân dân ${cityName}`,
    issuer: unitName,
    authority: `${director} ${unitName}`,
    head: director,
    place: cityName,
  };
}

/**
 * The decision (quyết định khen thưởng) as Decree 30/2020/NĐ-CP lays out a decision: the grounds, the
 * articles, the signature, and the list of those commended attached on a page of its own.
 */
export async function decisionDocx(ctx: ServiceContext, id: string): Promise<Buffer> {
  const decision: DecisionDto = await getDecision(ctx, id);
  const [title] = await ctx.db.select().from(commendationTitles).where(eq(commendationTitles.code, decision.title.code));
  const listed = await ctx.db
    .select({ unitId: nominations.unitId, councilId: nominations.councilId })
    .from(nominations)
    .where(eq(nominations.decisionId, id));
  const proposers = listed.length
    ? await ctx.db
        .select({ nameVi: units.nameVi })
        .from(units)
        .where(inArray(units.id, [...new Set(listed.map((l) => l.unitId))]))
    : [];
  const councilIds = [...new Set(listed.map((l) => l.councilId).filter((c): c is string => c !== null))];
  const councils = councilIds.length
    ? await ctx.db
        .select({ nameVi: commendationCouncils.nameVi })
        .from(commendationCouncils)
        .where(inArray(commendationCouncils.id, councilIds))
    : [];
  const head = headOf(decision.issuer.kind, decision.issuer.unit.name.vi);
  const what = title!.kind === 'title' ? `danh hiệu “${decision.title.name.vi}” năm ${decision.year}` : decision.title.name.vi;
  const individuals = decision.commended.filter((c) => c.subject === 'individual').length;
  const collectives = decision.commended.length - individuals;
  const whom = [individuals ? `${individuals} cá nhân` : '', collectives ? `${collectives} tập thể` : ''].filter(Boolean).join(' và ');
  return officialDocx({
    parentBody: head.parentBody,
    issuer: head.issuer,
    number: decision.number,
    place: head.place,
    issuedOn: decision.signedOn,
    kind: 'Quyết định',
    summary: `Về việc tặng ${what}`,
    authority: head.authority,
    title: `Quyết định số ${decision.number}`,
    body: [
      { paragraph: 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;' },
      {
        paragraph:
          'Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;',
      },
      ...(councils.length ? [{ paragraph: `Căn cứ kết quả bỏ phiếu kín của ${councils.map((c) => c.nameVi).join(', ')};` }] : []),
      { paragraph: `Theo đề nghị của ${proposers.map((p) => p.nameVi).join(', ')}.` },
      { centredHeading: 'QUYẾT ĐỊNH:' },
      { paragraph: `Điều 1. Tặng ${what} cho ${whom} có tên trong danh sách kèm theo Quyết định này.` },
      { paragraph: 'Điều 2. Cá nhân, tập thể có tên tại Điều 1 được hưởng chế độ khen thưởng theo quy định của pháp luật.' },
      {
        paragraph:
          'Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Thủ trưởng các cơ quan, đơn vị có liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
      },
    ],
    signature: signatureOf(head.head, decision.signerPosition, decision.signerName),
    recipients: ['Như Điều 3', 'Cơ quan thường trực thi đua, khen thưởng'],
    annex: {
      title: 'Danh sách',
      subtitle: `(Kèm theo Quyết định số ${decision.number} ngày ${vietnameseDate(decision.signedOn)})`,
      body: [
        {
          table: {
            header: ['STT', 'Họ và tên / Tập thể', 'Chức vụ', 'Đơn vị'],
            rows: decision.commended.map((c, i) => [String(i + 1), c.name, c.jobTitle, c.unit.name.vi]),
            numericColumns: [0],
          },
        },
      ],
    },
  });
}
