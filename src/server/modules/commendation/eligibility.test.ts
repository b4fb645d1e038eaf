import { describe, expect, it } from 'vitest';
import type { CommendationTitleCode } from '../../../shared/contracts/commendation.js';
import { evaluateEligibility, type Facts, type HeldTitle, type RecognisedInitiative } from './eligibility.js';
import { issuerOf } from './rules.js';
import { isQuorumMet, isThresholdMet } from './votes.js';

/**
 * One test per rule, each citing where the rule comes from (docs/commendation.md lists the sources).
 * The facts are written out by hand, apart from the code that gathers them.
 */
const titleSetup: Record<CommendationTitleCode, Pick<Facts, 'titleSubject' | 'issuers'>> = {
  LDTT: { titleSubject: 'individual', issuers: ['department_head', 'ward_chairman'] },
  CSTD_CS: { titleSubject: 'individual', issuers: ['department_head'] },
  CSTD_TP: { titleSubject: 'individual', issuers: ['city_chairman'] },
  TTLDTT: { titleSubject: 'collective', issuers: ['department_head'] },
  TTLDXS: { titleSubject: 'collective', issuers: ['city_chairman'] },
  CO_TD_TP: { titleSubject: 'collective', issuers: ['city_chairman'] },
  GIAY_KHEN: { titleSubject: 'both', issuers: ['department_head', 'ward_chairman'] },
  BK_CT_TP: { titleSubject: 'both', issuers: ['city_chairman'] },
};

function factsFor(titleCode: CommendationTitleCode, over: Partial<Facts> = {}): Facts {
  const setup = titleSetup[titleCode];
  return {
    titleCode,
    titleName: { vi: titleCode, en: titleCode },
    ...setup,
    requiresInitiative: false,
    subject: setup.titleSubject === 'collective' ? 'collective' : 'individual',
    year: 2025,
    issuer: setup.issuers[0]!,
    isNomineeInUnit: true,
    isUnderReview: false,
    ratings: [],
    scienceWorks: [],
    collective: null,
    heldTitles: [],
    initiatives: [],
    ...over,
  };
}
const held = (titleCode: CommendationTitleCode, year: number): HeldTitle => ({
  year,
  titleCode,
  label: `${year} ${titleCode}`,
  href: null,
  source: 'declared_title',
});
const initiative = (code: string, year: number, scope: RecognisedInitiative['scope'] = 'unit'): RecognisedInitiative => ({
  id: `00000000-0000-4000-8000-00000000000${code.length}`,
  code,
  title: `Sáng kiến ${code}`,
  scope,
  recognisedYear: year,
  href: `/thu-vien-sang-kien/${code}`,
});
const statusOf = (facts: Facts, code: string) => evaluateEligibility(facts).checks.find((c) => c.code === code)?.status;
const checkOf = (facts: Facts, code: string) => evaluateEligibility(facts).checks.find((c) => c.code === code)!;
const collective = (over: Partial<NonNullable<Facts['collective']>> = {}): NonNullable<Facts['collective']> => ({
  members: 20,
  membersCompletingTasks: 20,
  membersLdtt: 15,
  membersCstdCs: 1,
  membersDisciplined: 0,
  leadsEmulationBloc: null,
  ...over,
});

describe('who decides (Law 06/2022/QH15, Article 80)', () => {
  it('Article 80(1): a department head gives Chiến sĩ thi đua cơ sở; a department nominating at unit level is decided by its head', () => {
    expect(issuerOf('unit', 'department')).toBe('department_head');
    expect(issuerOf('unit', 'agency')).toBe('department_head');
    expect(statusOf(factsFor('CSTD_CS'), 'issuer')).toBe('met');
  });

  it('Article 80(1), (3): a unit head’s Giấy khen is never given at city scope', () => {
    const atCity = checkOf(factsFor('GIAY_KHEN', { issuer: issuerOf('city', 'department') }), 'issuer');
    expect(atCity.status).toBe('not_met');
    expect(atCity.message.vi).toContain('Chủ tịch Ủy ban nhân dân Thành phố không tặng');
    expect(atCity.message.en).toContain('the Chairman of the City People’s Committee does not give it');
    expect(atCity.basis.vi).toContain('Điều 80');
  });

  it('Article 80(3): a ward chairman gives Lao động tiên tiến and Giấy khen, not Chiến sĩ thi đua cơ sở', () => {
    const ward = issuerOf('unit', 'ward');
    expect(ward).toBe('ward_chairman');
    expect(statusOf(factsFor('LDTT', { issuer: ward, ratings: [{ year: 2025, rating: 'good' }] }), 'issuer')).toBe('met');
    expect(statusOf(factsFor('GIAY_KHEN', { issuer: ward }), 'issuer')).toBe('met');
    const cstd = checkOf(factsFor('CSTD_CS', { issuer: ward }), 'issuer');
    expect(cstd.status).toBe('not_met');
    expect(cstd.basis.vi).toBe('Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 80 khoản 1');
  });

  it('Article 80: a city title proposed from a department is decided by the Chairman of the City People’s Committee, and only so', () => {
    expect(issuerOf('city', 'department')).toBe('city_chairman');
    expect(statusOf(factsFor('CSTD_TP', { issuer: 'city_chairman' }), 'issuer')).toBe('met');
    expect(statusOf(factsFor('CSTD_TP', { issuer: 'department_head' }), 'issuer')).toBe('not_met');
  });
});

describe('checks every nomination gets', () => {
  it('Article 83(1): a unit nominates only people and collectives it manages', () => {
    const check = checkOf(factsFor('LDTT', { isNomineeInUnit: false }), 'unit_scope');
    expect(check.status).toBe('not_met');
    expect(check.basis.en).toBe('Law on Emulation and Commendation 06/2022/QH15, Article 83(1)');
  });

  it('Decree 152/2025/NĐ-CP, Article 4(4): nothing is proposed while a disciplinary review or complaint is open', () => {
    const facts = factsFor('LDTT', { isUnderReview: true, ratings: [{ year: 2025, rating: 'excellent' }] });
    expect(evaluateEligibility(facts).isEligible).toBe(false);
    expect(checkOf(facts, 'not_under_review').basis.vi).toBe('Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4');
  });

  it('a title for individuals is not given to a collective, and its criteria are then not read', () => {
    const result = evaluateEligibility(factsFor('LDTT', { subject: 'collective' }));
    expect(result.checks.find((c) => c.code === 'subject')!.status).toBe('not_met');
    expect(result.checks.map((c) => c.code)).not.toContain('rating_good');
  });
});

describe('Lao động tiên tiến (Law 06/2022/QH15, Article 24)', () => {
  it('Article 24(1)(a): tasks completed well or better; "completed" alone is not enough', () => {
    expect(statusOf(factsFor('LDTT', { ratings: [{ year: 2025, rating: 'good' }] }), 'rating_good')).toBe('met');
    expect(statusOf(factsFor('LDTT', { ratings: [{ year: 2025, rating: 'completed' }] }), 'rating_good')).toBe('not_met');
    // A rating of another year does not count for this one.
    expect(statusOf(factsFor('LDTT', { ratings: [{ year: 2024, rating: 'excellent' }] }), 'rating_good')).toBe('not_met');
  });

  it('Article 24(1)(b): the spirit of emulation is left to the council, and does not block', () => {
    const result = evaluateEligibility(factsFor('LDTT', { ratings: [{ year: 2025, rating: 'good' }] }));
    expect(result.checks.find((c) => c.code === 'participation')!.status).toBe('for_council');
    expect(result.isEligible).toBe(true);
  });
});

describe('Chiến sĩ thi đua cơ sở (Law 06/2022/QH15, Article 23)', () => {
  const ldtt = [held('LDTT', 2025)];

  it('Article 23(1): needs Lao động tiên tiến the same year', () => {
    const without = checkOf(
      factsFor('CSTD_CS', { ratings: [{ year: 2025, rating: 'excellent' }], heldTitles: [held('LDTT', 2024)] }),
      'ldtt_same_year',
    );
    expect(without.status).toBe('not_met');
    expect(without.message.en).toContain('Needs Advanced Worker in 2025');
    expect(statusOf(factsFor('CSTD_CS', { heldTitles: ldtt }), 'ldtt_same_year')).toBe('met');
  });

  it('Article 23(2): a recognised initiative of that year is enough, and the check links it', () => {
    const check = checkOf(
      factsFor('CSTD_CS', { heldTitles: ldtt, ratings: [{ year: 2025, rating: 'good' }], initiatives: [initiative('SK-1', 2025)] }),
      'cstd_cs_achievement',
    );
    expect(check.status).toBe('met');
    expect(check.message.vi).toContain('sáng kiến được công nhận năm 2025: SK-1');
    expect(check.evidence).toEqual([{ kind: 'initiative', label: 'SK-1 — Sáng kiến SK-1', href: '/thu-vien-sang-kien/SK-1' }]);
  });

  it('Article 23(2): excellent work alone is one of the ways (the 2022 Law, as the Ministry of Home Affairs applies it), and the check says so', () => {
    const check = checkOf(factsFor('CSTD_CS', { heldTitles: ldtt, ratings: [{ year: 2025, rating: 'excellent' }] }), 'cstd_cs_achievement');
    expect(check.status).toBe('met');
    expect(check.message.en).toBe('Met through: tasks completed excellently in 2025');
  });

  it('Article 23(2): good work with an initiative of another year is not enough', () => {
    const check = checkOf(
      factsFor('CSTD_CS', { heldTitles: ldtt, ratings: [{ year: 2025, rating: 'good' }], initiatives: [initiative('SK-1', 2024)] }),
      'cstd_cs_achievement',
    );
    expect(check.status).toBe('not_met');
    expect(check.message.vi).toContain('chưa tìm thấy sáng kiến được công nhận của người này trong năm 2025');
  });

  it('with the title’s "initiative required" setting (the rule before 2024), excellent work alone is refused; an accepted scientific work still counts', () => {
    const strict = { heldTitles: ldtt, ratings: [{ year: 2025, rating: 'excellent' as const }], requiresInitiative: true };
    expect(statusOf(factsFor('CSTD_CS', strict), 'cstd_cs_achievement')).toBe('not_met');
    expect(
      statusOf(
        factsFor('CSTD_CS', { ...strict, scienceWorks: [{ title: 'Đề tài', acceptedYear: 2025, scope: 'unit' }] }),
        'cstd_cs_achievement',
      ),
    ).toBe('met');
  });
});

describe('Chiến sĩ thi đua Thành phố (Law 06/2022/QH15, Article 22)', () => {
  const cityInitiative = [initiative('SK-TP', 2024, 'city')];

  it('Article 22(1): 2 consecutive Chiến sĩ thi đua cơ sở are refused; 3 in a row ending in the year are accepted', () => {
    const two = checkOf(
      factsFor('CSTD_TP', { heldTitles: [held('CSTD_CS', 2024), held('CSTD_CS', 2025)], initiatives: cityInitiative }),
      'cstd_cs_three_years',
    );
    expect(two.status).toBe('not_met');
    expect(two.message.vi).toContain('còn thiếu năm 2023');
    const gap = checkOf(
      factsFor('CSTD_TP', { heldTitles: [held('CSTD_CS', 2022), held('CSTD_CS', 2024), held('CSTD_CS', 2025)] }),
      'cstd_cs_three_years',
    );
    expect(gap.status).toBe('not_met');
    const three = factsFor('CSTD_TP', {
      heldTitles: [held('CSTD_CS', 2023), held('CSTD_CS', 2024), held('CSTD_CS', 2025)],
      initiatives: cityInitiative,
    });
    expect(statusOf(three, 'cstd_cs_three_years')).toBe('met');
    expect(evaluateEligibility(three).isEligible).toBe(true);
  });

  it('Article 22(2): the initiative must reach the whole city; one recognised at the unit does not', () => {
    const years = [held('CSTD_CS', 2023), held('CSTD_CS', 2024), held('CSTD_CS', 2025)];
    expect(
      statusOf(factsFor('CSTD_TP', { heldTitles: years, initiatives: [initiative('SK-CS', 2025, 'unit')] }), 'city_scope_initiative'),
    ).toBe('not_met');
    expect(
      statusOf(
        factsFor('CSTD_TP', { heldTitles: years, scienceWorks: [{ title: 'Đề tài', acceptedYear: 2025, scope: 'city' }] }),
        'city_scope_initiative',
      ),
    ).toBe('met');
  });
});

describe('Bằng khen của Chủ tịch UBND Thành phố (Law 06/2022/QH15, Article 74(1)(d))', () => {
  it('the Ministry of Home Affairs’ example: excellent work in 2023 and 2024, one initiative each year, is eligible', () => {
    const facts = factsFor('BK_CT_TP', {
      year: 2024,
      ratings: [
        { year: 2023, rating: 'excellent' },
        { year: 2024, rating: 'excellent' },
      ],
      initiatives: [initiative('SK-A', 2023), initiative('SK-BB', 2024)],
    });
    expect(statusOf(facts, 'bk_point_d')).toBe('met');
  });

  it('Grassroots Emulation Fighter twice in a row meets point (d); once, with one initiative, leaves it to the council', () => {
    expect(statusOf(factsFor('BK_CT_TP', { heldTitles: [held('CSTD_CS', 2024), held('CSTD_CS', 2025)] }), 'bk_point_d')).toBe('met');
    const once = evaluateEligibility(
      factsFor('BK_CT_TP', { heldTitles: [held('CSTD_CS', 2025)], initiatives: [initiative('SK-1', 2025)] }),
    );
    expect(once.checks.find((c) => c.code === 'bk_point_d')!.status).toBe('for_council');
    expect(once.isEligible).toBe(true);
  });
});

describe('collective titles', () => {
  it('Article 27(1)(c): Tập thể lao động xuất sắc with 69 % Advanced Workers is refused; 70 % is enough', () => {
    const base = { ratings: [{ year: 2025, rating: 'excellent' as const }] };
    const short = checkOf(
      factsFor('TTLDXS', { ...base, collective: collective({ members: 100, membersCompletingTasks: 100, membersLdtt: 69 }) }),
      'ldtt_70',
    );
    expect(short.status).toBe('not_met');
    expect(short.message.vi).toContain('69/100 (69%)');
    expect(
      statusOf(
        factsFor('TTLDXS', { ...base, collective: collective({ members: 10, membersCompletingTasks: 10, membersLdtt: 7 }) }),
        'ldtt_70',
      ),
    ).toBe('met');
  });

  it('Article 27(1)(c), (d): every member must complete their tasks, and one must be Chiến sĩ thi đua cơ sở', () => {
    const base = { ratings: [{ year: 2025, rating: 'excellent' as const }] };
    expect(statusOf(factsFor('TTLDXS', { ...base, collective: collective({ membersCompletingTasks: 19 }) }), 'all_members_complete')).toBe(
      'not_met',
    );
    expect(statusOf(factsFor('TTLDXS', { ...base, collective: collective({ membersCstdCs: 0 }) }), 'has_cstd_cs_member')).toBe('not_met');
    expect(evaluateEligibility(factsFor('TTLDXS', { ...base, collective: collective() })).isEligible).toBe(true);
  });

  it('Article 28: Tập thể lao động tiên tiến needs MORE than half Advanced Workers and no member reprimanded or worse', () => {
    const base = { ratings: [{ year: 2025, rating: 'good' as const }] };
    expect(statusOf(factsFor('TTLDTT', { ...base, collective: collective({ members: 10, membersLdtt: 5 }) }), 'ldtt_over_half')).toBe(
      'not_met',
    );
    expect(statusOf(factsFor('TTLDTT', { ...base, collective: collective({ members: 10, membersLdtt: 6 }) }), 'ldtt_over_half')).toBe(
      'met',
    );
    expect(statusOf(factsFor('TTLDTT', { ...base, collective: collective({ membersDisciplined: 1 }) }), 'no_member_disciplined')).toBe(
      'not_met',
    );
  });

  it('Article 26(1): the city’s emulation flag goes to the collective leading its bloc', () => {
    expect(statusOf(factsFor('CO_TD_TP', { collective: collective() }), 'leads_bloc')).toBe('not_met');
    expect(statusOf(factsFor('CO_TD_TP', { collective: collective({ leadsEmulationBloc: 'Khối các sở kinh tế' }) }), 'leads_bloc')).toBe(
      'met',
    );
  });

  it('a collective title without the collective’s figures asks for them', () => {
    expect(checkOf(factsFor('TTLDXS'), 'collective_facts').status).toBe('not_met');
  });
});

describe('the council’s vote', () => {
  const tally = (votesFor: number, thresholdPercent: number, isThresholdStrict = false) => ({
    votesFor,
    thresholdPercent,
    isThresholdStrict,
    quorumNumerator: 2,
    quorumDenominator: 3,
  });

  it('Decree 91/2017/NĐ-CP, Article 45(8) default for Chiến sĩ thi đua Thành phố: 89 % of all members is refused, 90 % approved', () => {
    expect(isThresholdMet(tally(89, 90), 100)).toBe(false);
    expect(isThresholdMet(tally(90, 90), 100)).toBe(true);
    // Counted on all members: 9 of 10 present is still 9 of the 11 on the council.
    expect(isThresholdMet(tally(9, 90), 11)).toBe(false);
  });

  it('a simple majority (the default where no source gives a figure) is more than half: a tie fails', () => {
    expect(isThresholdMet(tally(3, 50, true), 6)).toBe(false);
    expect(isThresholdMet(tally(4, 50, true), 6)).toBe(true);
  });

  it('the chair may close only once 2/3 of all members have voted (quorum, a setting)', () => {
    expect(isQuorumMet(tally(0, 90), 1, 3)).toBe(false);
    expect(isQuorumMet(tally(0, 90), 2, 3)).toBe(true);
    expect(isQuorumMet(tally(0, 90), 6, 10)).toBe(false);
    expect(isQuorumMet(tally(0, 90), 7, 10)).toBe(true);
  });
});
