/** Vietnamese strings of the workspace ("Việc của tôi"). */
export const workspaceVi = {
  pageTitle: 'Việc của tôi',
  heading: 'Việc của tôi',
  intro: 'Những việc đang chờ bạn, theo từng vai trò. Chọn một việc để làm ngay.',
  openCount: 'Đang chờ: {{total}} việc',
  nothingOpen: 'Không có việc nào đang chờ bạn.',
  nothingWaiting: 'Không có gì đang chờ',
  breakdown: 'Chi tiết: {{label}}',
  urgency: {
    overdue: 'Quá hạn',
    due: 'Cần làm',
    info: 'Theo dõi',
  },
  roles: {
    administrator: 'Quản trị hệ thống',
    programme_manager: 'Quản lý chương trình',
    leader: 'Lãnh đạo thành phố',
    unit_officer: 'Cán bộ đơn vị',
    reviewer: 'Thành viên hội đồng sáng kiến',
    registered_user: 'Sáng kiến của tôi',
  },
} as const;
