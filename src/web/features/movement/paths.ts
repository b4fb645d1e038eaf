/** The movement's pages (Vietnamese slugs). */
export const movementPaths = {
  gallery: '/thu-vien-sang-kien',
  publicInitiative: (id: string) => `/thu-vien-sang-kien/${id}`,
  submit: '/sang-kien/nop',
  edit: (id: string) => `/sang-kien/${id}/sua`,
  mine: '/sang-kien/cua-toi',
  dossier: (id: string) => `/sang-kien/${id}`,
  manage: '/quan-ly-sang-kien',
  reviews: '/cham-diem',
  score: (id: string) => `/cham-diem/${id}`,
  councils: '/hoi-dong-sang-kien',
  council: (id: string) => `/hoi-dong-sang-kien/${id}`,
  certificate: (id: string) => `/giay-chung-nhan/${id}`,
} as const;
