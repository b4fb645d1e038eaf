/**
 * The columns of the task workbook, shared by the template, the export and the import, so an
 * exported file imports back without loss. Headers name the column in both languages.
 */
export const taskColumns = [
  { key: 'code', header: 'Mã nhiệm vụ / Code', width: 14 },
  { key: 'group', header: 'Nhóm (số thứ tự) / Group no.', width: 12 },
  { key: 'parentCode', header: 'Mã nhiệm vụ cha / Parent code', width: 14 },
  { key: 'titleVi', header: 'Tên nhiệm vụ / Title (vi)', width: 50 },
  { key: 'titleEn', header: 'Tên tiếng Anh / Title (en)', width: 40 },
  { key: 'descriptionVi', header: 'Mô tả / Description', width: 40 },
  { key: 'leadUnitCode', header: 'Đơn vị chủ trì (mã) / Lead unit code', width: 16 },
  { key: 'cooperatingUnitCodes', header: 'Đơn vị phối hợp (mã, cách nhau dấu phẩy) / Cooperating unit codes', width: 24 },
  { key: 'startOn', header: 'Ngày bắt đầu (YYYY-MM-DD) / Start', width: 14 },
  { key: 'dueOn', header: 'Hạn hoàn thành (YYYY-MM-DD) / Deadline', width: 14 },
  { key: 'productVi', header: 'Sản phẩm / Expected product', width: 30 },
  { key: 'priority', header: 'Ưu tiên (high, normal, low) / Priority', width: 12 },
  { key: 'indicatorCodes', header: 'Chỉ tiêu (mã) / Indicator codes', width: 16 },
  { key: 'isPublic', header: 'Công khai (có/không) / Public (yes/no)', width: 12 },
  { key: 'reportingPeriod', header: 'Kỳ báo cáo / Reporting period', width: 14 },
] as const;

export type TaskColumnKey = (typeof taskColumns)[number]['key'];

/** Read-only columns the export adds after the importable ones; the import ignores them. */
export const exportOnlyColumns = [
  { key: 'status', header: 'Tình trạng / Status', width: 24 },
  { key: 'progressPercent', header: 'Tiến độ (%) / Progress (%)', width: 10 },
  { key: 'originalDueOn', header: 'Hạn ban đầu / Original deadline', width: 14 },
] as const;

export const tasksSheetName = 'Nhiem vu';
