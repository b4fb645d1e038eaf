/** Vietnamese UI strings of the public unit directory, under the `units.` prefix. */
export const unitsVi = {
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
