import type { DeepStrings } from '../../i18n/deep-strings.js';

/** Vietnamese UI strings of the public unit directory, under the `units.` prefix. */
export const unitsVi = {
  nav: 'Đơn vị',
  directory: {
    pageTitle: 'Đơn vị',
    heading: 'Các sở, ngành và phường, xã',
    intro: 'Các đơn vị của Thành phố Hồ Chí Minh tham gia chương trình đổi mới sáng tạo và chuyển đổi số.',
    filter: 'Tìm đơn vị',
    filterHint: 'Gõ tên hoặc mã, có dấu hoặc không dấu, ví dụ "ben thanh".',
    count: '{{shown}} / {{total}} đơn vị',
    empty: 'Không có đơn vị nào khớp.',
    groups: {
      agencies: 'Sở, ngành và cơ quan',
      communeLevel: 'Phường, xã và đặc khu',
    },
    emptyNext: 'Thử gõ ít chữ hơn hoặc gõ không dấu, ví dụ "ben thanh".',
  },
  unit: {
    kind: 'Loại đơn vị',
    code: 'Mã đơn vị',
    parent: 'Trực thuộc',
    children: 'Đơn vị trực thuộc',
    notFoundHeading: 'Không tìm thấy đơn vị',
    notFoundBody: 'Không có đơn vị đang hoạt động nào mang mã "{{code}}".',
    backToDirectory: 'Về danh sách đơn vị',
  },
} as const;

/** English UI strings of the public unit directory; the same keys as the Vietnamese ones. */
export const unitsEn: DeepStrings<typeof unitsVi> = {
  nav: 'Units',
  directory: {
    pageTitle: 'Units',
    heading: 'Departments, wards and communes',
    intro: "Ho Chi Minh City's units taking part in the innovation and digital-transformation programme.",
    filter: 'Find a unit',
    filterHint: 'Type a name or code, with or without diacritics, e.g. "ben thanh".',
    count: '{{shown}} of {{total}} units',
    empty: 'No unit matches.',
    groups: {
      agencies: 'Departments and agencies',
      communeLevel: 'Wards, communes and the special zone',
    },
    emptyNext: 'Try fewer letters or leave out the diacritics, such as "ben thanh".',
  },
  unit: {
    kind: 'Kind of unit',
    code: 'Unit code',
    parent: 'Part of',
    children: 'Units below it',
    notFoundHeading: 'Unit not found',
    notFoundBody: 'No active unit has the code "{{code}}".',
    backToDirectory: 'Back to the list of units',
  },
};
