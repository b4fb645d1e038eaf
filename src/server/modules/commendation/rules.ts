import type { CommendationIssuer, CommendationTitleCode, NominationLevel } from '../../../shared/contracts/commendation.js';
import type { LocalizedText } from '../../../shared/contracts/common.js';
import type { UnitKind } from '../../../shared/contracts/identity.js';

/**
 * What the sources say about each title, written once: its legal basis, its criteria in words, and
 * where its vote threshold comes from. docs/commendation.md cites the same, with where each was read.
 */
export const law = { vi: 'Luật Thi đua, khen thưởng số 06/2022/QH15', en: 'Law on Emulation and Commendation 06/2022/QH15' };
const article = (n: string, extra: LocalizedText = { vi: '', en: '' }): LocalizedText => ({
  vi: `${law.vi}, Điều ${n}${extra.vi}`,
  en: `${law.en}, Article ${n}${extra.en}`,
});

/** Who decides (Law 06/2022/QH15, Article 80), in words. */
export const issuerNames: Record<CommendationIssuer, LocalizedText> = {
  department_head: { vi: 'Thủ trưởng sở, ban, ngành', en: 'the head of a department or agency' },
  ward_chairman: {
    vi: 'Chủ tịch Ủy ban nhân dân phường, xã, đặc khu',
    en: 'the chairman of a ward, commune or special-zone People’s Committee',
  },
  city_chairman: { vi: 'Chủ tịch Ủy ban nhân dân Thành phố', en: 'the Chairman of the City People’s Committee' },
};

/** The article each issuer's power rests on. */
export const issuerBasis: Record<CommendationIssuer, LocalizedText> = {
  department_head: article('80', { vi: ' khoản 1', en: '(1)' }),
  ward_chairman: article('80', { vi: ' khoản 3', en: '(3)' }),
  city_chairman: {
    vi: `${law.vi}, Điều 80 (cấp sở và cấp xã không tặng danh hiệu, hình thức cấp Thành phố)`,
    en: `${law.en}, Article 80 (departments and wards do not give the city’s titles and forms)`,
  },
};

/**
 * Who decides a nomination: its unit's own head at unit level (a department's director, a ward's
 * chairman), the Chairman of the City People's Committee when it is proposed to the city.
 */
export function issuerOf(level: NominationLevel, nominatingUnitKind: UnitKind): CommendationIssuer {
  if (level === 'city' || nominatingUnitKind === 'city') return 'city_chairman';
  return nominatingUnitKind === 'department' || nominatingUnitKind === 'agency' ? 'department_head' : 'ward_chairman';
}

type TitleText = { legalBasis: LocalizedText; criteria: LocalizedText; thresholdBasis: LocalizedText; isThresholdConfirmed: boolean };

const projectDefault: LocalizedText = {
  vi: 'Mặc định của nền tảng: quá nửa tổng số thành viên hội đồng (nguyên tắc biểu quyết theo đa số của Hội đồng Thi đua – Khen thưởng Thành phố); chưa tìm thấy quy định về tỷ lệ — quản trị viên có thể thay đổi',
  en: 'Platform default: more than half of all council members (the City Emulation and Commendation Council decides by majority); no source gave a figure — administrators may change it',
};
const domainDefault: LocalizedText = {
  vi: 'Mặc định của nền tảng (80% tổng số thành viên); chưa xác nhận được quy định hiện hành — quản trị viên có thể thay đổi',
  en: 'Platform default (80 % of all members); the rule in force is not confirmed — administrators may change it',
};

export const titleTexts: Record<CommendationTitleCode, TitleText> = {
  LDTT: {
    legalBasis: article('24', { vi: ' khoản 1; thẩm quyền: Điều 80 khoản 1, 3', en: '(1); who gives it: Article 80(1), (3)' }),
    criteria: {
      vi: 'Hoàn thành tốt nhiệm vụ trở lên; tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham gia phong trào thi đua.',
      en: 'Tasks completed well or better; self-reliance, solidarity and active part in emulation movements.',
    },
    thresholdBasis: projectDefault,
    isThresholdConfirmed: false,
  },
  CSTD_CS: {
    legalBasis: article('23', { vi: '; thẩm quyền: Điều 80 khoản 1', en: '; who gives it: Article 80(1)' }),
    criteria: {
      vi: 'Đạt danh hiệu “Lao động tiên tiến” trong năm và một trong các tiêu chuẩn: hoàn thành xuất sắc nhiệm vụ; sáng kiến được cơ sở công nhận; đề tài, đề án, công trình khoa học và công nghệ đã nghiệm thu, áp dụng hiệu quả.',
      en: 'Advanced Worker in the year, and one of: tasks completed excellently; an initiative recognised at the unit; an accepted scientific work applied effectively.',
    },
    thresholdBasis: domainDefault,
    isThresholdConfirmed: false,
  },
  CSTD_TP: {
    legalBasis: article('22'),
    criteria: {
      vi: 'Tiêu biểu trong số những người có 03 lần liên tục đạt “Chiến sĩ thi đua cơ sở”; có sáng kiến đã áp dụng hiệu quả và có khả năng nhân rộng trong Thành phố, hoặc đề tài, công trình khoa học có phạm vi ảnh hưởng trong Thành phố.',
      en: 'Outstanding among those Grassroots Emulation Fighter 3 consecutive times; an initiative applied effectively and replicable across the city, or a scientific work with city-wide effect.',
    },
    thresholdBasis: {
      vi: 'Bỏ phiếu kín, từ 90% tổng số thành viên hội đồng trở lên (Nghị định 91/2017/NĐ-CP, Điều 45 khoản 8 — văn bản đã được thay thế; chưa xác nhận quy định tương ứng của Nghị định 152/2025/NĐ-CP)',
      en: 'Secret ballot, at least 90 % of all council members (Decree 91/2017/NĐ-CP, Article 45(8) — since superseded; the matching rule of Decree 152/2025/NĐ-CP is not confirmed)',
    },
    isThresholdConfirmed: false,
  },
  TTLDTT: {
    legalBasis: article('28', { vi: '; thẩm quyền: Điều 80 khoản 1', en: '; who gives it: Article 80(1)' }),
    criteria: {
      vi: 'Hoàn thành tốt nhiệm vụ; trên 50% cá nhân đạt “Lao động tiên tiến”; không có cá nhân bị kỷ luật từ cảnh cáo trở lên (tiêu chuẩn của Luật 2003, Điều 28 — chưa đối chiếu văn bản Luật 2022).',
      en: 'Tasks completed well; more than 50 % of members Advanced Workers; no member disciplined with a reprimand or heavier (the 2003 Law’s Article 28 — not yet checked against the 2022 text).',
    },
    thresholdBasis: projectDefault,
    isThresholdConfirmed: false,
  },
  TTLDXS: {
    legalBasis: article('27', { vi: ' khoản 1', en: '(1)' }),
    criteria: {
      vi: 'Hoàn thành xuất sắc nhiệm vụ; 100% cá nhân hoàn thành nhiệm vụ, trong đó ít nhất 70% đạt “Lao động tiên tiến”; có cá nhân đạt “Chiến sĩ thi đua cơ sở”; nội bộ đoàn kết.',
      en: 'Tasks completed excellently; every member completed their tasks, at least 70 % of them Advanced Workers; a member is a Grassroots Emulation Fighter; internal unity.',
    },
    thresholdBasis: projectDefault,
    isThresholdConfirmed: false,
  },
  CO_TD_TP: {
    legalBasis: article('26', { vi: ' khoản 1', en: '(1)' }),
    criteria: {
      vi: 'Tập thể dẫn đầu khối, cụm thi đua của Thành phố trong năm (các tiêu chuẩn khác của Điều 26 khoản 1 do Hội đồng xét).',
      en: 'The collective leading its emulation bloc of the city this year (the other criteria of Article 26(1) are judged by the council).',
    },
    thresholdBasis: domainDefault,
    isThresholdConfirmed: false,
  },
  GIAY_KHEN: {
    legalBasis: article('80', { vi: ' khoản 1, 3 (thẩm quyền)', en: '(1), (3) (who gives it)' }),
    criteria: {
      vi: 'Do Thủ trưởng sở, ngành hoặc Chủ tịch UBND phường, xã tặng cho người, tập thể thuộc phạm vi quản lý; tiêu chuẩn do Hội đồng xét.',
      en: 'Given by a department head or a ward chairman to people and collectives they manage; the standards are judged by the council.',
    },
    thresholdBasis: projectDefault,
    isThresholdConfirmed: false,
  },
  BK_CT_TP: {
    legalBasis: article('74', { vi: ' khoản 1 điểm d', en: '(1)(d)' }),
    criteria: {
      vi: 'Cá nhân: 02 lần liên tục đạt “Chiến sĩ thi đua cơ sở”, hoặc liên tục từ 02 năm hoàn thành xuất sắc nhiệm vụ và trong thời gian đó có 02 sáng kiến (hoặc 02 đề tài khoa học) được công nhận, áp dụng hiệu quả; các trường hợp khác do Hội đồng xét.',
      en: 'Individual: Grassroots Emulation Fighter twice in a row, or tasks completed excellently 2 years in a row with 2 initiatives (or 2 scientific works) recognised and applied in that time; other cases are judged by the council.',
    },
    thresholdBasis: projectDefault,
    isThresholdConfirmed: false,
  },
};
