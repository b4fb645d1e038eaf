import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { officialDocx, vietnameseDateLine, vietnameseNumber, type OfficialDocument } from './official-document.js';

const report: OfficialDocument = {
  parentBody: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
  issuer: 'Sở Khoa học và Công nghệ',
  number: '125/BC-SKHCN',
  place: 'Thành phố Hồ Chí Minh',
  issuedOn: '2026-02-05',
  kind: 'Báo cáo',
  summary: 'Sơ kết phong trào thi đua đổi mới sáng tạo năm 2026',
  body: [
    { heading: 'I. KẾT QUẢ THỰC HIỆN' },
    { paragraph: 'Trong kỳ, các đơn vị đã triển khai 42 sáng kiến.' },
    { table: { header: ['Đơn vị', 'Số sáng kiến'], rows: [['Phường Bến Thành', vietnameseNumber(1234)]], numericColumns: [1] } },
  ],
  signature: { capacity: 'KT.', onBehalfOf: 'Giám đốc', position: 'Phó Giám đốc', name: 'Nguyễn Văn A' },
  recipients: ['UBND Thành phố (để báo cáo)', 'Các sở, ban, ngành'],
};

async function partsOf(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml'), zip };
}

describe('official documents (Decree 30/2020/NĐ-CP, Appendix I)', () => {
  it('writes the date the Vietnamese way, with a leading zero for days below 10 and for January and February', () => {
    expect(vietnameseDateLine('Thành phố Hồ Chí Minh', '2026-02-05')).toBe('Thành phố Hồ Chí Minh, ngày 05 tháng 02 năm 2026');
    expect(vietnameseDateLine('Hà Nội', '2026-11-30')).toBe('Hà Nội, ngày 30 tháng 11 năm 2026');
    expect(vietnameseDateLine('Hà Nội', '2026-03-09')).toBe('Hà Nội, ngày 09 tháng 3 năm 2026');
    expect(vietnameseNumber(1234567.5, 1)).toBe('1.234.567,5');
  });

  it('reads in a real DOCX reader in the order of the layout: heading, number, date, type, summary, body, recipients, signature', async () => {
    const { value } = await mammoth.extractRawText({ buffer: await officialDocx(report) });
    const order = [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'Số: 125/BC-SKHCN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Thành phố Hồ Chí Minh, ngày 05 tháng 02 năm 2026',
      'BÁO CÁO',
      'Sơ kết phong trào thi đua đổi mới sáng tạo năm 2026',
      'I. KẾT QUẢ THỰC HIỆN',
      '1.234',
      'Nơi nhận:',
      '- UBND Thành phố (để báo cáo);',
      '- Lưu: VT.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Văn A',
    ];
    const positions = order.map((text) => value.indexOf(text));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(order.filter((_, i) => positions[i]! < 0)),
    ).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('is A4 portrait with the margins, font and page numbering the decree sets', async () => {
    const { document, styles, zip } = await partsOf(await officialDocx(report));
    // 210 × 297 mm in twips; margins 20 mm top and bottom, 30 mm left, 15 mm right.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="28"\/>/); // 14 pt body
    // A different first page whose header is empty; the other pages' header holds the page number.
    expect(document).toContain('<w:titlePg/>');
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/header\d+\.xml$/.test(name))
        .map(async (name) => (await zip.file(name)!.async('string')).includes('PAGE')),
    );
    expect(headers.sort()).toEqual([false, true]);
  });

  it('leaves the number and the date for the clerk on a draft', async () => {
    const { value } = await mammoth.extractRawText({ buffer: await officialDocx({ ...report, number: null, issuedOn: null }) });
    expect(value).toMatch(/Số: +\//);
    expect(value).toMatch(/Thành phố Hồ Chí Minh, ngày +tháng +năm/);
  });
});
