/**
 * Rules of the reporting regime that a deployment may change, with their defaults, in one place.
 * The data cut-off follows Decree 09/2019/NĐ-CP, Article 12; a due date must leave at least one
 * working day after the cut-off (Article 8(5)(b)).
 */
export const reportsSettings = {
  /** Reminders to the unit go out this many days before its report is due. */
  reminderDaysBefore: [7, 1] as readonly number[],
  /** After the due date, an unsent report is reminded every this many days. */
  overdueEveryDays: 7,
  /** Where reports are dated, as the date line writes it. */
  place: 'Thành phố Hồ Chí Minh',
  /** The city's reports go to these recipients unless the draft says otherwise (one a line, "Lưu: VT" is added). */
  cityRecipients: ['Ủy ban nhân dân Thành phố (để báo cáo)', 'Các sở, ban, ngành; Ủy ban nhân dân các phường, xã, đặc khu'],
  unitRecipients: ['Sở Khoa học và Công nghệ (để tổng hợp)'],
};
