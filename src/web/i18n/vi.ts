/**
 * Vietnamese UI strings — the default language and the reference key set.
 * `en.ts` must have exactly the same keys (checked by the type `Messages` and by i18n.test.ts).
 */
export const vi = {
  app: {
    name: 'doimoi',
    tagline: 'Đổi mới sáng tạo TP.HCM',
    documentTitle: 'doimoi — Đổi mới sáng tạo TP.HCM',
    pageTitle: '{{page}} — doimoi',
  },
  a11y: {
    skipToContent: 'Bỏ qua đến nội dung chính',
    primaryNav: 'Điều hướng chính',
    homeLink: 'doimoi — về trang chủ',
  },
  nav: {
    home: 'Trang chủ',
    search: 'Tìm kiếm',
    api: 'API',
  },
  language: {
    label: 'Ngôn ngữ',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  footer: {
    about:
      'doimoi là nền tảng mã nguồn mở phục vụ chương trình phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số của Thành phố Hồ Chí Minh.',
    apiDocs: 'Tài liệu API',
    sourceNote: 'Số liệu đánh dấu “Minh hoạ” không có trong văn bản nguồn, chỉ dùng để trình diễn.',
  },
  status: {
    loading: 'Đang tải dữ liệu…',
    retry: 'Thử lại',
    errorTitle: 'Không tải được dữ liệu',
  },
  errors: {
    pageHeading: 'Đã xảy ra lỗi',
    network: 'Không kết nối được máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.',
    invalidResponse: 'Máy chủ trả về dữ liệu không đúng định dạng. Vui lòng thử lại sau.',
    http: 'Máy chủ báo lỗi (mã {{status}}). Vui lòng thử lại sau.',
    unknown: 'Đã xảy ra lỗi không xác định. Vui lòng thử lại.',
  },
  home: {
    pageTitle: 'Trang chủ',
    kicker: '{{city}} · Nghị quyết 57-NQ/TW',
    title: 'Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
    lead: 'Theo dõi công khai việc thực hiện các kế hoạch của Thành phố: nhiệm vụ được giao cho từng sở, ngành, địa phương; chỉ tiêu đến năm 2030; và phong trào thi đua đổi mới sáng tạo.',
    searchCta: 'Tìm kiếm nhiệm vụ, chỉ tiêu, sáng kiến',
    units: {
      heading: 'Đơn vị thực hiện',
      intro: 'Chính quyền hai cấp từ tháng 7/2025: các sở, ban, ngành của Thành phố và chính quyền cấp xã.',
      departmentsAndAgencies: 'Sở, ban, ngành',
      wards: 'Phường',
      communes: 'Xã',
      specialZones: 'Đặc khu',
    },
    plans: {
      heading: 'Kế hoạch thực hiện',
      period: 'Giai đoạn {{start}}–{{end}}',
      issuedBy: 'Cơ quan ban hành: {{body}}',
      issuedOn: 'Ngày ban hành: {{date}}',
      taskGroupsHeading: 'Các nhóm nhiệm vụ, giải pháp ({{total}})',
      empty: 'Chưa có kế hoạch nào được công bố.',
    },
    targets: {
      heading: 'Chỉ tiêu đến năm 2030',
      intro: 'Các chỉ tiêu chủ yếu Thành phố đặt ra; số liệu hiện trạng lấy từ báo cáo đã công bố.',
      target: 'Mục tiêu {{year}}',
      baseline: 'Hiện trạng',
      baselineWithYear: 'Hiện trạng ({{year}})',
      noTarget: 'Chưa xác định',
      illustrative: 'Minh hoạ',
      illustrativeHint: 'Số liệu minh hoạ, không có trong văn bản nguồn',
      directionHigher: 'Càng cao càng tốt',
      directionLower: 'Càng thấp càng tốt',
      empty: 'Chưa có chỉ tiêu nào được công bố.',
    },
    campaigns: {
      heading: 'Phong trào thi đua',
      period: 'Thời gian: {{start}} – {{end}}',
      phasesHeading: 'Các giai đoạn',
      phase: 'Giai đoạn {{order}}',
      phaseDates: '{{start}} – {{end}}',
      interimReview: 'Sơ kết',
      finalReview: 'Tổng kết',
      reviewOn: '{{review}}: {{date}}',
      empty: 'Chưa có phong trào thi đua nào được phát động.',
    },
  },
  search: {
    pageTitleWithQuery: '{{query}} · Tìm kiếm',
    pageTitle: 'Tìm kiếm',
    heading: 'Tìm kiếm',
    label: 'Từ khoá',
    hint: 'Tìm không cần dấu, ví dụ: chuyen doi so',
    submit: 'Tìm',
    searching: 'Đang tìm…',
    resultsHeading: 'Kết quả tìm kiếm',
    resultCount: 'Kết quả cho “{{query}}”: {{total}}',
    noResults: 'Không tìm thấy kết quả nào cho “{{query}}”. Hãy thử từ khoá ngắn hơn hoặc từ khoá khác.',
    prompt: 'Nhập từ khoá để tìm kế hoạch, nhiệm vụ, chỉ tiêu, phong trào và sáng kiến.',
    types: {
      plan: 'Kế hoạch',
      taskGroup: 'Nhóm nhiệm vụ',
      task: 'Nhiệm vụ',
      indicator: 'Chỉ tiêu',
      campaign: 'Phong trào thi đua',
      initiative: 'Sáng kiến',
      organization: 'Tổ chức',
      dataset: 'Bộ dữ liệu',
      unit: 'Đơn vị',
      other: 'Nội dung',
    },
  },
  notFound: {
    pageTitle: 'Không tìm thấy trang',
    heading: 'Không tìm thấy trang',
    body: 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi. Kiểm tra lại địa chỉ, hoặc dùng các liên kết dưới đây.',
    home: 'Về trang chủ',
    search: 'Tìm kiếm trên doimoi',
  },
} as const;

/** The shape both locales share: the same keys, any string values. */
export type Messages = DeepStrings<typeof vi>;

type DeepStrings<T> = { readonly [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
