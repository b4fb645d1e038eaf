import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';

/**
 * Administrative documents as Decree 30/2020/NĐ-CP on clerical work lays them out (Appendix I): A4
 * portrait; margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman; the
 * national heading (Quốc hiệu, Tiêu ngữ) and the issuing body side by side; "Số: …/…" under the body;
 * place and date in words; the document type and its summary; the body; the signature block with the
 * signer's capacity (TM., KT., Q., TL., TUQ.); the recipients; page numbers from page 2, centred at the top.
 * Every document doimoi issues goes through here, so all look alike and none shows a raw code.
 */
export type OfficialDocument = {
  /** Directly superior body (cơ quan chủ quản), upper-case line above the issuer, e.g. "ỦY BAN NHÂN DÂN". */
  parentBody?: string;
  /** The issuing body (cơ quan ban hành), e.g. "SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
  issuer: string;
  /** Number and symbol, e.g. "125/BC-SKHCN"; left empty the line reads "Số: …/…" for the clerk to fill. */
  number?: string | null;
  /** Place name as written in the date line, e.g. "Thành phố Hồ Chí Minh". */
  place: string;
  /** The day of issue (YYYY-MM-DD); absent for a draft, whose date line is left for the clerk. */
  issuedOn?: string | null;
  /** Document type in capitals, e.g. "BÁO CÁO", "BIÊN BẢN", "QUYẾT ĐỊNH". */
  kind: string;
  /** The summary (trích yếu) under the type. */
  summary: string;
  /** A decision's authority (thẩm quyền ban hành), centred in capitals under the summary, e.g. "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ". */
  authority?: string;
  body: Block[];
  signature: Signature;
  /** Recipients (nơi nhận); "Lưu: VT" is added last. */
  recipients: string[];
  /** For the file's metadata. */
  title?: string;
  /** A list attached to the document (danh sách kèm theo), on a page of its own after the signature. */
  annex?: { title: string; subtitle: string; body: Block[] };
};

export type Signature = {
  /** Capacity (thẩm quyền ký): "TM." on behalf of a collective body, "KT." deputy signing for the head, "Q.", "TL.", "TUQ." */
  capacity?: 'TM.' | 'KT.' | 'Q.' | 'TL.' | 'TUQ.';
  /** The body or head signed for, e.g. "ỦY BAN NHÂN DÂN" after TM., "GIÁM ĐỐC" after KT. */
  onBehalfOf?: string;
  /** The signer's position, e.g. "PHÓ GIÁM ĐỐC", "CHỦ TỊCH HỘI ĐỒNG". */
  position: string;
  /** Full name; left empty for the person who will sign. */
  name?: string;
};

export type Block =
  | { heading: string }
  | { centredHeading: string }
  | { paragraph: string | ParagraphChild[] }
  | { table: { header: string[]; rows: string[][]; numericColumns?: number[] } }
  | { image: { png: Buffer; widthPx: number; heightPx: number; title: string; description: string } };

/** Millimetres in twips (1/1440 inch), rounded: A4 comes out as Word's own 11906 × 16838. */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
/** docx sizes are in half-points. */
const pt = (points: number) => points * 2;
const font = 'Times New Roman';
const bodySize = pt(14);

/** "ngày 05 tháng 01 năm 2026": days below 10 and months 1 and 2 take a leading zero (Appendix I, Decree 30/2020). */
export function vietnameseDateLine(place: string, isoDate: string | null | undefined): string {
  if (!isoDate) return `${place}, ngày     tháng     năm     `;
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "2026-02-05" → "05/02/2026", as dates are written inside a document's body. */
export function vietnameseDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/**
 * Who signs for an issuing body, by its kind: a people's committee and a council sign collectively
 * ("TM." and the chair), a department by its director; anything else by its head.
 */
export function signatureFor(issuer: string): Signature {
  if (/^(ủy|uỷ) ban nhân dân/i.test(issuer)) return { capacity: 'TM.', onBehalfOf: 'Ủy ban nhân dân', position: 'Chủ tịch' };
  if (/^hội đồng/i.test(issuer)) return { capacity: 'TM.', onBehalfOf: 'Hội đồng', position: 'Chủ tịch' };
  if (/^sở /i.test(issuer)) return { position: 'Giám đốc' };
  return { position: 'Thủ trưởng cơ quan' };
}

/** 12.5 → "12,5"; 1234567 → "1.234.567": Vietnamese separators in every figure a document prints. */
export function vietnameseNumber(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: fractionDigits }).format(value);
}

const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({
    text,
    font,
    size: options.size ?? bodySize,
    bold: options.bold,
    italics: options.italics,
    underline: options.underline ? {} : undefined,
  });

const centred = (children: ParagraphChild[], spacingAfter = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children });

/** Text width of an A4 page with the margins below (210 − 30 − 15 mm). */
const textWidthMm = 165;

/** A short centred line under a heading (Appendix I draws one under the issuer, the motto and the summary): the top border of an empty paragraph indented to `widthMm` within a space `withinMm` wide. */
const rule = (widthMm: number, withinMm: number) => {
  const side = mm(Math.max(0, (withinMm - widthMm) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { after: 120 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
};

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

const column = (children: Paragraph[], widthPercent: number) =>
  new TableCell({
    children,
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    borders: noBorders,
    verticalAlign: VerticalAlign.TOP,
  });

/** The two-column heading: issuing body and number on the left, national heading and date on the right. */
function headingBlock(doc: OfficialDocument): Table {
  const left = [
    ...(doc.parentBody ? [centred([run(doc.parentBody.toUpperCase(), { size: pt(13) })])] : []),
    centred([run(doc.issuer.toUpperCase(), { bold: true, size: pt(13) })]),
    rule(20, textWidthMm * 0.4),
    centred([run(`Số: ${doc.number ?? '      /'}`, { size: pt(13) })]),
  ];
  const right = [
    centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: pt(13) })]),
    centred([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: pt(14) })]),
    rule(55, textWidthMm * 0.6),
    centred([run(vietnameseDateLine(doc.place, doc.issuedOn), { italics: true, size: pt(14) })]),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [new TableRow({ children: [column(left, 40), column(right, 60)] })],
  });
}

const bodyParagraph = (children: ParagraphChild[]) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(12.7) },
    spacing: { before: 120, after: 120, line: 300, lineRule: LineRuleType.AUTO },
    children,
  });

const tableCell = (text: string, options: { bold?: boolean; alignRight?: boolean }) =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: options.alignRight ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [run(text, { bold: options.bold, size: pt(12) })],
      }),
    ],
  });

function blockToDocx(block: Block): Array<Paragraph | Table> {
  if ('centredHeading' in block) return [centred([run(block.centredHeading, { bold: true })], 120)];
  if ('heading' in block)
    return [new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, children: [run(block.heading, { bold: true })] })];
  if ('paragraph' in block) return [bodyParagraph(typeof block.paragraph === 'string' ? [run(block.paragraph)] : block.paragraph)];
  if ('table' in block) {
    const numeric = new Set(block.table.numericColumns ?? []);
    return [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: block.table.header.map((h) => tableCell(h, { bold: true })) }),
          ...block.table.rows.map(
            (row) => new TableRow({ cantSplit: true, children: row.map((c, i) => tableCell(c, { alignRight: numeric.has(i) })) }),
          ),
        ],
      }),
    ];
  }
  const { png, widthPx, heightPx, title, description } = block.image;
  return [
    centred(
      [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: widthPx, height: heightPx },
          altText: { name: title, title, description },
        }),
      ],
      120,
    ),
  ];
}

function signatureBlock(signature: Signature, recipients: string[]): Table {
  const lines = [
    ...(signature.capacity
      ? [centred([run(`${signature.capacity} ${signature.onBehalfOf ?? ''}`.trim().toUpperCase(), { bold: true })])]
      : []),
    centred([run(signature.position.toUpperCase(), { bold: true })]),
    // Room for the signature and the seal.
    new Paragraph({ spacing: { before: 1200 }, children: [] }),
    centred([run(signature.name ?? '', { bold: true })]),
  ];
  const sent = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: pt(12) })] }),
    ...[...recipients, 'Lưu: VT'].map(
      (r, i, all) => new Paragraph({ children: [run(`- ${r}${i === all.length - 1 ? '.' : ';'}`, { size: pt(11) })] }),
    ),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [new TableRow({ children: [column(sent, 50), column(lines, 50)] })],
  });
}

/** The document as DOCX bytes, laid out as Decree 30/2020/NĐ-CP, Appendix I, asks. */
export async function officialDocx(doc: OfficialDocument): Promise<Buffer> {
  const document = new Document({
    creator: doc.issuer,
    title: doc.title ?? `${doc.kind} ${doc.summary}`,
    styles: { default: { document: { run: { font, size: bodySize } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(20),
              bottom: mm(20),
              left: mm(30),
              right: mm(15),
              header: mm(10),
            },
          },
        },
        headers: {
          // Page numbers from the second page, centred in the top margin; none on the first.
          default: new Header({ children: [centred([new TextRun({ font, size: bodySize, children: [PageNumber.CURRENT] })])] }),
          first: new Header({ children: [] }),
        },
        children: [
          headingBlock(doc),
          centred([run(doc.kind.toUpperCase(), { bold: true })], 0),
          centred([run(doc.summary, { bold: true })]),
          rule(40, textWidthMm),
          ...(doc.authority ? [centred([run(doc.authority.toUpperCase(), { bold: true })], 240)] : []),
          ...doc.body.flatMap(blockToDocx),
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          signatureBlock(doc.signature, doc.recipients),
          ...(doc.annex
            ? [
                new Paragraph({
                  pageBreakBefore: true,
                  alignment: AlignmentType.CENTER,
                  children: [run(doc.annex.title.toUpperCase(), { bold: true })],
                }),
                centred([run(doc.annex.subtitle, { italics: true })], 240),
                ...doc.annex.body.flatMap(blockToDocx),
              ]
            : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
