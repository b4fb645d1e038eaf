import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import { describeError } from './describe-error.js';

const t = ((key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values ?? {})}`) as unknown as TFunction;

describe('describeError', () => {
  it('names what a 404 misses without its id', () => {
    const error = new ApiError({
      kind: 'http',
      status: 404,
      code: 'NOT_FOUND',
      localizedMessage: {
        vi: "Báo cáo tổng hợp 'f3b03202-940a-4ed5-a0f9-139afaffd564' không tồn tại",
        en: "Compiled report 'f3b03202' not found",
      },
      details: { what: { vi: 'Báo cáo tổng hợp', en: 'Compiled report' } },
    });
    expect(describeError(error, 'en', t)).toBe('errors.notFound {"what":"Compiled report"}');
    expect(describeError(error, 'vi', t)).toBe('errors.notFound {"what":"Báo cáo tổng hợp"}');
  });

  it('shows the server’s own message for another error', () => {
    const error = new ApiError({ kind: 'http', status: 409, code: 'CONFLICT', localizedMessage: { vi: 'Trùng tên', en: 'Name taken' } });
    expect(describeError(error, 'en', t)).toBe('Name taken');
  });
});
