/**
 * The web app's pages, declared once: the web router builds its routes from these, the server answers
 * 404 for a path none of them matches, and e-mails, notifications and the workspace link with them.
 * Paths are Vietnamese; English aliases redirect to them.
 */
const segment = encodeURIComponent;

export const paths = {
  home: '/',
  search: '/tim-kiem',
  signUp: '/dang-ky',
  verifyEmail: '/xac-minh-email',
  signIn: '/dang-nhap',
  secondFactor: '/dang-nhap/xac-thuc',
  forgotPassword: '/quen-mat-khau',
  resetPassword: '/dat-lai-mat-khau',
  account: '/tai-khoan',
  privacy: '/bao-ve-du-lieu-ca-nhan',
  workspace: '/viec-cua-toi',
} as const;

/** Plan codes contain "/", so they are encoded as one path segment. */
export const planPaths = {
  plans: '/ke-hoach',
  newPlan: '/ke-hoach/tao-moi',
  plan: (code: string) => `/ke-hoach/${segment(code)}`,
  tasks: (code: string) => `/ke-hoach/${segment(code)}/nhiem-vu`,
  assign: (code: string) => `/ke-hoach/${segment(code)}/giao-nhiem-vu`,
  scorecard: (code: string) => `/ke-hoach/${segment(code)}/bang-danh-gia`,
  timeline: (code: string) => `/ke-hoach/${segment(code)}/tien-do`,
  groups: (code: string) => `/ke-hoach/${segment(code)}/nhom-nhiem-vu`,
  editPlan: (code: string) => `/ke-hoach/${segment(code)}/sua`,
  task: (id: string) => `/nhiem-vu/${id}`,
  editTask: (id: string) => `/nhiem-vu/${id}/sua`,
  myTasks: '/nhiem-vu-cua-don-vi',
} as const;

export const indicatorPaths = {
  dashboard: '/chi-tieu',
  indicator: (code: string) => `/chi-tieu/${segment(code)}`,
  manage: '/quan-ly-chi-tieu',
  targets: (id: string) => `/quan-ly-chi-tieu/${id}/muc-tieu`,
} as const;

/** The managers' queue's query parameter naming the state it lists. */
export const manageStateParam = 'trang-thai';

/** The submission form's query parameter naming the campaign to submit to. */
export const campaignParam = 'phong-trao';

export const movementPaths = {
  gallery: '/thu-vien-sang-kien',
  publicInitiative: (id: string) => `/thu-vien-sang-kien/${id}`,
  submit: '/sang-kien/nop',
  submitTo: (campaignCode: string) => `/sang-kien/nop?${campaignParam}=${segment(campaignCode)}`,
  edit: (id: string) => `/sang-kien/${id}/sua`,
  mine: '/sang-kien/cua-toi',
  dossier: (id: string) => `/sang-kien/${id}`,
  manage: '/quan-ly-sang-kien',
  reviews: '/cham-diem',
  score: (id: string) => `/cham-diem/${id}`,
  councils: '/hoi-dong-sang-kien',
  council: (id: string) => `/hoi-dong-sang-kien/${id}`,
  editCouncil: (id: string) => `/hoi-dong-sang-kien/${id}/sua`,
  newCouncil: '/hoi-dong-sang-kien/thanh-lap',
  certificate: (id: string) => `/giay-chung-nhan/${id}`,
  campaigns: '/phong-trao',
  campaign: (code: string) => `/phong-trao/${segment(code)}`,
  editCampaign: (code: string) => `/phong-trao/${segment(code)}/sua`,
  launch: '/phong-trao/phat-dong',
  registrations: (phaseId: string) => `/dang-ky-thi-dua/${phaseId}`,
  phaseReport: (phaseId: string) => `/bao-cao-giai-doan/${phaseId}`,
  moderation: '/kiem-duyet-binh-luan',
} as const;

/** Commendation of people and collectives (khen thưởng): nominations, votes, councils, decisions, titles. */
export const commendationPaths = {
  nominations: '/khen-thuong',
  newNomination: '/khen-thuong/de-nghi-moi',
  nomination: (id: string) => `/khen-thuong/de-nghi/${id}`,
  votes: '/khen-thuong/bo-phieu',
  councils: '/khen-thuong/hoi-dong',
  decisions: '/khen-thuong/quyet-dinh',
  decision: (id: string) => `/khen-thuong/quyet-dinh/${id}`,
  titles: '/khen-thuong/danh-hieu',
} as const;

/** Organisation slugs are lowercase ASCII with hyphens, safe as one segment. */
export const ecosystemPaths = {
  directory: '/he-sinh-thai',
  organisation: (slug: string) => `/he-sinh-thai/to-chuc/${slug}`,
  register: '/he-sinh-thai/dang-ky',
  edit: (slug: string) => `/he-sinh-thai/to-chuc/${slug}/sua`,
  mine: '/he-sinh-thai/cua-toi',
  experts: '/he-sinh-thai/chuyen-gia',
  programmes: '/he-sinh-thai/chuong-trinh',
  programme: (slug: string) => `/he-sinh-thai/chuong-trinh/${slug}`,
  newProgramme: '/he-sinh-thai/cong-bo-chuong-trinh',
  applications: (slug: string) => `/he-sinh-thai/chuong-trinh/${slug}/ho-so`,
  verification: '/he-sinh-thai/xac-minh',
  confirmClaim: '/he-sinh-thai/xac-nhan-quan-ly',
} as const;

/** The open-data pages (Vietnamese slugs). */
export const opendataPaths = {
  catalogue: '/du-lieu-mo',
  dataset: (name: string) => `/du-lieu-mo/${encodeURIComponent(name)}`,
  preview: (name: string, resourceId: string) => `/du-lieu-mo/${encodeURIComponent(name)}/xem/${resourceId}`,
  work: '/quan-ly-du-lieu',
  edit: (id: string) => `/quan-ly-du-lieu/${id}/sua`,
} as const;

/** Periodic reports: regimes, the units' reports, the city's compiled report, and the published ones. */
export const reportPaths = {
  regimes: '/bao-cao',
  regime: (id: string) => `/bao-cao/che-do/${id}`,
  board: (periodId: string) => `/bao-cao/ky/${periodId}`,
  mine: '/bao-cao/cua-don-vi',
  unitReport: (id: string) => `/bao-cao/don-vi/${id}`,
  compiled: (id: string) => `/bao-cao/tong-hop/${id}`,
  published: '/bao-cao-cong-khai',
  publishedReport: (id: string) => `/bao-cao-cong-khai/${id}`,
} as const;

export const unitPaths = {
  directory: '/don-vi',
  unit: (code: string) => `/don-vi/${segment(code)}`,
} as const;

export const adminPaths = {
  home: '/quan-tri',
  units: '/quan-tri/don-vi',
  users: '/quan-tri/tai-khoan',
  audit: '/quan-tri/nhat-ky',
} as const;

/**
 * Every page's route pattern (React Router syntax, ":name" for one segment), in the router's order.
 * The router registers exactly these; the server answers 200 with the app for a path one matches
 * (or an English alias), 404 otherwise.
 */
export const webRoutePatterns = [
  paths.home,
  paths.search,
  paths.signUp,
  paths.verifyEmail,
  paths.signIn,
  paths.secondFactor,
  paths.forgotPassword,
  paths.resetPassword,
  paths.account,
  paths.privacy,
  paths.workspace,
  planPaths.plans,
  planPaths.newPlan,
  '/ke-hoach/:code',
  '/ke-hoach/:code/nhiem-vu',
  '/ke-hoach/:code/giao-nhiem-vu',
  '/ke-hoach/:code/bang-danh-gia',
  '/ke-hoach/:code/tien-do',
  '/ke-hoach/:code/nhom-nhiem-vu',
  '/ke-hoach/:code/sua',
  '/nhiem-vu/:taskId',
  '/nhiem-vu/:taskId/sua',
  planPaths.myTasks,
  indicatorPaths.dashboard,
  '/chi-tieu/:code',
  indicatorPaths.manage,
  '/quan-ly-chi-tieu/:indicatorId/muc-tieu',
  movementPaths.gallery,
  '/thu-vien-sang-kien/:id',
  movementPaths.submit,
  movementPaths.mine,
  '/sang-kien/:id',
  '/sang-kien/:id/sua',
  movementPaths.manage,
  movementPaths.reviews,
  '/cham-diem/:id',
  movementPaths.councils,
  movementPaths.newCouncil,
  '/hoi-dong-sang-kien/:id',
  '/hoi-dong-sang-kien/:id/sua',
  '/giay-chung-nhan/:id',
  movementPaths.campaigns,
  movementPaths.launch,
  '/phong-trao/:code',
  '/phong-trao/:code/sua',
  '/dang-ky-thi-dua/:phaseId',
  '/bao-cao-giai-doan/:phaseId',
  movementPaths.moderation,
  commendationPaths.nominations,
  commendationPaths.newNomination,
  '/khen-thuong/de-nghi/:id',
  commendationPaths.votes,
  commendationPaths.councils,
  commendationPaths.decisions,
  '/khen-thuong/quyet-dinh/:id',
  commendationPaths.titles,
  ecosystemPaths.directory,
  ecosystemPaths.register,
  ecosystemPaths.mine,
  ecosystemPaths.confirmClaim,
  ecosystemPaths.experts,
  ecosystemPaths.programmes,
  ecosystemPaths.newProgramme,
  ecosystemPaths.verification,
  '/he-sinh-thai/to-chuc/:slug',
  '/he-sinh-thai/to-chuc/:slug/sua',
  '/he-sinh-thai/chuong-trinh/:slug',
  '/he-sinh-thai/chuong-trinh/:slug/ho-so',
  opendataPaths.catalogue,
  '/du-lieu-mo/:name',
  '/du-lieu-mo/:name/xem/:resourceId',
  opendataPaths.work,
  '/quan-ly-du-lieu/:id/sua',
  reportPaths.regimes,
  reportPaths.mine,
  '/bao-cao/che-do/:id',
  '/bao-cao/ky/:periodId',
  '/bao-cao/don-vi/:id',
  '/bao-cao/tong-hop/:id',
  reportPaths.published,
  '/bao-cao-cong-khai/:id',
  unitPaths.directory,
  '/don-vi/:code',
  adminPaths.home,
  adminPaths.units,
  adminPaths.users,
  adminPaths.audit,
] as const;

/** English paths people may type or share, each redirected (query string kept) to its Vietnamese path. */
export const englishAliases: ReadonlyArray<readonly [alias: string, target: string]> = [
  ['/search', paths.search],
  ['/sign-up', paths.signUp],
  ['/verify-email', paths.verifyEmail],
  ['/sign-in', paths.signIn],
  ['/sign-in/second-factor', paths.secondFactor],
  ['/forgot-password', paths.forgotPassword],
  ['/reset-password', paths.resetPassword],
  ['/account', paths.account],
  ['/privacy', paths.privacy],
  ['/my-work', paths.workspace],
  ['/plans', planPaths.plans],
  ['/plans/new', planPaths.newPlan],
  ['/my-unit-tasks', planPaths.myTasks],
  ['/indicators', indicatorPaths.dashboard],
  ['/indicators/manage', indicatorPaths.manage],
  ['/initiatives', movementPaths.gallery],
  ['/initiatives/submit', movementPaths.submit],
  ['/initiatives/mine', movementPaths.mine],
  ['/initiatives/manage', movementPaths.manage],
  ['/reviews', movementPaths.reviews],
  ['/councils', movementPaths.councils],
  ['/councils/new', movementPaths.newCouncil],
  ['/campaigns', movementPaths.campaigns],
  ['/campaigns/launch', movementPaths.launch],
  ['/moderation', movementPaths.moderation],
  ['/commendation', commendationPaths.nominations],
  ['/commendation/new', commendationPaths.newNomination],
  ['/commendation/votes', commendationPaths.votes],
  ['/commendation/councils', commendationPaths.councils],
  ['/commendation/decisions', commendationPaths.decisions],
  ['/commendation/titles', commendationPaths.titles],
  ['/ecosystem', ecosystemPaths.directory],
  ['/ecosystem/register', ecosystemPaths.register],
  ['/ecosystem/mine', ecosystemPaths.mine],
  ['/ecosystem/experts', ecosystemPaths.experts],
  ['/ecosystem/programmes', ecosystemPaths.programmes],
  ['/ecosystem/verification', ecosystemPaths.verification],
  ['/open-data', opendataPaths.catalogue],
  ['/open-data/manage', opendataPaths.work],
  ['/reports', reportPaths.regimes],
  ['/reports/mine', reportPaths.mine],
  ['/published-reports', reportPaths.published],
  ['/units', unitPaths.directory],
  ['/admin', adminPaths.home],
  ['/admin/units', adminPaths.units],
  ['/admin/users', adminPaths.users],
  ['/admin/audit', adminPaths.audit],
];

/** An absolute link to a page, for e-mails and anything read outside the browser. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/$/, '')}${path}`;
}
