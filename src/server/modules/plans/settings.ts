/**
 * Rules DOMAIN.md marks configurable, with their defaults. Kept in one place so a deployment can
 * change them without touching the logic.
 */
export const plansSettings = {
  /** A task is "due soon" (Sắp đến hạn) this many days before its deadline. */
  dueSoonDays: 7,
  /** Reminders go out this many days before a deadline. */
  reminderDaysBefore: [7, 1] as readonly number[],
  /** A periodic report is due by this day of the last month of its period (Decree 09/2019/NĐ-CP). */
  reportDueDayOfMonth: 25,
  /** Largest product file accepted with a progress report. */
  attachmentMaxBytes: 20 * 1024 * 1024,
};
