import { describe, expect, it } from 'vitest';
import { findNulCharacter } from './input-guard.js';

describe('findNulCharacter', () => {
  it('names the field holding U+0000, at any depth, in keys too', () => {
    expect(findNulCharacter({ title: 'ok', authors: [{ fullName: 'ok' }, { fullName: 'An\u0000' }] }, 'body')).toBe(
      'body.authors.1.fullName',
    );
    expect(findNulCharacter({ ['k\u0000']: 1 }, 'query')).toBe('query.k\\u0000');
    expect(findNulCharacter('\u0000', 'params')).toBe('params');
  });

  it('passes text without it, other values and nothing at all', () => {
    expect(findNulCharacter({ a: 'Chuyển đổi số \u0001\u00a0', b: [1, true, null, { c: '0' }] }, 'body')).toBeNull();
    expect(findNulCharacter(undefined, 'body')).toBeNull();
  });

  it('walks a very deep body without running out of stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findNulCharacter(deep, 'body')).toMatch(/^body(\.0)+$/);
  });
});
