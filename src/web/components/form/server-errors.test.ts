import { allResources } from '../../i18n/all-messages.js';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import { createI18n } from '../../i18n/index.js';
import { resolveMessage, type Message } from './messages.js';
import { errorsFromServer, FieldRequestError, formPathOf } from './server-errors.js';
import { labelForPath, type AnyLabels } from './paths.js';

const i18n = createI18n('vi', allResources);
const vi = i18n.getFixedT('vi') as TFunction;
const en = i18n.getFixedT('en') as TFunction;
const read = (message: Message) => ({ vi: resolveMessage(message, vi, 'vi'), en: resolveMessage(message, en, 'en') });

/** The initiative form's labels, as the page builds them. */
const labels: AnyLabels = {
  title: 'Tên sáng kiến',
  essence: 'Mô tả bản chất',
  authors: { label: 'Tác giả', row: (n) => `Tác giả ${n}`, fields: { fullName: 'Họ và tên', contributionPercent: 'Tỷ lệ đóng góp (%)' } },
};

function refusal(details: unknown, message = { vi: 'Sai', en: 'Wrong' }, code = 'VALIDATION') {
  return new ApiError({ kind: 'api', status: 400, code, localizedMessage: message, details });
}

describe('server error paths as form paths', () => {
  it('drops the request part and follows the form’s own names', () => {
    expect(formPathOf('body.authors.0.share', { 'authors.0.share': 'authors.0.contributionPercent' })).toBe(
      'authors.0.contributionPercent',
    );
    expect(formPathOf('body.approvalThresholdPercent', { approvalThresholdPercent: 'threshold' })).toBe('threshold');
    expect(formPathOf('body.body')).toBe('body');
    expect(formPathOf('query.q')).toBe('q');
  });
});

describe('errorsFromServer', () => {
  it('puts each schema refusal on its field, without the request path, in both languages', () => {
    const error = refusal([
      {
        path: 'body.authors.1.fullName',
        code: 'too_small',
        message: { vi: "Trường 'body.authors.1.fullName' không được để trống", en: "Field 'body.authors.1.fullName' must not be empty" },
      },
      {
        path: 'body.title',
        code: 'too_big',
        message: { vi: "Trường 'body.title' chỉ được tối đa 300 ký tự", en: "Field 'body.title' must be at most 300 characters" },
      },
    ]);
    const { errors, formMessages } = errorsFromServer(error, labels);
    expect(formMessages).toEqual([]);
    expect(Object.keys(errors)).toEqual(['authors.1.fullName', 'title']);
    expect(read(errors['authors.1.fullName']!)).toEqual({ vi: 'Không được để trống.', en: 'Must not be empty.' });
    expect(read(errors.title!)).toEqual({ vi: 'Chỉ được tối đa 300 ký tự.', en: 'Must be at most 300 characters.' });
    // The summary names the field by what the person sees.
    expect(labelForPath(labels, 'authors.1.fullName')).toBe('Tác giả 2 – Họ và tên');
  });

  it('places a value the form does not show on its row, and a path it cannot place on the form', () => {
    const error = refusal([
      {
        path: 'body.authors.0.birthDate',
        code: 'invalid_format',
        message: { vi: "Trường 'body.authors.0.birthDate' phải là ngày", en: "Field 'body.authors.0.birthDate' must be a date" },
      },
      {
        path: 'body.body',
        code: 'too_small',
        message: { vi: "Trường 'body.body' không được để trống", en: "Field 'body.body' must not be empty" },
      },
    ]);
    const { errors, formMessages } = errorsFromServer(error, labels);
    expect(Object.keys(errors)).toEqual(['authors.0']);
    expect(labelForPath(labels, 'authors.0')).toBe('Tác giả 1');
    expect(formMessages.map(read)).toEqual([
      { vi: 'Một thông tin chưa hợp lệ: không được để trống.', en: 'A value is not valid: must not be empty.' },
    ]);
    for (const text of [...formMessages, ...Object.values(errors)].map(read)) {
      expect(text.vi).not.toContain('body.');
      expect(text.en).not.toContain('body.');
    }
  });

  it('places a service’s refusal of one field, and each problem of an incomplete application', () => {
    const taken = refusal({ field: 'title' }, { vi: 'Tên đã được dùng', en: 'The name is taken' }, 'CONFLICT');
    expect(read(errorsFromServer(taken, labels).errors.title!)).toEqual({ vi: 'Tên đã được dùng.', en: 'The name is taken.' });

    const incomplete = refusal({
      reason: 'INCOMPLETE',
      problems: [
        { field: 'essence', vi: 'Mô tả bản chất cần ít nhất 20 ký tự', en: 'The essence needs at least 20 characters' },
        { field: 'authors', vi: 'Tổng tỷ lệ đóng góp phải bằng 100% (hiện 90%)', en: 'Contributions must add up to 100% (now 90%)' },
        { field: 'callId', vi: 'Đợt tiếp nhận đã đóng', en: 'The call is closed' },
      ],
    });
    const { errors, formMessages } = errorsFromServer(incomplete, labels);
    expect(Object.keys(errors)).toEqual(['essence', 'authors']);
    expect(read(errors.authors!).en).toBe('Contributions must add up to 100% (now 90%).');
    expect(formMessages.map(read)).toEqual([{ vi: 'Đợt tiếp nhận đã đóng.', en: 'The call is closed.' }]);
  });

  it('puts the failure of a request made for one field (its upload) on that field', () => {
    const refused = new ApiError({
      kind: 'api',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      localizedMessage: { vi: 'Loại tệp không được chấp nhận', en: 'File type not accepted' },
    });
    const { errors, formMessages } = errorsFromServer(new FieldRequestError('title', refused), labels);
    expect(formMessages).toEqual([]);
    expect(read(errors.title!)).toEqual({ vi: 'Loại tệp không được chấp nhận', en: 'File type not accepted' });
  });

  it('says anything else about the whole form, in the reader’s language', () => {
    const down = new ApiError({ kind: 'network', status: null, code: 'NETWORK' });
    const { errors, formMessages } = errorsFromServer(down, labels);
    expect(errors).toEqual({});
    expect(read(formMessages[0]!).vi).toBe(vi('errors.network'));
    expect(read(errorsFromServer(new Error('boom'), labels).formMessages[0]!).en).toBe(en('errors.unknown'));
  });
});
