/**
 * A multipart/form-data body with one file, as a browser sends it (field "file" unless told
 * otherwise); `disposition` replaces the Content-Disposition parameters for hand-made requests.
 */
export function multipartFile(
  fileName: string,
  bytes: Buffer,
  options: { contentType?: string; field?: string; disposition?: string } = {},
) {
  const boundary = `----doimoi${Math.random().toString(16).slice(2)}`;
  const disposition = options.disposition ?? `name="${options.field ?? 'file'}"; filename="${fileName}"`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: ${options.contentType ?? 'application/octet-stream'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const pngBytes = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
