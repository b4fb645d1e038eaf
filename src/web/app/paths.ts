/** Client routes use Vietnamese paths; the router redirects English aliases to these. */
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
} as const;

/** Fragment ids of the account page's sections, so other pages and e-mails can link to one. */
export const accountSections = {
  profile: 'thong-tin-ca-nhan',
  password: 'mat-khau',
  twoFactor: 'xac-thuc-hai-lop',
  notifications: 'thong-bao',
  tokens: 'ma-truy-cap-api',
  data: 'du-lieu-cua-toi',
  erase: 'xoa-tai-khoan',
} as const;

export type AccountSection = keyof typeof accountSections;

export function accountSectionPath(section: AccountSection): string {
  return `${paths.account}#${accountSections[section]}`;
}
