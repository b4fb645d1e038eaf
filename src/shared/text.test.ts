import { describe, expect, it } from 'vitest';
import { foldDiacritics } from './text.js';

describe('foldDiacritics', () => {
  it('removes Vietnamese tone and vowel marks and folds đ, keeping length', () => {
    const input = 'Chuyển Đổi Số – Thủ Đức, Ủy ban, Hoà/Hòa, Côn Đảo';
    const folded = foldDiacritics(input);
    expect(folded).toBe('chuyen doi so – thu duc, uy ban, hoa/hoa, con dao');
    expect(folded.length).toBe(input.length);
  });

  it('leaves other scripts and symbols alone', () => {
    expect(foldDiacritics('東京 😀 %')).toBe('東京 😀 %');
  });
});
