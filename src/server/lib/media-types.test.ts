import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { detectMediaType, nameForContent, sniffBytes } from './media-types.js';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const xlsx = () => {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a', 'b']]), 'x');
  return Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
};

describe('judging a file by its content', () => {
  it('reads binary formats by their magic numbers, whatever they are called', async () => {
    expect(await detectMediaType(pdf, true)).toBe('application/pdf');
    expect(await detectMediaType(xlsx(), true)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await detectMediaType(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 1)]), true)).not.toMatch(/^text\//);
  });

  it('takes clean UTF-8 as text, and as CSV only when its lines split into the same columns', async () => {
    expect(await detectMediaType(Buffer.from('Danh sách 140 nhóm nghiên cứu, năm 2025\n'), true)).toBe('text/plain');
    expect(await detectMediaType(Buffer.from('mã,tên\n1,Phường Bến Thành\n2,Phường Sài Gòn\n'), true)).toBe('text/csv');
    expect(await detectMediaType(Buffer.from('mã;tên\r\n1;Phường Bến Thành\r\n'), true)).toBe('text/csv');
    expect(await detectMediaType(Buffer.from('Hôm nay, trời đẹp.\nNgày mai, có lẽ, mưa.\n'), true)).toBe('text/plain');
  });

  it('refuses text with control characters or broken UTF-8, but not a character cut at the end of a partial head', async () => {
    expect(await detectMediaType(Buffer.from('a\u0000b'), true)).toBeNull();
    expect(await detectMediaType(Buffer.from('a\u001bb'), true)).toBeNull();
    expect(await detectMediaType(Buffer.from([0x61, 0xc3, 0x28]), true)).toBeNull();
    const cut = Buffer.from('ư'.repeat(sniffBytes)).subarray(0, sniffBytes - 1);
    expect(await detectMediaType(cut, false)).toBe('text/plain');
    expect(await detectMediaType(cut, true)).toBeNull();
  });
});

describe('the stored name follows the content', () => {
  it.each([
    ['bao-cao.pdf', 'application/pdf', 'bao-cao.pdf'],
    ['ANH.JPEG', 'image/jpeg', 'ANH.JPEG'],
    ['anh-chup.jpg', 'image/png', 'anh-chup.png'],
    ['hop-dong.exe', 'application/pdf', 'hop-dong.pdf'],
    ['bang-tinh.xls', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'bang-tinh.xlsx'],
    ['ghi-chu.csv', 'text/plain', 'ghi-chu.txt'],
    ['Báo cáo v1.2', 'application/pdf', 'Báo cáo v1.2.pdf'],
    ['README', 'text/plain', 'README.txt'],
    ['.env', 'text/plain', '.env.txt'],
  ] as const)('%s holding %s is kept as %s', (given, type, kept) => {
    expect(nameForContent(given, type)).toBe(kept);
  });

  it('cuts a long name to 255 characters and keeps its extension', () => {
    const kept = nameForContent(`${'ư'.repeat(300)}.doc`, 'application/pdf');
    expect([...kept]).toHaveLength(255);
    expect(kept.endsWith('ư.pdf')).toBe(true);
  });
});

describe('JSON and GeoJSON, judged by parsing the whole text', () => {
  it('tells GeoJSON (a top-level RFC 7946 type) from other JSON, and text that only opens like JSON from both', async () => {
    const geo = Buffer.from('{"type":"FeatureCollection","features":[]}');
    expect(await detectMediaType(geo, true)).toBe('application/geo+json');
    expect(await detectMediaType(Buffer.from('[{"ma":"SKHCN","ten":"Sở Khoa học"}]'), true)).toBe('application/json');
    expect(await detectMediaType(Buffer.from('{"type":"Nhà"}'), true)).toBe('application/json');
    expect(await detectMediaType(Buffer.from('{ not json'), true)).toBe('text/plain');
    // Only a whole file can be parsed; a head is judged as text.
    expect(await detectMediaType(geo, false)).toBe('text/plain');
  });
});
