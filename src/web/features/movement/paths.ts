/** The submission form's query parameter naming the campaign to submit to. */
export const campaignParam = 'phong-trao';

/** The movement's pages (Vietnamese slugs). */
export const movementPaths = {
  gallery: '/thu-vien-sang-kien',
  publicInitiative: (id: string) => `/thu-vien-sang-kien/${id}`,
  submit: '/sang-kien/nop',
  submitTo: (campaignCode: string) => `/sang-kien/nop?${campaignParam}=${encodeURIComponent(campaignCode)}`,
  edit: (id: string) => `/sang-kien/${id}/sua`,
  mine: '/sang-kien/cua-toi',
  dossier: (id: string) => `/sang-kien/${id}`,
  manage: '/quan-ly-sang-kien',
  reviews: '/cham-diem',
  score: (id: string) => `/cham-diem/${id}`,
  councils: '/hoi-dong-sang-kien',
  council: (id: string) => `/hoi-dong-sang-kien/${id}`,
  certificate: (id: string) => `/giay-chung-nhan/${id}`,
  campaigns: '/phong-trao',
  campaign: (code: string) => `/phong-trao/${encodeURIComponent(code)}`,
  launch: '/phong-trao/phat-dong',
  newCouncil: '/hoi-dong-sang-kien/thanh-lap',
  registrations: (phaseId: string) => `/dang-ky-thi-dua/${phaseId}`,
  phaseReport: (phaseId: string) => `/bao-cao-giai-doan/${phaseId}`,
  moderation: '/kiem-duyet-binh-luan',
} as const;
