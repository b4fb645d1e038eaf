import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createCampaignSchema } from '../../../shared/contracts/movement.js';
import { ApiError } from '../../api/client.js';
import { resolveMessage } from '../../components/form/field-errors.js';
import { createI18n } from '../../i18n/index.js';
import { errorsFromApi, errorsFromIssues, type ErrorMap } from './form-errors.js';
import { barOption } from './phase-report-chart.js';

const i18n = createI18n('vi');
const vi = i18n.getFixedT('vi') as TFunction;
const read = (errors: ErrorMap) => Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, resolveMessage(message, vi, 'vi')]));

describe('errors of forms with repeating rows', () => {
  it('keys each schema issue by its path in the body, first issue only, in the shared wording', () => {
    const body = {
      code: 'x',
      titleVi: 'Phong trào',
      titleEn: 'Campaign',
      kind: 'thematic',
      launchingBodyVi: 'UBND',
      launchingBodyEn: 'PC',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      fields: [{ code: 'cds', nameVi: 'Chuyển đổi số', nameEn: 'Digital' }],
      phases: [{ nameVi: '', nameEn: 'P1', startsOn: '2026-01-01', endsOn: 'not a date', review: null, reviewOn: null }],
      criteria: [],
    };
    const parsed = createCampaignSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    const at = (path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);
    expect(read(errorsFromIssues(parsed.error!.issues, at))).toEqual({
      code: 'Cần ít nhất 2 ký tự.',
      'phases.0.nameVi': vi('form.errors.required'),
      'phases.0.endsOn': vi('form.errors.format'),
      criteria: vi('form.errors.chooseAtLeastOne'),
    });
  });

  it('places the server’s words on the field it names, from zod details or a service’s `field`', () => {
    const zodRefusal = new ApiError({
      kind: 'api',
      status: 400,
      code: 'VALIDATION',
      localizedMessage: { vi: 'Sai', en: 'Wrong' },
      details: [{ path: 'body.phases.1.startsOn', code: 'format', message: { vi: 'Ngày không hợp lệ', en: 'Invalid date' } }],
    });
    expect(read(errorsFromApi(zodRefusal))).toEqual({ 'phases.1.startsOn': 'Ngày không hợp lệ' });
    const conflict = new ApiError({ kind: 'api', status: 409, code: 'CONFLICT', localizedMessage: { vi: 'Mã đã được dùng', en: 'Code used' }, details: { field: 'code' } });
    expect(read(errorsFromApi(conflict))).toEqual({ code: 'Mã đã được dùng' });
    // Anything else is said about the whole form (the empty path).
    const down = new ApiError({ kind: 'network', status: null, code: 'NETWORK' });
    expect(Object.keys(errorsFromApi(down))).toEqual(['']);
  });
});

describe('the phase report’s bar chart', () => {
  it('lists the bars top-down in the order of the table (ECharts draws a category axis bottom-up)', () => {
    const option = barOption([
      { label: 'Được công nhận', count: 5 },
      { label: 'Đã nộp', count: 2 },
    ]) as { yAxis: { data: string[] }; series: Array<{ data: number[] }> };
    expect(option.yAxis.data).toEqual(['Đã nộp', 'Được công nhận']);
    expect(option.series[0]!.data).toEqual([2, 5]);
  });
});
