import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signUpBodySchema } from '../../../shared/contracts/identity.js';
import { ApiError } from '../../api/client.js';
import { createI18n } from '../../i18n/index.js';
import { fieldErrorsFromApiError, fieldErrorsFromIssues, resolveMessage, type FieldErrors, type FormValues } from './field-errors.js';

const i18n = createI18n('vi');
const vi = i18n.getFixedT('vi') as TFunction;
const en = i18n.getFixedT('en') as TFunction;

/** Every field's message, as the Vietnamese and English user would read it. */
function read<V extends FormValues>(errors: FieldErrors<V>): Record<string, { vi: string; en: string }> {
  return Object.fromEntries(
    Object.entries(errors).map(([name, message]) => [
      name,
      { vi: resolveMessage(message!, vi, 'vi'), en: resolveMessage(message!, en, 'en') },
    ]),
  );
}

const emptySignUp = { accountKind: 'citizen', displayName: '', organizationName: '', email: '', password: '', consent: false };

describe('fieldErrorsFromIssues', () => {
  it('says "required" for each blank field of an empty sign-up, and uses the override for consent', () => {
    const parsed = signUpBodySchema.safeParse({ ...emptySignUp, organizationName: undefined });
    expect(parsed.success).toBe(false);
    const { errors, hasUnmatched } = fieldErrorsFromIssues(parsed.error!.issues, emptySignUp, {
      consent: (t) => t('auth.signUp.consentRequired'),
    });
    expect(hasUnmatched).toBe(false);
    expect(read(errors)).toEqual({
      displayName: { vi: 'Vui lòng nhập thông tin này.', en: 'Enter this information.' },
      email: { vi: 'Vui lòng nhập thông tin này.', en: 'Enter this information.' },
      password: { vi: 'Vui lòng nhập thông tin này.', en: 'Enter this information.' },
      consent: {
        vi: 'Bạn cần đồng ý với Thông báo bảo vệ dữ liệu cá nhân để tạo tài khoản.',
        en: 'You need to agree to the personal data notice to create an account.',
      },
    });
  });

  it('names the rule when a value is present but wrong', () => {
    const values = { ...emptySignUp, displayName: 'An', email: 'not-an-address', password: 'short', consent: true };
    const parsed = signUpBodySchema.safeParse({ ...values, organizationName: undefined });
    const { errors } = fieldErrorsFromIssues(parsed.error!.issues, values);
    expect(read(errors)).toEqual({
      email: { vi: 'Nhập địa chỉ e-mail đúng dạng, ví dụ: ten@example.com.', en: 'Enter an e-mail address in the right format, such as name@example.com.' },
      password: { vi: 'Cần ít nhất 12 ký tự.', en: 'Use at least 12 characters.' },
    });
  });

  it('asks for at least one choice in an empty list and reports issues on no field apart', () => {
    const schema = z.object({ scopes: z.array(z.string()).min(1), token: z.string().min(20) });
    const values = { scopes: [] as readonly string[] };
    const parsed = schema.safeParse({ scopes: [], token: 'x' });
    const { errors, hasUnmatched } = fieldErrorsFromIssues(parsed.error!.issues, values);
    expect(read(errors)).toEqual({ scopes: { vi: 'Vui lòng chọn ít nhất một mục.', en: 'Choose at least one option.' } });
    expect(hasUnmatched).toBe(true);
  });
});

describe('fieldErrorsFromApiError', () => {
  const values = { currentPassword: 'x', newPassword: 'y' };

  it("places the server's VALIDATION details on their fields, in the server's words", () => {
    const message = { vi: "Trường 'body.newPassword' phải có ít nhất 12 ký tự", en: "Field 'body.newPassword' must be at least 12 characters" };
    const error = new ApiError({
      kind: 'api',
      status: 400,
      code: 'VALIDATION',
      localizedMessage: message,
      details: [{ path: 'body.newPassword', code: 'too_small', message }],
    });
    expect(fieldErrorsFromApiError(error, values)).toEqual({ errors: { newPassword: message }, hasUnmatched: false });
  });

  it('leaves other errors to the form-level message', () => {
    const error = new ApiError({ kind: 'api', status: 401, code: 'INVALID_CREDENTIALS' });
    expect(fieldErrorsFromApiError(error, values)).toBeNull();
    expect(fieldErrorsFromApiError(new Error('boom'), values)).toBeNull();
  });
});
