/** Client routes use Vietnamese paths, declared in src/shared so the server links with the same ones. */
export { paths } from '../../shared/web-paths.js';
import { paths } from '../../shared/web-paths.js';

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
