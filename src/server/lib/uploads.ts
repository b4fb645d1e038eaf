import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { LocalizedText } from '../../shared/contracts/common.js';
import { AppError } from './errors.js';
import { describeTypes, detectMediaType, mayBeJson, nameForContent, sniffBytes, type MediaType } from './media-types.js';

/** What an upload route takes: at most `maxBytes` of a file whose content is one of `accept`. */
export type UploadRule = { maxBytes: number; accept: readonly MediaType[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Marks an upload route: one file in the multipart field "file", within these limits. */
    upload?: UploadRule;
  }
}

/** A file arriving in a request, its name checked; reading it through `inspectFile` enforces `maxBytes` and `accept`. */
export type IncomingFile = { fileName: string; maxBytes: number; accept: readonly MediaType[]; stream: Readable };

/** A file after its type was judged from its content: the name now ends as the content says. */
export type InspectedFile = { fileName: string; mediaType: MediaType; stream: Readable };

const sendOneFile: LocalizedText = {
  vi: 'Hãy gửi một tệp trong trường "file" (multipart/form-data)',
  en: 'Send one file in the "file" field (multipart/form-data)',
};

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`);

export const fileTooLarge = (maxBytes: number) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    { vi: `Tệp vượt quá dung lượng cho phép (${sizeLabel(maxBytes)})`, en: `The file is larger than allowed (${sizeLabel(maxBytes)})` },
    { maxBytes },
  );

const badFileName = (vi: string, en: string) =>
  new AppError('VALIDATION', { vi: `Tên tệp ${vi}`, en: `The file name ${en}` }, [
    { path: 'file.filename', code: 'file_name', message: { vi: `Tên tệp ${vi}`, en: `The file name ${en}` } },
  ]);

/**
 * The sender's file name, refused (400) rather than cleaned when it holds a NUL or other control
 * character or a path separator: browsers send only a base name, so such a name comes from a
 * hand-made request, and silently shortening "../../x.pdf" to "x.pdf" would hide that from the
 * sender. Unicode is put in composed form, so "Báo cáo" from macOS matches the same name typed on Windows.
 */
export function checkFileName(raw: string | undefined): string {
  const name = (raw ?? '').normalize('NFC').trim();
  if (name.includes('\u0000'))
    throw badFileName('chứa ký tự NUL (U+0000); hãy đổi tên tệp', 'contains a NUL character (U+0000); rename the file');
  if ([...name].some((c) => c < ' ' || c === '\u007f'))
    throw badFileName('chứa ký tự điều khiển; hãy đổi tên tệp', 'contains a control character; rename the file');
  if (/[/\\]/.test(name))
    throw badFileName(
      'không được chứa dấu / hoặc \\ (chỉ gửi tên tệp, không gửi đường dẫn)',
      'must not contain / or \\ (send the file name only, not a path)',
    );
  if (name === '' || name === '.' || name === '..') throw badFileName('bị trống; hãy đặt tên cho tệp', 'is empty; give the file a name');
  return name;
}

/**
 * Judges a file's type from its first bytes and hands back a stream of the whole file (start
 * included) that fails with 413 one byte past `maxBytes`, so a cut-off file is never taken as whole.
 */
export async function inspectFile(file: IncomingFile): Promise<InspectedFile> {
  const iterator = metered(file.stream, file.maxBytes)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let isWholeFile = false;
  const readUpTo = async (bytes: number) => {
    while (!isWholeFile && headBytes < bytes) {
      const next = await iterator.next();
      if (next.done) isWholeFile = true;
      else {
        head.push(next.value);
        headBytes += next.value.length;
      }
    }
  };
  await readUpTo(sniffBytes);
  let detected = await detectMediaType(Buffer.concat(head).subarray(0, sniffBytes), isWholeFile);
  // A zip whose first entries do not say what it holds (DOCX, XLSX, ODF): judge it by its central
  // directory at the end, reading the whole file (within the route's limit) into memory.
  // Likewise text that opens like JSON, when JSON is acceptable: only the whole text tells whether it parses.
  const wantsJson = file.accept.some((type) => type === 'application/json' || type === 'application/geo+json');
  if (!isWholeFile && (detected === 'application/zip' || (wantsJson && detected === 'text/plain' && mayBeJson(Buffer.concat(head))))) {
    await readUpTo(Infinity);
    detected = await detectMediaType(Buffer.concat(head), true);
  }
  const start = Buffer.concat(head);
  const accepted = file.accept.find((type) => type === detected);
  if (!accepted) {
    await iterator.return?.(undefined);
    const accepts = describeTypes(file.accept);
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      {
        vi: `Loại tệp '${file.fileName}' không được chấp nhận (phát hiện: ${detected ?? 'không xác định'}); chấp nhận ${accepts.vi}`,
        en: `File type of '${file.fileName}' is not accepted (detected: ${detected ?? 'unknown'}); accepted: ${accepts.en}`,
      },
      { detected },
    );
  }
  async function* whole(): AsyncGenerator<Buffer> {
    try {
      yield start;
      if (isWholeFile) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // A consumer that stops early (a failed write) releases the request's stream too.
      await iterator.return?.(undefined);
    }
  }
  return { fileName: nameForContent(file.fileName, accepted), mediaType: accepted, stream: Readable.from(whole()) };
}

/** Counts bytes as they pass and fails one byte past the limit. */
async function* metered(source: Readable, maxBytes: number): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw fileTooLarge(maxBytes);
    yield chunk;
  }
}

/** Reads a whole (small) file into memory after judging its type: spreadsheets to import. */
export async function readWholeFile(file: IncomingFile): Promise<{ fileName: string; mediaType: MediaType; bytes: Buffer }> {
  const inspected = await inspectFile(file);
  const chunks: Buffer[] = [];
  for await (const chunk of inspected.stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return { fileName: inspected.fileName, mediaType: inspected.mediaType, bytes: Buffer.concat(chunks) };
}

type FileStream = Readable & { truncated?: boolean };

/** The part's bytes as the parser gives them: its errors become a 400, its own size stop a 413. */
async function* fromPart(source: FileStream, maxBytes: number): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    throw error instanceof AppError ? error : unreadableBody(error);
  }
  // The parser stops one byte past the limit and marks the file truncated; `metered` sees that byte first.
  if (source.truncated) throw fileTooLarge(maxBytes);
}

function unreadableBody(error: unknown): AppError {
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 413) {
    return new AppError('PAYLOAD_TOO_LARGE', {
      vi: 'Yêu cầu có quá nhiều phần; chỉ gửi một tệp trong trường "file"',
      en: 'The request has too many parts; send one file in the "file" field',
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError(
    'BAD_REQUEST',
    {
      vi: `Không đọc được nội dung multipart/form-data (${reason}); hãy gửi lại tệp`,
      en: `The multipart/form-data body could not be read (${reason}); send the file again`,
    },
    { reason },
  );
}

/**
 * The file of an upload route's request, within the route's `config.upload` limits. Only the part
 * headers are read here; the bytes flow when the service consumes `stream`, after its checks.
 */
export async function readUpload(request: FastifyRequest): Promise<IncomingFile> {
  const rule = request.routeOptions.config.upload;
  if (!rule) throw new Error(`${request.method} ${request.routeOptions.url} reads a file but declares no config.upload`);
  // Here rather than in a hook, so the route's path and query are validated (400) before the body's type (415).
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', sendOneFile);
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file({ limits: { fileSize: rule.maxBytes + 1 } });
  } catch (error) {
    throw unreadableBody(error);
  }
  if (!part || part.fieldname !== 'file')
    throw new AppError('VALIDATION', sendOneFile, [{ path: 'body.file', code: 'required', message: sendOneFile }]);
  const fileName = checkFileName(part.filename);
  return { fileName, maxBytes: rule.maxBytes, accept: rule.accept, stream: Readable.from(fromPart(part.file, rule.maxBytes)) };
}

/**
 * One multipart parser for the whole app. Upload routes (those with `config.upload`) take only
 * multipart/form-data; every other route refuses multipart (415); a multipart header without a
 * boundary never gets this far (the input guard). Each route's limit is capped by `ceilingBytes`
 * (UPLOAD_MAX_BYTES) when the route is registered.
 */
export const uploadsPlugin = fp(async (app: FastifyInstance, options: { ceilingBytes: number }) => {
  // preservePath: the name arrives as sent, so a path in it is refused rather than cut silently.
  await app.register(multipart, { preservePath: true, limits: { files: 1, fields: 4, parts: 5, fieldSize: 1024, headerPairs: 20 } });
  app.addHook('onRoute', (route) => {
    const rule = route.config?.upload;
    if (rule) route.config = { ...route.config, upload: { ...rule, maxBytes: Math.min(rule.maxBytes, options.ceilingBytes) } };
  });
  // After the policy hook (registered earlier), so 401/403 still come first; not on unknown paths (404).
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.url === undefined) return;
    if (request.routeOptions.config.upload === undefined && request.isMultipart()) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
        vi: 'Đường dẫn này không nhận tệp (multipart/form-data); hãy gửi JSON',
        en: 'This route takes no file (multipart/form-data); send JSON',
      });
    }
  });
});
