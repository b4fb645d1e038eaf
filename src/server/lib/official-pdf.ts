import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { vietnameseDateLine, type Block, type OfficialDocument, type Signature } from './official-document.js';

/**
 * The same official document as `officialDocx`, as a PDF for publication: A4, the decree's margins,
 * the two-column heading, the body, the signature block and recipients, page numbers from page 2.
 * Times New Roman is not free to ship, so the PDF embeds Tinos, a font drawn to the same metrics
 * (published under the SIL Open Font License in an npm package), which covers Vietnamese.
 */
const require = createRequire(import.meta.url);
const fontFile = (face: string) => require.resolve(`@expo-google-fonts/tinos/${face}/Tinos_${face}.ttf`);
const faces = { regular: '400Regular', bold: '700Bold', italic: '400Regular_Italic', boldItalic: '700Bold_Italic' } as const;
type Face = keyof typeof faces;

/** Millimetres in PDF points (1/72 inch). */
const mm = (millimetres: number) => (millimetres * 72) / 25.4;
const margins = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const pageWidth = mm(210);
const textWidth = pageWidth - margins.left - margins.right;

type Doc = InstanceType<typeof PDFDocument>;

function write(
  doc: Doc,
  text: string,
  options: {
    face?: Face;
    size?: number;
    x?: number;
    y?: number;
    width?: number;
    align?: 'left' | 'center' | 'right' | 'justify';
    indent?: number;
    gap?: number;
  },
) {
  doc.font(options.face ?? 'regular').fontSize(options.size ?? 14);
  const x = options.x ?? margins.left;
  doc.text(text, x, options.y ?? doc.y, {
    width: options.width ?? textWidth,
    align: options.align ?? 'left',
    indent: options.indent ?? 0,
    paragraphGap: options.gap ?? 0,
    lineGap: 2,
  });
}

/** A short centred rule under a heading line, `widthMm` long, centred in the column that starts at `x`. */
function rule(doc: Doc, x: number, columnWidth: number, widthMm: number) {
  const y = doc.y + 2;
  const start = x + (columnWidth - mm(widthMm)) / 2;
  doc
    .moveTo(start, y)
    .lineTo(start + mm(widthMm), y)
    .lineWidth(0.6)
    .stroke();
  doc.y = y + 6;
}

function headingBlock(doc: Doc, spec: OfficialDocument) {
  const top = doc.y;
  const leftWidth = textWidth * 0.4;
  const rightX = margins.left + leftWidth;
  const rightWidth = textWidth * 0.6;
  const column = { x: margins.left, width: leftWidth, align: 'center' as const };
  if (spec.parentBody) write(doc, spec.parentBody.toUpperCase(), { ...column, size: 13, y: top });
  write(doc, spec.issuer.toUpperCase(), { ...column, face: 'bold', size: 13, ...(spec.parentBody ? {} : { y: top }) });
  rule(doc, margins.left, leftWidth, 20);
  write(doc, `Số: ${spec.number ?? '      /'}`, { ...column, size: 13 });
  const leftBottom = doc.y;
  const right = { x: rightX, width: rightWidth, align: 'center' as const };
  write(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { ...right, face: 'bold', size: 13, y: top });
  write(doc, 'Độc lập - Tự do - Hạnh phúc', { ...right, face: 'bold', size: 14 });
  rule(doc, rightX, rightWidth, 55);
  write(doc, vietnameseDateLine(spec.place, spec.issuedOn), { ...right, face: 'italic', size: 14 });
  doc.y = Math.max(leftBottom, doc.y) + 18;
}

const pageBottom = (doc: Doc) => doc.page.height - margins.bottom;
const ensureRoom = (doc: Doc, height: number) => {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
};

function table(doc: Doc, spec: { header: string[]; rows: string[][]; numericColumns?: number[] }) {
  const numeric = new Set(spec.numericColumns ?? []);
  const padding = 3;
  const size = 11;
  // Each column at least as wide as its longest word, the rest shared by how much text it holds.
  const cells = (i: number) => [spec.header[i] ?? '', ...spec.rows.map((r) => r[i] ?? '')];
  const longestWord = (i: number) =>
    Math.max(...cells(i).flatMap((c) => c.split(/\s+/).map((word) => doc.font('bold').fontSize(size).widthOfString(word)))) +
    2 * padding +
    1;
  const minimum = spec.header.map((_, i) => longestWord(i));
  const weight = spec.header.map((_, i) => Math.max(...cells(i).map((c) => c.length), 1));
  const spare = textWidth - minimum.reduce((a, b) => a + b, 0);
  const totalWeight = weight.reduce((a, b) => a + b, 0);
  const widths =
    spare >= 0
      ? minimum.map((m, i) => m + (spare * weight[i]!) / totalWeight)
      : minimum.map((m) => (m * textWidth) / minimum.reduce((a, b) => a + b, 0));
  const drawRow = (cells: string[], face: Face) => {
    doc.font(face).fontSize(size);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * padding }))) + 2 * padding;
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      if (face !== 'bold') drawRow(spec.header, 'bold');
    }
    const y = doc.y;
    let x = margins.left;
    cells.forEach((cell, i) => {
      doc.lineWidth(0.5).rect(x, y, widths[i]!, height).stroke();
      doc
        .font(face)
        .fontSize(size)
        .text(cell, x + padding, y + padding, { width: widths[i]! - 2 * padding, align: numeric.has(i) ? 'right' : 'left' });
      x += widths[i]!;
    });
    doc.y = y + height;
  };
  drawRow(spec.header, 'bold');
  for (const row of spec.rows)
    drawRow(
      spec.header.map((_, i) => row[i] ?? ''),
      'regular',
    );
  doc.y += 8;
}

function block(doc: Doc, item: Block) {
  if ('centredHeading' in item) {
    ensureRoom(doc, 60);
    doc.y += 8;
    write(doc, item.centredHeading, { face: 'bold', align: 'center', gap: 4 });
    return;
  }
  if ('heading' in item) {
    ensureRoom(doc, 60);
    doc.y += 8;
    write(doc, item.heading, { face: 'bold', gap: 4 });
    return;
  }
  if ('paragraph' in item) {
    if (typeof item.paragraph !== 'string') throw new Error('officialPdf: a paragraph must be plain text');
    write(doc, item.paragraph, { align: 'justify', indent: mm(12.7), gap: 6 });
    return;
  }
  if ('table' in item) {
    table(doc, item.table);
    return;
  }
  const { png, widthPx, heightPx } = item.image;
  // Pixels at 96 per inch, as the DOCX shows them, in points.
  const width = Math.min(textWidth, (widthPx * 72) / 96);
  const height = (heightPx * width) / widthPx;
  ensureRoom(doc, height + 8);
  doc.image(png, margins.left + (textWidth - width) / 2, doc.y, { width, height });
  doc.y += height + 8;
}

function signatureBlock(doc: Doc, signature: Signature, recipients: string[]) {
  const lines = recipients.length + 2;
  ensureRoom(doc, Math.max(150, lines * 14 + 20));
  doc.y += 12;
  const top = doc.y;
  const half = textWidth / 2;
  write(doc, 'Nơi nhận:', { face: 'boldItalic', size: 12, width: half, y: top });
  [...recipients, 'Lưu: VT'].forEach((r, i, all) => write(doc, `- ${r}${i === all.length - 1 ? '.' : ';'}`, { size: 11, width: half }));
  const leftBottom = doc.y;
  const right = { x: margins.left + half, width: half, align: 'center' as const, face: 'bold' as const };
  let y = top;
  if (signature.capacity) {
    write(doc, `${signature.capacity} ${signature.onBehalfOf ?? ''}`.trim().toUpperCase(), { ...right, y });
    y = doc.y;
  }
  write(doc, signature.position.toUpperCase(), { ...right, y });
  // Room for the signature and the seal.
  doc.y += 60;
  write(doc, signature.name ?? '', right);
  doc.y = Math.max(leftBottom, doc.y);
}

/** The document as PDF bytes; `createdAt` stamps the file's metadata (from the caller's clock). */
export async function officialPdf(spec: OfficialDocument, options: { createdAt: Date }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    info: {
      Title: spec.title ?? `${spec.kind} ${spec.summary}`,
      Author: spec.issuer,
      Creator: 'doimoi',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  });
  for (const [name, face] of Object.entries(faces)) doc.registerFont(name, fontFile(face));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  headingBlock(doc, spec);
  write(doc, spec.kind.toUpperCase(), { face: 'bold', align: 'center' });
  write(doc, spec.summary, { face: 'bold', align: 'center' });
  rule(doc, margins.left, textWidth, 40);
  doc.y += 6;
  for (const item of spec.body) block(doc, item);
  signatureBlock(doc, spec.signature, spec.recipients);
  // Page numbers from the second page, centred in the top margin.
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .font('regular')
      .fontSize(14)
      .text(String(i + 1), margins.left, mm(10), { width: textWidth, align: 'center', lineBreak: false });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
