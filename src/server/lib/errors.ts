import type { LocalizedText } from '../../shared/contracts/common.js';
import { errorCodes, type ErrorCode } from '../../shared/error-codes.js';

/** The one error type services throw; the error handler turns it into the API's error shape. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    readonly localized: LocalizedText,
    readonly details?: unknown,
  ) {
    super(localized.en);
    this.name = 'AppError';
    this.statusCode = errorCodes[code];
  }
}

/** The message names the id for API clients; `details.what` lets a page say what is missing without it. */
export const notFound = (what: LocalizedText, id: string): AppError =>
  new AppError('NOT_FOUND', { vi: `${what.vi} '${id}' không tồn tại`, en: `${what.en} '${id}' not found` }, { what });

export const forbidden = (details?: unknown): AppError =>
  new AppError('FORBIDDEN', { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' }, details);

export const unauthenticated = (): AppError => new AppError('UNAUTHENTICATED', { vi: 'Vui lòng đăng nhập', en: 'Please sign in' });

export const conflict = (message: LocalizedText, details?: unknown): AppError => new AppError('CONFLICT', message, details);

export const emailNotVerified = (): AppError =>
  new AppError('EMAIL_NOT_VERIFIED', {
    vi: 'Hãy xác minh địa chỉ e-mail trước khi ủng hộ, bình luận, báo cáo hay nộp: mở liên kết trong thư chúng tôi đã gửi, hoặc gửi lại thư từ trang Tài khoản',
    en: 'Verify your e-mail address before you support, comment, report or submit: open the link in the message we sent you, or send it again from your account page',
  });
