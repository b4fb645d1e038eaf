import { describe, expect, it } from 'vitest';
import { safeReturnTo, signInPath } from './return-to.js';

describe('safeReturnTo', () => {
  it('keeps paths of this app, with their query and fragment', () => {
    expect(safeReturnTo('/tim-kiem?q=so')).toBe('/tim-kiem?q=so');
    expect(safeReturnTo('/tai-khoan#thong-bao')).toBe('/tai-khoan#thong-bao');
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    '/api/account/export',
  ])('falls back for %j', (value) => {
    expect(safeReturnTo(value)).toBe('/viec-cua-toi');
  });
});

describe('signInPath', () => {
  it('carries where to come back to', () => {
    expect(signInPath('/tai-khoan#mat-khau')).toBe('/dang-nhap?returnTo=%2Ftai-khoan%23mat-khau');
    expect(signInPath()).toBe('/dang-nhap');
  });
});
