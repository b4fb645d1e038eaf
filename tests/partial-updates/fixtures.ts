import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { editLoaded } from '../support/versions.js';

/** Who patches (and reads back) a resource. */
export type Patcher = 'programme manager' | 'administrator' | 'registered user' | 'unit officer';

export type FixtureContext = {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** The id of an active demo unit by its code. */
  unitId(code: string): Promise<string>;
};

/** One field of a PATCH body: a valid value different from the resource's, and where it shows when read back. */
export type FieldChange = {
  value: unknown;
  /** Paths of the representation this field sets (the first shows the value) and that follow from it. */
  touches: [string, ...string[]];
  /** What the first touched path reads after the change, when it is not `value` as sent. */
  reads?: (shown: unknown) => unknown;
  expected?: unknown;
};

/** A resource made for the test with every field away from its default, and how to patch and read it. */
export type Subject = {
  url: string;
  read(): Promise<Record<string, unknown>>;
  /** Paths that change on every write (timestamps). */
  volatile?: string[];
  fields: Record<string, FieldChange>;
};

export type PatchFixture = { patcher: Patcher; setup(ctx: FixtureContext): Promise<Subject> };

/** The JSON of a response that must have this status. */
export function expectStatus<T = Record<string, unknown>>(res: LightMyRequestResponse, status: number): T {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

const ids = (list: unknown) => (list as Array<{ id: string }>).map((item) => item.id);

/**
 * Every PATCH route of the API, keyed as in the OpenAPI document. A PATCH route without an entry
 * here fails the test: say how to create the resource, read it back and change each field.
 */
export const patchFixtures: Record<string, PatchFixture> = {
  'PATCH /api/account': {
    patcher: 'registered user',
    async setup({ request }) {
      expectStatus(
        await editLoaded(request, '/api/account', {
          displayName: 'Nguyễn Thị Bình',
          locale: 'en',
          phone: '+84 912 345 678',
          organizationName: 'Công ty Sáng Tạo',
        }),
        200,
      );
      return {
        url: '/api/account',
        read: async () => expectStatus(await request({ method: 'GET', url: '/api/account' }), 200),
        fields: {
          displayName: { value: 'Trần Văn Cường', touches: ['displayName'] },
          locale: { value: 'vi', touches: ['locale'] },
          phone: { value: '028 3829 7000', touches: ['phone'] },
          organizationName: { value: 'Hợp tác xã Đổi Mới', touches: ['organizationName'] },
        },
      };
    },
  },

  'PATCH /api/admin/units/{id}': {
    patcher: 'administrator',
    async setup({ request, unitId }) {
      const created = expectStatus<{ id: string }>(
        await request({
          method: 'POST',
          url: '/api/admin/units',
          payload: { code: 'PATCH-TEST', nameVi: 'Phường Thử Nghiệm', nameEn: 'Test Ward', kind: 'ward', parentId: await unitId('79') },
        }),
        201,
      );
      return {
        url: `/api/admin/units/${created.id}`,
        read: async () => {
          const { items } = expectStatus<{ items: Array<{ id: string }> }>(await request({ method: 'GET', url: '/api/admin/units' }), 200);
          return items.find((unit) => unit.id === created.id)!;
        },
        fields: {
          nameVi: { value: 'Phường Đã Đổi Tên', touches: ['name.vi'] },
          nameEn: { value: 'Renamed Ward', touches: ['name.en'] },
          kind: { value: 'commune', touches: ['kind'] },
          parentId: { value: await unitId('SKHCN'), touches: ['parentId'] },
          isActive: { value: false, touches: ['isActive'] },
        },
      };
    },
  },

  'PATCH /api/plans/{planId}': {
    patcher: 'programme manager',
    async setup({ request }) {
      const plan = expectStatus<{ id: string }>(
        await request({
          method: 'POST',
          url: '/api/plans',
          payload: {
            code: 'KH-PATCH',
            titleVi: 'Kế hoạch thử cập nhật từng phần',
            titleEn: 'Plan for partial updates',
            issuingBodyVi: 'Ủy ban nhân dân Thành phố',
            issuingBodyEn: 'City People’s Committee',
            issuedOn: '2025-05-20',
            periodStart: 2025,
            periodEnd: 2030,
            sourceDocument: 'Quyết định 1/QĐ-UBND',
            isPublic: true,
          },
        }),
        201,
      );
      return {
        url: `/api/plans/${plan.id}`,
        read: async () => expectStatus(await request({ method: 'GET', url: `/api/plans/${plan.id}` }), 200),
        fields: {
          code: { value: 'KH-PATCH-2', touches: ['code'] },
          titleVi: { value: 'Kế hoạch đã đổi tên', touches: ['title.vi'] },
          titleEn: { value: 'Renamed plan', touches: ['title.en'] },
          issuingBodyVi: { value: 'Sở Khoa học và Công nghệ', touches: ['issuingBody.vi'] },
          issuingBodyEn: { value: 'Department of Science and Technology', touches: ['issuingBody.en'] },
          issuedOn: { value: '2025-06-01', touches: ['issuedOn'] },
          periodStart: { value: 2026, touches: ['periodStart'] },
          periodEnd: { value: 2029, touches: ['periodEnd'] },
          sourceDocument: { value: 'Kế hoạch 2/KH-UBND', touches: ['sourceDocument'] },
          isPublic: { value: false, touches: ['isPublic'] },
        },
      };
    },
  },

  'PATCH /api/plans/groups/{groupId}': {
    patcher: 'programme manager',
    async setup({ request }) {
      const plan = expectStatus<{ id: string }>(
        await request({
          method: 'POST',
          url: '/api/plans',
          payload: {
            code: 'KH-NHOM',
            titleVi: 'Kế hoạch thử sửa nhóm',
            issuingBodyVi: 'Ủy ban nhân dân Thành phố',
            periodStart: 2026,
            periodEnd: 2030,
          },
        }),
        201,
      );
      const group = expectStatus<{ id: string }>(
        await request({
          method: 'POST',
          url: `/api/plans/${plan.id}/groups`,
          payload: { titleVi: 'Nhóm hạ tầng số', titleEn: 'Digital infrastructure', descriptionVi: 'Mô tả', descriptionEn: 'Description' },
        }),
        201,
      );
      const url = `/api/plans/groups/${group.id}`;
      return {
        url,
        read: async () => expectStatus(await request({ method: 'GET', url }), 200),
        fields: {
          titleVi: { value: 'Nhóm dữ liệu số', touches: ['titleVi'] },
          titleEn: { value: 'Digital data', touches: ['titleEn'] },
          descriptionVi: { value: 'Mô tả mới', touches: ['descriptionVi'] },
          descriptionEn: { value: 'New description', touches: ['descriptionEn'] },
        },
      };
    },
  },

  'PATCH /api/plans/tasks/{taskId}': {
    patcher: 'programme manager',
    async setup({ request, unitId }) {
      const post = async (url: string, payload: object) =>
        expectStatus<{ id: string }>(await request({ method: 'POST', url, payload }), 201).id;
      const planId = await post('/api/plans', {
        code: 'KH-PATCH-NV',
        titleVi: 'Kế hoạch có nhiệm vụ',
        issuingBodyVi: 'Ủy ban nhân dân Thành phố',
        periodStart: 2026,
        periodEnd: 2030,
        isPublic: true,
      });
      const [groupA, groupB] = [
        await post(`/api/plans/${planId}/groups`, { titleVi: 'Nhóm thứ nhất' }),
        await post(`/api/plans/${planId}/groups`, { titleVi: 'Nhóm thứ hai' }),
      ];
      const lead = await unitId('SKHCN');
      const [parentA, parentB] = [
        await post(`/api/plans/${planId}/tasks`, { code: 'NV-A', titleVi: 'Nhiệm vụ cha A', leadUnitId: lead }),
        await post(`/api/plans/${planId}/tasks`, { code: 'NV-B', titleVi: 'Nhiệm vụ cha B', leadUnitId: lead }),
      ];
      // Every field away from its default: internal, English title, descriptions, group, units…
      const taskId = await post(`/api/plans/${planId}/tasks`, {
        code: 'NV-A.1',
        titleVi: 'Xây dựng nền tảng dữ liệu dùng chung',
        titleEn: 'Build the shared data platform',
        descriptionVi: 'Mô tả tiếng Việt',
        descriptionEn: 'English description',
        groupId: groupA,
        parentId: parentA,
        leadUnitId: lead,
        cooperatingUnitIds: [await unitId('SNV'), await unitId('25747')],
        startOn: '2026-01-05',
        dueOn: '2026-12-31',
        productVi: 'Nền tảng vận hành',
        productEn: 'A running platform',
        priority: 'high',
        indicatorCodes: ['KTS-GRDP'],
        isPublic: false,
        reportingPeriod: 'monthly',
      });
      const status = ['status', 'isDueSoon', 'can'];
      return {
        url: `/api/plans/tasks/${taskId}`,
        read: async () => expectStatus(await request({ method: 'GET', url: `/api/plans/tasks/${taskId}` }), 200),
        fields: {
          titleVi: { value: 'Tên nhiệm vụ mới', touches: ['title.vi'] },
          titleEn: { value: 'New task title', touches: ['title.en'] },
          descriptionVi: { value: 'Mô tả mới', touches: ['description.vi'] },
          descriptionEn: { value: 'New description', touches: ['description.en'] },
          groupId: { value: groupB, touches: ['groupId'] },
          parentId: { value: parentB, touches: ['parentId'] },
          leadUnitId: { value: await unitId('SYT'), touches: ['leadUnit.id', 'leadUnit.code', 'leadUnit.name', ...status] },
          cooperatingUnitIds: { value: [await unitId('VPUBND')], touches: ['cooperatingUnits', 'can'], reads: ids },
          startOn: { value: '2026-02-01', touches: ['startOn', ...status] },
          dueOn: { value: '2027-06-30', touches: ['dueOn', ...status] },
          productVi: { value: 'Sản phẩm mới', touches: ['product.vi'] },
          productEn: { value: 'New product', touches: ['product.en'] },
          priority: { value: 'low', touches: ['priority'] },
          indicatorCodes: { value: ['DN-DMST'], touches: ['indicatorCodes'] },
          isPublic: { value: true, touches: ['isPublic'] },
          reportingPeriod: { value: 'quarterly', touches: ['reportingPeriod', ...status] },
        },
      };
    },
  },

  'PATCH /api/indicators/{id}': {
    patcher: 'programme manager',
    async setup({ request }) {
      const created = expectStatus<{ id: string }>(
        await request({
          method: 'POST',
          url: '/api/indicators',
          payload: {
            frameworkCode: 'TP-2030',
            code: 'PATCH-1',
            nameVi: 'Tỷ lệ hồ sơ trực tuyến',
            nameEn: 'Share of online applications',
            unitVi: '%',
            unitEn: '%',
            methodVi: 'Số hồ sơ trực tuyến chia tổng số hồ sơ',
            methodEn: 'Online applications over all applications',
            dataSourceVi: 'Cổng dịch vụ công',
            dataSourceEn: 'Public service portal',
            direction: 'lower',
            baseline: { value: 40, year: 2024, isIllustrative: true },
            targets: [{ year: 2030, min: 80, max: 90, isIllustrative: true }],
            responsibleUnitCode: 'SKHCN',
            frequency: 'quarter',
            reportingFromYear: 2025,
            planTaskCodes: ['NV-1'],
            sourceNote: 'Báo cáo của Sở',
            isHeadline: true,
            isPublic: false,
          },
        }),
        201,
      );
      return {
        url: `/api/indicators/${created.id}`,
        read: async () => expectStatus(await request({ method: 'GET', url: `/api/indicators/${created.id}` }), 200),
        fields: {
          nameVi: { value: 'Tỷ lệ hồ sơ xử lý trực tuyến', touches: ['nameVi'] },
          nameEn: { value: 'Share of applications handled online', touches: ['nameEn'] },
          unitVi: { value: 'phần trăm', touches: ['unitVi'] },
          unitEn: { value: 'percent', touches: ['unitEn'] },
          methodVi: { value: null, touches: ['methodVi'] },
          methodEn: { value: 'A new method', touches: ['methodEn'] },
          dataSourceVi: { value: 'Cục Thống kê', touches: ['dataSourceVi'] },
          dataSourceEn: { value: null, touches: ['dataSourceEn'] },
          direction: { value: 'higher', touches: ['direction'] },
          baseline: { value: { value: 35, year: 2023, isIllustrative: false, qualifier: null }, touches: ['baseline'] },
          targets: { value: [{ year: 2028, min: 70, max: null, isIllustrative: false, qualifier: null }], touches: ['targets'] },
          responsibleUnitCode: { value: 'SYT', touches: ['responsibleUnitCode'] },
          frequency: { value: 'year', touches: ['frequency'] },
          reportingFromYear: { value: 2026, touches: ['reportingFromYear'] },
          planTaskCodes: { value: ['NV-2', 'NV-3'], touches: ['planTaskCodes'] },
          sourceNote: { value: 'Số liệu ước tính', touches: ['sourceNote'] },
          measureKey: { value: 'share_of_applications_online', touches: ['measureKey'] },
          projectionMethod: { value: 'share', touches: ['projectionMethod'] },
          isHeadline: { value: false, touches: ['isHeadline'] },
          isPublic: { value: true, touches: ['isPublic'] },
        },
      };
    },
  },

  'PATCH /api/ecosystem/organisations/{id}': {
    patcher: 'registered user',
    async setup({ request, unitId }) {
      const profile = expectStatus<{ id: string }>(
        await request({
          method: 'POST',
          url: '/api/ecosystem/organisations',
          payload: {
            kind: 'startup',
            nameVi: 'Công ty Thử Cập Nhật',
            nameEn: 'Partial Update Co.',
            fields: ['fintech'],
            stage: 'seed',
            servesStages: ['seed'],
            address: '1 Lê Lợi',
            wardUnitId: await unitId('26743'),
            foundedYear: 2022,
            sizeBand: 'micro',
            website: 'https://thu.example.vn',
            contactEmail: 'lien-he@thu.example.vn',
            contactPhone: '028 3822 0000',
            descriptionVi: 'Mô tả',
            descriptionEn: 'Description',
          },
        }),
        201,
      );
      const url = `/api/ecosystem/organisations/${profile.id}`;
      // In this order each change is valid alone: the stage is cleared before the kind changes, the kind before the certificate.
      return {
        url,
        read: async () => expectStatus(await request({ method: 'GET', url }), 200),
        volatile: ['history'],
        fields: {
          nameVi: { value: 'Công ty Đã Đổi Tên', touches: ['nameVi'] },
          nameEn: { value: 'Renamed Co.', touches: ['nameEn'] },
          fields: { value: ['fintech', 'ai'], touches: ['fields'] },
          stage: { value: null, touches: ['stage'] },
          servesStages: { value: ['growth'], touches: ['servesStages'] },
          kind: { value: 'st_enterprise', touches: ['kind'] },
          certificateNumber: { value: '79-001/DNKHCN', touches: ['certificateNumber'] },
          certificateDate: { value: '2025-01-02', touches: ['certificateDate'] },
          address: { value: '2 Nguyễn Huệ', touches: ['address'] },
          wardUnitId: { value: await unitId('26740'), touches: ['ward'], reads: (shown) => (shown as { id: string }).id },
          foundedYear: { value: 2020, touches: ['foundedYear'] },
          sizeBand: { value: 'small', touches: ['sizeBand'] },
          website: { value: 'https://moi.example.vn', touches: ['website'] },
          contactEmail: { value: 'moi@moi.example.vn', touches: ['contactEmail'] },
          contactPhone: { value: '028 3822 1111', touches: ['contactPhone'] },
          descriptionVi: { value: 'Mô tả mới', touches: ['descriptionVi'] },
          descriptionEn: { value: 'New description', touches: ['descriptionEn'] },
        },
      };
    },
  },

  'PATCH /api/commendation/titles/{id}': {
    patcher: 'administrator',
    async setup({ request }) {
      const { titles } = expectStatus<{ titles: Array<{ id: string; code: string }> }>(
        await request({ method: 'GET', url: '/api/commendation/titles' }),
        200,
      );
      const url = `/api/commendation/titles/${titles.find((title) => title.code === 'CSTD_CS')!.id}`;
      // Every setting away from the migration's value first.
      expectStatus(
        await editLoaded(request, url, {
          voteThresholdPercent: 75,
          isThresholdStrict: true,
          quorumNumerator: 3,
          quorumDenominator: 4,
          requiresInitiative: true,
        }),
        200,
      );
      return {
        url,
        read: async () => expectStatus(await request({ method: 'GET', url }), 200),
        fields: {
          voteThresholdPercent: { value: 85, touches: ['voteThresholdPercent'] },
          isThresholdStrict: { value: false, touches: ['isThresholdStrict'] },
          quorumNumerator: { value: 2, touches: ['quorumNumerator'] },
          quorumDenominator: { value: 5, touches: ['quorumDenominator'] },
          requiresInitiative: { value: false, touches: ['requiresInitiative'] },
        },
      };
    },
  },

  'PATCH /api/commendation/nominations/{id}': {
    patcher: 'unit officer',
    async setup({ request, unitId }) {
      const skhcn = await unitId('SKHCN');
      const created = expectStatus<{ id: string }>(
        await request({
          method: 'POST',
          url: '/api/commendation/nominations',
          payload: {
            unitId: skhcn,
            titleCode: 'TTLDTT',
            level: 'unit',
            year: 2025,
            subject: 'collective',
            nomineeName: 'Phòng Kế hoạch (thử cập nhật)',
            nomineeJobTitle: 'Tập thể phòng',
            nomineeUnitId: skhcn,
            achievementReport: 'Báo cáo thành tích của phòng',
            ratings: [{ year: 2025, rating: 'good' }],
            priorTitles: [{ year: 2024, titleCode: 'TTLDTT', decisionRef: 'QĐ 1/QĐ-SKHCN' }],
            scienceWorks: [{ title: 'Đề tài cấp cơ sở', acceptedYear: 2024, scope: 'unit' }],
            collective: {
              members: 10,
              membersCompletingTasks: 10,
              membersLdtt: 6,
              membersCstdCs: 1,
              membersDisciplined: 0,
              leadsEmulationBloc: 'Khối các sở',
            },
            isUnderReview: true,
          },
        }),
        201,
      );
      const url = `/api/commendation/nominations/${created.id}`;
      // In this order each change is valid alone: the collective's figures go before it becomes a person.
      return {
        url,
        read: async () => expectStatus(await request({ method: 'GET', url }), 200),
        volatile: ['updatedAt'],
        fields: {
          titleCode: { value: 'TTLDXS', touches: ['title.code', 'title.name', 'eligibility'] },
          level: { value: 'city', touches: ['level', 'issuer', 'eligibility'] },
          year: { value: 2024, touches: ['year', 'eligibility'] },
          nomineeName: { value: 'Phòng Tổng hợp (thử)', touches: ['nomineeName'] },
          nomineeJobTitle: { value: 'Tập thể', touches: ['nomineeJobTitle'] },
          nomineeUnitId: {
            value: await unitId('SYT'),
            touches: ['nomineeUnit', 'eligibility'],
            reads: (shown) => (shown as { id: string }).id,
          },
          achievementReport: { value: 'Báo cáo mới', touches: ['achievementReport'] },
          ratings: { value: [{ year: 2024, rating: 'excellent' }], touches: ['ratings', 'eligibility'] },
          priorTitles: { value: [], touches: ['priorTitles', 'eligibility'] },
          scienceWorks: { value: [], touches: ['scienceWorks', 'eligibility'] },
          isUnderReview: { value: false, touches: ['isUnderReview', 'eligibility'] },
          collective: { value: null, touches: ['collective', 'eligibility'] },
          subject: { value: 'individual', touches: ['subject', 'eligibility'] },
        },
      };
    },
  },

  'PATCH /api/movement/campaigns/{id}': {
    patcher: 'programme manager',
    async setup({ request }) {
      const campaign = expectStatus<{ id: string }>(
        await request({
          method: 'POST',
          url: '/api/movement/campaigns',
          payload: {
            code: 'PT-PATCH',
            titleVi: 'Phong trào thử sửa từng phần',
            titleEn: 'Campaign for partial updates',
            kind: 'thematic',
            launchingBodyVi: 'Ủy ban nhân dân Thành phố',
            launchingBodyEn: 'City People’s Committee',
            descriptionVi: 'Mô tả ban đầu',
            descriptionEn: 'First description',
            decision: 'Quyết định 1/QĐ-UBND',
            periodStart: '2026-01-01',
            periodEnd: '2027-12-31',
            eligibleParticipants: ['Doanh nghiệp'],
            fields: [{ code: 'cds', nameVi: 'Chuyển đổi số', nameEn: 'Digital transformation' }],
            phases: [
              {
                nameVi: 'Giai đoạn 1',
                nameEn: 'Phase 1',
                startsOn: '2026-01-01',
                endsOn: '2027-12-31',
                review: 'final',
                reviewOn: '2027-12-15',
              },
            ],
            criteria: [
              { code: 'moi', nameVi: 'Tính mới', nameEn: 'Novelty', weight: 40, scaleMin: 0, scaleMax: 10 },
              { code: 'hieu-qua', nameVi: 'Hiệu quả', nameEn: 'Effect', weight: 60, scaleMin: 0, scaleMax: 10 },
            ],
          },
        }),
        201,
      );
      const url = `/api/movement/campaigns/${campaign.id}`;
      type Named = { code: string; name: { vi: string; en: string } };
      const fields = (list: unknown) => (list as Named[]).map((f) => ({ code: f.code, nameVi: f.name.vi, nameEn: f.name.en }));
      const criteria = (list: unknown) =>
        (list as Array<Named & { weight: number; scaleMin: number; scaleMax: number }>).map((c) => ({
          code: c.code,
          nameVi: c.name.vi,
          nameEn: c.name.en,
          weight: c.weight,
          scaleMin: c.scaleMin,
          scaleMax: c.scaleMax,
        }));
      return {
        url,
        read: async () => expectStatus(await request({ method: 'GET', url }), 200),
        fields: {
          titleVi: { value: 'Phong trào đã đổi tên', touches: ['title.vi'] },
          titleEn: { value: 'Renamed campaign', touches: ['title.en'] },
          kind: { value: 'ongoing', touches: ['kind'] },
          launchingBodyVi: { value: 'Sở Khoa học và Công nghệ', touches: ['launchingBody.vi'] },
          launchingBodyEn: { value: 'Department of Science and Technology', touches: ['launchingBody.en'] },
          descriptionVi: { value: 'Mô tả mới', touches: ['description.vi'] },
          descriptionEn: { value: 'New description', touches: ['description.en'] },
          decision: { value: null, touches: ['decision'] },
          periodStart: { value: '2026-03-01', touches: ['periodStart'] },
          periodEnd: { value: '2028-06-30', touches: ['periodEnd'] },
          eligibleParticipants: { value: ['Người dân', 'Nhà khoa học'], touches: ['eligibleParticipants'] },
          fields: {
            value: [
              { code: 'cds', nameVi: 'Chuyển đổi số', nameEn: 'Digital transformation' },
              { code: 'cdx', nameVi: 'Chuyển đổi xanh', nameEn: 'Green transition' },
            ],
            touches: ['fields'],
            reads: fields,
          },
          criteria: {
            value: [{ code: 'nhan-rong', nameVi: 'Khả năng nhân rộng', nameEn: 'Replicability', weight: 100, scaleMin: 1, scaleMax: 5 }],
            touches: ['criteria'],
            reads: criteria,
          },
        },
      };
    },
  },

  'PATCH /api/movement/councils/{id}': {
    patcher: 'programme manager',
    async setup({ request, unitId }) {
      const { campaigns } = expectStatus<{ campaigns: Array<{ id: string; phases: Array<{ id: string; position: number }> }> }>(
        await request({ method: 'GET', url: '/api/movement/campaigns' }),
        200,
      );
      const campaign = campaigns.find((c) => c.phases.length > 1)!;
      const accountId = async (email: string) =>
        expectStatus<{ items: Array<{ id: string; email: string }> }>(
          await request({ method: 'GET', url: `/api/movement/council-candidates?q=${encodeURIComponent(email)}` }),
          200,
        ).items.find((a) => a.email === email)!.id;
      const [chair, first, second, third] = [
        await accountId('lanhdao@demo.doimoi.vn'),
        await accountId('hoidong1@demo.doimoi.vn'),
        await accountId('hoidong2@demo.doimoi.vn'),
        await accountId('hoidong3@demo.doimoi.vn'),
      ];
      const council = expectStatus<{ id: string }>(
        await request({
          method: 'POST',
          url: '/api/movement/councils',
          payload: {
            campaignId: campaign.id,
            phaseId: campaign.phases.find((p) => p.position === 1)!.id,
            nameVi: 'Hội đồng thử sửa từng phần',
            nameEn: 'Council for partial updates',
            approvalThresholdPercent: 75,
            members: [
              { userId: chair, unitId: await unitId('79'), role: 'chair' },
              { userId: first, unitId: await unitId('SKHCN'), role: 'member' },
              { userId: second, unitId: null, role: 'expert' },
            ],
          },
        }),
        201,
      );
      const url = `/api/movement/councils/${council.id}`;
      const members = (list: unknown) =>
        (list as Array<{ userId: string; role: string; unitId: string | null }>)
          .map((m) => ({ userId: m.userId, role: m.role, unitId: m.unitId }))
          .sort((a, b) => a.userId.localeCompare(b.userId));
      const changedMembers = [
        { userId: chair, unitId: await unitId('79'), role: 'chair' },
        { userId: first, unitId: await unitId('SKHCN'), role: 'vice_chair' },
        { userId: third, unitId: await unitId('SYT'), role: 'secretary' },
      ];
      return {
        url,
        read: async () => expectStatus(await request({ method: 'GET', url }), 200),
        fields: {
          phaseId: { value: campaign.phases.find((p) => p.position === 2)!.id, touches: ['phaseId'] },
          nameVi: { value: 'Hội đồng đã đổi tên', touches: ['name.vi'] },
          nameEn: { value: 'Renamed council', touches: ['name.en'] },
          approvalThresholdPercent: { value: 80, touches: ['approvalThresholdPercent'] },
          members: { value: changedMembers, touches: ['members'], reads: members, expected: members(changedMembers) },
        },
      };
    },
  },

  'PATCH /api/movement/initiatives/{id}': {
    patcher: 'registered user',
    async setup({ request, unitId }) {
      const { campaigns } = expectStatus<{
        campaigns: Array<{ id: string; calls: Array<{ id: string }>; fields: Array<{ code: string }> }>;
      }>(await request({ method: 'GET', url: '/api/movement/campaigns' }), 200);
      const campaign = campaigns.find((c) => c.calls.length > 0 && c.fields.length > 1)!;
      const author = (fullName: string, contributionPercent: number) => ({
        fullName,
        email: null,
        birthDate: '1985-07-14',
        workplace: 'Sở Y tế',
        jobTitle: 'Kỹ sư',
        qualification: 'Thạc sĩ',
        contributionPercent,
      });
      const applier = (fullName: string) => ({
        fullName,
        birthDate: '1990-01-02',
        workplace: 'Bệnh viện Quận',
        jobTitle: 'Bác sĩ',
        qualification: 'Đại học',
        contribution: 'Áp dụng thử',
      });
      const draft = expectStatus<{ id: string }>(
        await request({
          method: 'POST',
          url: '/api/movement/initiatives',
          payload: {
            campaignId: campaign.id,
            callId: campaign.calls[0]!.id,
            unitId: await unitId('SYT'),
            title: 'Hẹn khám bệnh qua Zalo',
            kind: 'management',
            fieldCode: campaign.fields[0]!.code,
            ownerName: 'Bệnh viện Nhân dân',
            firstAppliedOn: '2025-03-01',
            essence: 'Bản chất của giải pháp',
            confidentialInfo: 'Thông tin cần bảo mật',
            conditions: 'Điều kiện áp dụng',
            benefits: 'Lợi ích thu được',
            appliedBy: [applier('Lê Thị Dung')],
            authors: [author('Phạm Văn Em', 100)],
          },
        }),
        201,
      );
      const people = (list: unknown) => (list as Array<{ fullName: string }>).map((person) => person.fullName);
      return {
        url: `/api/movement/initiatives/${draft.id}`,
        read: async () => expectStatus(await request({ method: 'GET', url: `/api/movement/initiatives/${draft.id}` }), 200),
        volatile: ['updatedAt'],
        fields: {
          callId: { value: null, touches: ['callId'] },
          unitId: { value: await unitId('SKHCN'), touches: ['unitId', 'unitName'] },
          title: { value: 'Đặt lịch khám trực tuyến', touches: ['title'] },
          kind: { value: 'technical', touches: ['kind'] },
          fieldCode: { value: campaign.fields[1]!.code, touches: ['fieldCode'] },
          ownerName: { value: 'Trung tâm Y tế', touches: ['ownerName'] },
          firstAppliedOn: { value: '2024-11-15', touches: ['firstAppliedOn'] },
          essence: { value: 'Bản chất mới', touches: ['essence'] },
          confidentialInfo: { value: 'Bí mật mới', touches: ['confidentialInfo'] },
          conditions: { value: 'Điều kiện mới', touches: ['conditions'] },
          benefits: { value: 'Lợi ích mới', touches: ['benefits'] },
          appliedBy: {
            value: [applier('Võ Thị Giang'), applier('Đỗ Văn Hùng')],
            touches: ['appliedBy'],
            reads: people,
            expected: ['Võ Thị Giang', 'Đỗ Văn Hùng'],
          },
          authors: {
            value: [author('Phạm Văn Em', 60), author('Ngô Thị Lan', 40)],
            touches: ['authors'],
            reads: people,
            expected: ['Phạm Văn Em', 'Ngô Thị Lan'],
          },
        },
      };
    },
  },

  'PATCH /api/reports/regimes/{id}': {
    patcher: 'programme manager',
    async setup({ request, unitId }) {
      const regime = expectStatus<{ id: string }>(
        await request({
          method: 'POST',
          url: '/api/reports/regimes',
          payload: {
            code: 'BC-PATCH',
            name: { vi: 'Tình hình thực hiện thử cập nhật', en: 'Partial update trial' },
            periodKind: 'quarter',
            issuerUnitId: await unitId('SKHCN'),
            unitIds: [await unitId('SYT')],
            sections: [{ key: 'results', title: { vi: 'Kết quả', en: 'Results' } }],
            dueDayOfMonth: 18,
          },
        }),
        201,
      );
      const sorted = (list: unknown) => (list as Array<{ id: string }>).map((unit) => unit.id).sort();
      return {
        url: `/api/reports/regimes/${regime.id}`,
        read: async () => expectStatus(await request({ method: 'GET', url: `/api/reports/regimes/${regime.id}` }), 200),
        fields: {
          code: { value: 'BC-PATCH-2', touches: ['code'] },
          name: { value: { vi: 'Tình hình thực hiện đã đổi tên', en: 'Renamed trial' }, touches: ['name'] },
          periodKind: { value: 'month', touches: ['periodKind'] },
          issuerUnitId: { value: await unitId('SYT'), touches: ['issuerUnit'], reads: (shown) => (shown as { id: string }).id },
          unitIds: {
            value: [await unitId('SYT'), await unitId('26743')],
            touches: ['units'],
            reads: sorted,
            expected: [await unitId('SYT'), await unitId('26743')].sort(),
          },
          sections: { value: [{ key: 'proposals', title: { vi: 'Kiến nghị', en: 'Proposals' } }], touches: ['sections'] },
          dueDayOfMonth: { value: 22, touches: ['dueDayOfMonth'] },
        },
      };
    },
  },

  'PATCH /api/reports/unit-reports/{id}': {
    patcher: 'unit officer',
    async setup({ request }) {
      // The demo's quarter has a draft for this officer's ward.
      const drafts = expectStatus<Array<{ id: string; state: string }>>(
        await request({ method: 'GET', url: '/api/reports/unit-reports' }),
        200,
      );
      const url = `/api/reports/unit-reports/${drafts.find((r) => r.state === 'draft')!.id}`;
      const texts = (shown: unknown) => Object.fromEntries((shown as Array<{ key: string; text: string }>).map((s) => [s.key, s.text]));
      const written = {
        results: 'Kết quả ban đầu',
        difficulties: 'Khó khăn ban đầu',
        causes: 'Nguyên nhân ban đầu',
        proposals: 'Kiến nghị ban đầu',
      };
      expectStatus(await editLoaded(request, url, { sections: written, documentNumber: '11/BC-UBND' }), 200);
      return {
        url,
        read: async () => expectStatus(await request({ method: 'GET', url }), 200),
        fields: {
          sections: {
            value: { results: 'Kết quả mới', difficulties: 'Khó khăn mới', causes: 'Nguyên nhân mới', proposals: 'Kiến nghị mới' },
            touches: ['sections'],
            reads: texts,
          },
          documentNumber: { value: '12/BC-UBND', touches: ['documentNumber'] },
        },
      };
    },
  },

  'PATCH /api/reports/compiled/{id}': {
    patcher: 'programme manager',
    async setup({ request, unitId }) {
      const regime = expectStatus<{ id: string }>(
        await request({
          method: 'POST',
          url: '/api/reports/regimes',
          payload: {
            code: 'BC-PATCH-TONG-HOP',
            name: { vi: 'Tình hình thử tổng hợp', en: 'Compiled trial' },
            periodKind: 'year',
            issuerUnitId: await unitId('SKHCN'),
            unitIds: [await unitId('SYT')],
          },
        }),
        201,
      );
      const period = expectStatus<{ id: string }>(
        await request({ method: 'POST', url: `/api/reports/regimes/${regime.id}/periods`, payload: { label: '2025' } }),
        201,
      );
      const compiled = expectStatus<{ id: string }>(
        await request({ method: 'POST', url: `/api/reports/periods/${period.id}/compiled` }),
        201,
      );
      const url = `/api/reports/compiled/${compiled.id}`;
      expectStatus(
        await editLoaded(request, url, {
          summary: 'Tóm tắt ban đầu',
          sections: {
            results: 'Kết quả ban đầu',
            difficulties: 'Khó khăn ban đầu',
            causes: 'Nguyên nhân ban đầu',
            proposals: 'Kiến nghị ban đầu',
          },
          signature: { capacity: 'KT.', onBehalfOf: 'Giám đốc', position: 'Phó Giám đốc', name: 'Trần Văn A' },
          recipients: ['Ủy ban nhân dân Thành phố'],
        }),
        200,
      );
      const texts = (shown: unknown) => Object.fromEntries((shown as Array<{ key: string; text: string }>).map((s) => [s.key, s.text]));
      return {
        url,
        read: async () => expectStatus(await request({ method: 'GET', url }), 200),
        fields: {
          summary: { value: 'Tóm tắt mới', touches: ['summary'] },
          sections: {
            value: { results: 'Kết quả mới', difficulties: 'Khó khăn mới', causes: 'Nguyên nhân mới', proposals: 'Kiến nghị mới' },
            touches: ['sections'],
            reads: texts,
          },
          signature: {
            value: { capacity: 'TM.', onBehalfOf: 'Ủy ban nhân dân', position: 'Chủ tịch', name: 'Nguyễn Văn B' },
            touches: ['signature'],
          },
          recipients: { value: ['Bộ Khoa học và Công nghệ', 'Ủy ban nhân dân Thành phố'], touches: ['recipients'] },
        },
      };
    },
  },
};
