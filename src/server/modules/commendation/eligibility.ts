import type {
  CheckStatus,
  CommendationIssuer,
  CommendationSubject,
  CommendationTitleCode,
  Eligibility,
  EligibilityCheck,
  PerformanceRating,
} from '../../../shared/contracts/commendation.js';
import type { LocalizedText } from '../../../shared/contracts/common.js';
import type { RecognitionScope } from '../../../shared/contracts/movement.js';
import { issuerBasis, issuerNames, law, titleTexts } from './rules.js';
import type { CollectiveFacts, RatingEntry, ScienceWork } from './schema.js';

/** A title the nominee already holds: declared in the dossier with its decision, or given by a decision issued here. */
export type HeldTitle = {
  year: number;
  titleCode: CommendationTitleCode;
  label: string;
  href: string | null;
  source: 'declared_title' | 'decision';
};

/** An initiative of the nominee the movement recognised, found by the nominee's name within their unit. */
export type RecognisedInitiative = {
  id: string;
  code: string;
  title: string;
  scope: RecognitionScope;
  recognisedYear: number;
  href: string;
};

/** Everything the checks read; gathered from the dossier, the units and the movement (facts.ts). */
export type Facts = {
  titleCode: CommendationTitleCode;
  titleName: LocalizedText;
  titleSubject: 'individual' | 'collective' | 'both';
  issuers: readonly CommendationIssuer[];
  requiresInitiative: boolean;
  subject: CommendationSubject;
  year: number;
  issuer: CommendationIssuer;
  isNomineeInUnit: boolean;
  isUnderReview: boolean;
  ratings: readonly RatingEntry[];
  scienceWorks: readonly ScienceWork[];
  collective: CollectiveFacts | null;
  heldTitles: readonly HeldTitle[];
  initiatives: readonly RecognisedInitiative[];
};

type Evidence = EligibilityCheck['evidence'][number];

const check = (
  code: string,
  status: CheckStatus,
  message: LocalizedText,
  basis: LocalizedText,
  evidence: Evidence[] = [],
): EligibilityCheck => ({
  code,
  status,
  message,
  basis,
  evidence,
});
const met = (condition: boolean): CheckStatus => (condition ? 'met' : 'not_met');

const ratingNames: Record<PerformanceRating, LocalizedText> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'tasks completed excellently' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'tasks completed well' },
  completed: { vi: 'Hoàn thành nhiệm vụ', en: 'tasks completed' },
  not_completed: { vi: 'Không hoàn thành nhiệm vụ', en: 'tasks not completed' },
};
const ratingOf = (facts: Facts, year: number) => facts.ratings.find((r) => r.year === year)?.rating ?? null;
const isAtLeastGood = (rating: PerformanceRating | null) => rating === 'excellent' || rating === 'good';
const ratingEvidence = (facts: Facts, year: number): Evidence[] => {
  const rating = ratingOf(facts, year);
  return rating ? [{ kind: 'rating', label: `${year}: ${ratingNames[rating].vi}`, href: null }] : [];
};
const ratingText = (rating: PerformanceRating | null): LocalizedText =>
  rating ? ratingNames[rating] : { vi: 'chưa có đánh giá', en: 'no rating given' };

const holds = (facts: Facts, code: CommendationTitleCode, year: number) =>
  facts.heldTitles.filter((t) => t.titleCode === code && t.year === year);
const titleEvidence = (titles: readonly HeldTitle[]): Evidence[] => titles.map((t) => ({ kind: t.source, label: t.label, href: t.href }));
const initiativeEvidence = (list: readonly RecognisedInitiative[]): Evidence[] =>
  list.map((i) => ({ kind: 'initiative', label: `${i.code} — ${i.title}`, href: i.href }));
const workEvidence = (list: readonly ScienceWork[]): Evidence[] =>
  list.map((w) => ({ kind: 'science_work', label: `${w.acceptedYear}: ${w.title}`, href: null }));
const scopeRank: Record<RecognitionScope, number> = { unit: 1, city: 2, national: 3 };

const ldttName = { vi: '“Lao động tiên tiến”', en: 'Advanced Worker' };
const cstdCsName = { vi: '“Chiến sĩ thi đua cơ sở”', en: 'Grassroots Emulation Fighter' };

// ---------------------------------------------------------------------------------------------
// Checks every nomination gets

function subjectCheck(facts: Facts): EligibilityCheck {
  const fits = facts.titleSubject === 'both' || facts.titleSubject === facts.subject;
  const who = facts.titleSubject === 'individual' ? { vi: 'cá nhân', en: 'an individual' } : { vi: 'tập thể', en: 'a collective' };
  return check(
    'subject',
    met(fits),
    fits
      ? { vi: `“${facts.titleName.vi}” tặng được cho đối tượng này`, en: `“${facts.titleName.en}” can be given to this nominee` }
      : { vi: `“${facts.titleName.vi}” chỉ tặng cho ${who.vi}`, en: `“${facts.titleName.en}” is given only to ${who.en}` },
    titleTexts[facts.titleCode].legalBasis,
  );
}

/** Law 06/2022/QH15, Article 80: who may give which title; a unit head never gives a city title, nor the city a unit's. */
function issuerCheck(facts: Facts): EligibilityCheck {
  const allowed = facts.issuers.includes(facts.issuer);
  const givers = facts.issuers.map((i) => issuerNames[i]);
  const list = (key: 'vi' | 'en') => givers.map((g) => g[key]).join(key === 'vi' ? ' hoặc ' : ' or ');
  return check(
    'issuer',
    met(allowed),
    allowed
      ? {
          vi: `${capitalise(issuerNames[facts.issuer].vi)} có thẩm quyền tặng “${facts.titleName.vi}”`,
          en: `${capitalise(issuerNames[facts.issuer].en)} may give “${facts.titleName.en}”`,
        }
      : {
          vi: `“${facts.titleName.vi}” do ${list('vi')} quyết định tặng; ${issuerNames[facts.issuer].vi} không tặng danh hiệu, hình thức này — hãy chọn đúng cấp đề nghị`,
          en: `“${facts.titleName.en}” is given by ${list('en')}; ${issuerNames[facts.issuer].en} does not give it — choose the right level`,
        },
    allowed ? issuerBasis[facts.issuer] : issuerBasis[facts.issuers[0]!],
  );
}

/** Law 06/2022/QH15, Article 83(1): a unit proposes the people and collectives it manages. */
function unitScopeCheck(facts: Facts): EligibilityCheck {
  return check(
    'unit_scope',
    met(facts.isNomineeInUnit),
    facts.isNomineeInUnit
      ? { vi: 'Đối tượng thuộc phạm vi quản lý của đơn vị đề nghị', en: 'The nominee is within the nominating unit' }
      : {
          vi: 'Đơn vị chỉ đề nghị khen thưởng người, tập thể thuộc phạm vi quản lý của mình',
          en: 'A unit nominates only people and collectives it manages',
        },
    { vi: `${law.vi}, Điều 83 khoản 1`, en: `${law.en}, Article 83(1)` },
  );
}

/** Decree 152/2025/NĐ-CP, Article 4(4): nothing is given while a disciplinary review, investigation or complaint is open. */
function notUnderReviewCheck(facts: Facts): EligibilityCheck {
  return check(
    'not_under_review',
    met(!facts.isUnderReview),
    facts.isUnderReview
      ? {
          vi: 'Đang bị xem xét kỷ luật, điều tra, thanh tra hoặc có đơn thư đang xác minh: chưa khen thưởng hoặc đề nghị khen thưởng',
          en: 'Under disciplinary review, investigation, inspection or an open complaint: no commendation can be given or proposed yet',
        }
      : {
          vi: 'Không đang bị xem xét kỷ luật, điều tra hay có đơn thư đang xác minh',
          en: 'Not under disciplinary review, investigation or an open complaint',
        },
    { vi: 'Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4', en: 'Decree 152/2025/NĐ-CP, Article 4(4)' },
  );
}

// ---------------------------------------------------------------------------------------------
// Individual titles

/** Law 06/2022/QH15, Article 24(1)(a): Advanced Worker needs tasks completed well or better. */
function ratingGoodCheck(facts: Facts): EligibilityCheck {
  const rating = ratingOf(facts, facts.year);
  return check(
    'rating_good',
    met(isAtLeastGood(rating)),
    isAtLeastGood(rating)
      ? { vi: `Năm ${facts.year}: ${ratingText(rating).vi}`, en: `${facts.year}: ${ratingText(rating).en}` }
      : {
          vi: `Cần hoàn thành tốt nhiệm vụ trở lên trong năm ${facts.year} (hiện: ${ratingText(rating).vi})`,
          en: `Tasks must be completed well or better in ${facts.year} (now: ${ratingText(rating).en})`,
        },
    facts.titleCode === 'TTLDTT'
      ? titleTexts.TTLDTT.legalBasis
      : { vi: `${law.vi}, Điều 24 khoản 1 điểm a`, en: `${law.en}, Article 24(1)(a)` },
    ratingEvidence(facts, facts.year),
  );
}

function participationCheck(): EligibilityCheck {
  return check(
    'participation',
    'for_council',
    {
      vi: 'Tinh thần tự lực, đoàn kết, tích cực tham gia phong trào thi đua: Hội đồng xét',
      en: 'Self-reliance, solidarity and part in emulation: judged by the council',
    },
    { vi: `${law.vi}, Điều 24 khoản 1 điểm b`, en: `${law.en}, Article 24(1)(b)` },
  );
}

/** Law 06/2022/QH15, Article 23(1): Grassroots Emulation Fighter first needs Advanced Worker in the same year. */
function ldttSameYearCheck(facts: Facts): EligibilityCheck {
  const held = holds(facts, 'LDTT', facts.year);
  return check(
    'ldtt_same_year',
    met(held.length > 0),
    held.length > 0
      ? { vi: `Đạt ${ldttName.vi} năm ${facts.year}`, en: `${ldttName.en} in ${facts.year}` }
      : {
          vi: `Cần đạt ${ldttName.vi} năm ${facts.year}: ghi quyết định tặng vào hồ sơ, hoặc đề nghị danh hiệu đó trước`,
          en: `Needs ${ldttName.en} in ${facts.year}: enter the decision that gave it, or nominate for it first`,
        },
    { vi: `${law.vi}, Điều 23 khoản 1`, en: `${law.en}, Article 23(1)` },
    titleEvidence(held),
  );
}

/**
 * Law 06/2022/QH15, Article 23(2): one of excellent work, an initiative recognised at the unit, or an
 * accepted scientific work. With the title's `requiresInitiative` setting, excellent work alone is not
 * enough (the rule before 2024, and the draft amendment's).
 */
function cstdCsAchievementCheck(facts: Facts): EligibilityCheck {
  const rating = ratingOf(facts, facts.year);
  const initiatives = facts.initiatives.filter((i) => i.recognisedYear === facts.year);
  const works = facts.scienceWorks.filter((w) => w.acceptedYear === facts.year);
  const branches: LocalizedText[] = [];
  if (rating === 'excellent' && !facts.requiresInitiative)
    branches.push({ vi: `hoàn thành xuất sắc nhiệm vụ năm ${facts.year}`, en: `tasks completed excellently in ${facts.year}` });
  if (initiatives.length > 0)
    branches.push({
      vi: `sáng kiến được công nhận năm ${facts.year}: ${initiatives.map((i) => i.code).join(', ')}`,
      en: `initiative recognised in ${facts.year}: ${initiatives.map((i) => i.code).join(', ')}`,
    });
  if (works.length > 0)
    branches.push({ vi: `đề tài khoa học nghiệm thu năm ${facts.year}`, en: `scientific work accepted in ${facts.year}` });
  const needed: LocalizedText = facts.requiresInitiative
    ? {
        vi: 'một sáng kiến được cơ sở công nhận hoặc một đề tài khoa học đã nghiệm thu trong năm (theo cài đặt của danh hiệu)',
        en: 'an initiative recognised at the unit or an accepted scientific work in the year (as the title’s setting requires)',
      }
    : {
        vi: 'hoàn thành xuất sắc nhiệm vụ, hoặc một sáng kiến được cơ sở công nhận, hoặc một đề tài khoa học đã nghiệm thu trong năm',
        en: 'tasks completed excellently, an initiative recognised at the unit, or an accepted scientific work in the year',
      };
  return check(
    'cstd_cs_achievement',
    met(branches.length > 0),
    branches.length > 0
      ? { vi: `Đạt theo: ${branches.map((b) => b.vi).join('; ')}`, en: `Met through: ${branches.map((b) => b.en).join('; ')}` }
      : {
          vi: `Cần ${needed.vi}; chưa tìm thấy sáng kiến được công nhận của người này trong năm ${facts.year}`,
          en: `Needs ${needed.en}; no initiative of this person recognised in ${facts.year} was found`,
        },
    { vi: `${law.vi}, Điều 23 khoản 2`, en: `${law.en}, Article 23(2)` },
    [...(rating === 'excellent' ? ratingEvidence(facts, facts.year) : []), ...initiativeEvidence(initiatives), ...workEvidence(works)],
  );
}

/** Law 06/2022/QH15, Article 22: City Emulation Fighter is chosen among those Grassroots Emulation Fighter 3 times in a row. */
function cstdCsThreeYearsCheck(facts: Facts): EligibilityCheck {
  const years = [facts.year - 2, facts.year - 1, facts.year];
  const held = years.map((y) => holds(facts, 'CSTD_CS', y));
  const missing = years.filter((_, i) => held[i]!.length === 0);
  return check(
    'cstd_cs_three_years',
    met(missing.length === 0),
    missing.length === 0
      ? { vi: `03 lần liên tục đạt ${cstdCsName.vi} (${years.join(', ')})`, en: `${cstdCsName.en} 3 times in a row (${years.join(', ')})` }
      : {
          vi: `Cần 03 lần liên tục đạt ${cstdCsName.vi} (${years.join(', ')}); còn thiếu năm ${missing.join(', ')}`,
          en: `Needs ${cstdCsName.en} 3 times in a row (${years.join(', ')}); missing ${missing.join(', ')}`,
        },
    { vi: `${law.vi}, Điều 22 khoản 1`, en: `${law.en}, Article 22(1)` },
    titleEvidence(held.flat()),
  );
}

/** Law 06/2022/QH15, Article 22: an initiative replicable across the city (recognised at city or national scope), or a scientific work of that reach. */
function cityScopeInitiativeCheck(facts: Facts): EligibilityCheck {
  const initiatives = facts.initiatives.filter((i) => scopeRank[i.scope] >= scopeRank.city && i.recognisedYear <= facts.year);
  const works = facts.scienceWorks.filter((w) => w.scope !== 'unit' && w.acceptedYear <= facts.year);
  const ok = initiatives.length + works.length > 0;
  return check(
    'city_scope_initiative',
    met(ok),
    ok
      ? {
          vi: 'Có sáng kiến hoặc đề tài có phạm vi ảnh hưởng trong Thành phố',
          en: 'An initiative or scientific work with city-wide effect',
        }
      : {
          vi: 'Cần sáng kiến được công nhận phạm vi Thành phố (áp dụng hiệu quả, có khả năng nhân rộng) hoặc đề tài khoa học có phạm vi ảnh hưởng trong Thành phố',
          en: 'Needs an initiative recognised at city scope (applied effectively and replicable) or a scientific work with city-wide effect',
        },
    { vi: `${law.vi}, Điều 22 khoản 2`, en: `${law.en}, Article 22(2)` },
    [...initiativeEvidence(initiatives), ...workEvidence(works)],
  );
}

/**
 * Law 06/2022/QH15, Article 74(1)(d): Grassroots Emulation Fighter twice in a row, or excellent work
 * two years in a row with two initiatives (or two scientific works) recognised in that time. The
 * other points of Article 74(1) are not encoded: when (d) is not met, the council judges.
 */
function certificateOfMeritCheck(facts: Facts): EligibilityCheck {
  const basis = titleTexts.BK_CT_TP.legalBasis;
  if (facts.subject === 'collective') {
    return check(
      'bk_point_d',
      'for_council',
      {
        vi: 'Tiêu chuẩn Bằng khen cho tập thể (Điều 74 khoản 2): Hội đồng xét',
        en: 'The standards for a collective (Article 74(2)): judged by the council',
      },
      basis,
    );
  }
  const years = [facts.year - 1, facts.year];
  const cstd = years.map((y) => holds(facts, 'CSTD_CS', y));
  const twiceCstd = cstd.every((list) => list.length > 0);
  const excellent = years.every((y) => ratingOf(facts, y) === 'excellent');
  const initiatives = facts.initiatives.filter((i) => years.includes(i.recognisedYear));
  const works = facts.scienceWorks.filter((w) => years.includes(w.acceptedYear));
  const route = excellent && (initiatives.length >= 2 || works.length >= 2);
  if (twiceCstd || route) {
    return check(
      'bk_point_d',
      'met',
      twiceCstd
        ? { vi: `02 lần liên tục đạt ${cstdCsName.vi} (${years.join(', ')})`, en: `${cstdCsName.en} twice in a row (${years.join(', ')})` }
        : {
            vi: `Hoàn thành xuất sắc nhiệm vụ ${years.join(' và ')}, có ${Math.max(initiatives.length, works.length)} sáng kiến/đề tài được công nhận trong thời gian đó`,
            en: `Tasks completed excellently in ${years.join(' and ')}, with ${Math.max(initiatives.length, works.length)} initiatives or works recognised in that time`,
          },
      basis,
      twiceCstd
        ? titleEvidence(cstd.flat())
        : [...years.flatMap((y) => ratingEvidence(facts, y)), ...initiativeEvidence(initiatives), ...workEvidence(works)],
    );
  }
  return check(
    'bk_point_d',
    'for_council',
    {
      vi: `Chưa đạt điểm d (02 lần liên tục ${cstdCsName.vi}, hoặc 02 năm hoàn thành xuất sắc nhiệm vụ với 02 sáng kiến); các tiêu chuẩn khác của khoản 1 do Hội đồng xét`,
      en: `Point (d) is not met (${cstdCsName.en} twice in a row, or 2 years of excellent work with 2 initiatives); the council judges the other points of paragraph 1`,
    },
    basis,
    [...initiativeEvidence(initiatives)],
  );
}

// ---------------------------------------------------------------------------------------------
// Collective titles

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const percentText = (part: number, whole: number) => `${part}/${whole} (${Math.floor(share(part, whole) * 1000) / 10}%)`;

function collectiveFactsCheck(facts: Facts): EligibilityCheck | null {
  if (facts.collective) return null;
  return check(
    'collective_facts',
    'not_met',
    {
      vi: 'Nhập số liệu của tập thể (số thành viên, số hoàn thành nhiệm vụ, số đạt danh hiệu…)',
      en: 'Enter the collective’s figures (members, those completing tasks, those holding titles…)',
    },
    titleTexts[facts.titleCode].legalBasis,
  );
}

/** Law 06/2022/QH15, Article 28 (2003 Law's Article 28 wording): more than half Advanced Workers, no member reprimanded or worse. */
function advancedCollectiveChecks(facts: Facts, c: CollectiveFacts): EligibilityCheck[] {
  const basis = titleTexts.TTLDTT.legalBasis;
  return [
    check(
      'ldtt_over_half',
      met(c.membersLdtt * 2 > c.members),
      {
        vi: `Cá nhân đạt ${ldttName.vi}: ${percentText(c.membersLdtt, c.members)}; cần trên 50%`,
        en: `Members who are ${ldttName.en}: ${percentText(c.membersLdtt, c.members)}; more than 50 % needed`,
      },
      basis,
    ),
    check(
      'no_member_disciplined',
      met(c.membersDisciplined === 0),
      c.membersDisciplined === 0
        ? { vi: 'Không có cá nhân bị kỷ luật từ cảnh cáo trở lên', en: 'No member disciplined with a reprimand or heavier' }
        : {
            vi: `${c.membersDisciplined} cá nhân bị kỷ luật từ cảnh cáo trở lên`,
            en: `${c.membersDisciplined} members disciplined with a reprimand or heavier`,
          },
      basis,
    ),
  ];
}

/** Law 06/2022/QH15, Article 27(1)(a)–(đ): Excellent Collective. */
function excellentCollectiveChecks(facts: Facts, c: CollectiveFacts): EligibilityCheck[] {
  const basis = (point: string): LocalizedText => ({
    vi: `${law.vi}, Điều 27 khoản 1 điểm ${point}`,
    en: `${law.en}, Article 27(1)(${point})`,
  });
  const rating = ratingOf(facts, facts.year);
  return [
    check(
      'rating_excellent',
      met(rating === 'excellent'),
      {
        vi: `Tập thể năm ${facts.year}: ${ratingText(rating).vi}; cần hoàn thành xuất sắc nhiệm vụ`,
        en: `The collective in ${facts.year}: ${ratingText(rating).en}; tasks must be completed excellently`,
      },
      basis('a'),
      ratingEvidence(facts, facts.year),
    ),
    check(
      'all_members_complete',
      met(c.membersCompletingTasks === c.members),
      {
        vi: `Cá nhân hoàn thành nhiệm vụ: ${percentText(c.membersCompletingTasks, c.members)}; cần 100%`,
        en: `Members who completed their tasks: ${percentText(c.membersCompletingTasks, c.members)}; 100 % needed`,
      },
      basis('c'),
    ),
    check(
      'ldtt_70',
      met(c.membersLdtt * 10 >= c.members * 7),
      {
        vi: `Cá nhân đạt ${ldttName.vi}: ${percentText(c.membersLdtt, c.members)}; cần ít nhất 70%`,
        en: `Members who are ${ldttName.en}: ${percentText(c.membersLdtt, c.members)}; at least 70 % needed`,
      },
      basis('c'),
    ),
    check(
      'has_cstd_cs_member',
      met(c.membersCstdCs > 0),
      {
        vi: `Cá nhân đạt ${cstdCsName.vi}: ${c.membersCstdCs}; cần ít nhất một`,
        en: `Members who are ${cstdCsName.en}: ${c.membersCstdCs}; at least one needed`,
      },
      basis('d'),
    ),
    check(
      'unity',
      'for_council',
      {
        vi: 'Nội bộ đoàn kết, gương mẫu chấp hành pháp luật: Hội đồng xét',
        en: 'Internal unity and respect of the law: judged by the council',
      },
      basis('đ'),
    ),
  ];
}

/** Law 06/2022/QH15, Article 26(1): the city's flag goes to the collective leading its emulation bloc. */
function flagChecks(c: CollectiveFacts): EligibilityCheck[] {
  const leads = c.leadsEmulationBloc !== null && c.leadsEmulationBloc.trim() !== '';
  return [
    check(
      'leads_bloc',
      met(leads),
      leads
        ? { vi: `Dẫn đầu khối thi đua: ${c.leadsEmulationBloc}`, en: `Leads its emulation bloc: ${c.leadsEmulationBloc}` }
        : {
            vi: 'Cần là tập thể dẫn đầu khối, cụm thi đua của Thành phố trong năm',
            en: 'Must be the collective leading its emulation bloc of the city this year',
          },
      titleTexts.CO_TD_TP.legalBasis,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------

/** The checks of one title, after the ones every nomination gets. */
function titleChecks(facts: Facts): EligibilityCheck[] {
  switch (facts.titleCode) {
    case 'LDTT':
      return [ratingGoodCheck(facts), participationCheck()];
    case 'CSTD_CS':
      return [ldttSameYearCheck(facts), cstdCsAchievementCheck(facts)];
    case 'CSTD_TP':
      return [cstdCsThreeYearsCheck(facts), cityScopeInitiativeCheck(facts)];
    case 'BK_CT_TP':
      return [certificateOfMeritCheck(facts)];
    case 'GIAY_KHEN':
      return [
        check(
          'giay_khen_standards',
          'for_council',
          { vi: 'Thành tích xứng đáng tặng Giấy khen: Hội đồng xét', en: 'Whether the achievements merit it: judged by the council' },
          titleTexts.GIAY_KHEN.legalBasis,
        ),
      ];
    case 'TTLDTT':
    case 'TTLDXS':
    case 'CO_TD_TP': {
      const missing = collectiveFactsCheck(facts);
      if (missing || !facts.collective) return missing ? [missing] : [];
      if (facts.titleCode === 'TTLDTT') return [ratingGoodCheck(facts), ...advancedCollectiveChecks(facts, facts.collective)];
      if (facts.titleCode === 'TTLDXS') return excellentCollectiveChecks(facts, facts.collective);
      return flagChecks(facts.collective);
    }
  }
}

/** Every check of a nomination, each saying in both languages what it found and on what rule; eligible when none is unmet. */
export function evaluateEligibility(facts: Facts): Eligibility {
  const checks = [subjectCheck(facts), issuerCheck(facts), unitScopeCheck(facts), notUnderReviewCheck(facts)];
  // A title for the wrong kind of nominee has no criteria to read.
  if (checks[0]!.status === 'met') checks.push(...titleChecks(facts));
  return { isEligible: checks.every((c) => c.status !== 'not_met'), checks };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
