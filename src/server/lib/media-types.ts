import { parse } from 'csv-parse/sync';
import { fileTypeFromBuffer, supportedExtensions } from 'file-type';
import type { LocalizedText } from '../../shared/contracts/common.js';

/** The file types the platform accepts anywhere, each with its extensions (the first is the one given to stored names). */
const knownTypes = {
  'application/pdf': { extensions: ['pdf'], label: { vi: 'PDF', en: 'PDF' } },
  'image/png': { extensions: ['png'], label: { vi: 'ảnh PNG', en: 'PNG image' } },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], label: { vi: 'ảnh JPEG', en: 'JPEG image' } },
  'image/webp': { extensions: ['webp'], label: { vi: 'ảnh WebP', en: 'WebP image' } },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['docx'], label: { vi: 'Word', en: 'Word' } },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extensions: ['xlsx'],
    label: { vi: 'Excel (XLSX)', en: 'Excel (XLSX)' },
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    extensions: ['pptx'],
    label: { vi: 'PowerPoint', en: 'PowerPoint' },
  },
  'application/vnd.oasis.opendocument.text': { extensions: ['odt'], label: { vi: 'OpenDocument văn bản', en: 'OpenDocument text' } },
  'application/vnd.oasis.opendocument.spreadsheet': {
    extensions: ['ods'],
    label: { vi: 'OpenDocument bảng tính', en: 'OpenDocument spreadsheet' },
  },
  'text/csv': { extensions: ['csv'], label: { vi: 'CSV', en: 'CSV' } },
  'text/plain': { extensions: ['txt'], label: { vi: 'văn bản thuần', en: 'plain text' } },
  'application/json': { extensions: ['json'], label: { vi: 'JSON', en: 'JSON' } },
  'application/geo+json': { extensions: ['geojson', 'json'], label: { vi: 'GeoJSON', en: 'GeoJSON' } },
} as const satisfies Record<string, { extensions: readonly string[]; label: LocalizedText }>;

export type MediaType = keyof typeof knownTypes;

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' satisfies MediaType;
export const csvMediaType = 'text/csv' satisfies MediaType;

/** Attachments: documents, images, office files and text. */
/** Structured data files, accepted as open-data resources. */
export const jsonTypes: readonly MediaType[] = ['application/json', 'application/geo+json'];
export const documentTypes = (Object.keys(knownTypes) as MediaType[]).filter((type) => !jsonTypes.includes(type));
/** A file of rows to import: a workbook, or text read as CSV. */
export const tableTypes: readonly MediaType[] = [xlsxMediaType, csvMediaType, 'text/plain'];

export const isKnownMediaType = (type: string): type is MediaType => Object.hasOwn(knownTypes, type);

/** "PDF, ảnh PNG, …" in each language, for messages that say what a route accepts. */
export function describeTypes(types: readonly MediaType[]): LocalizedText {
  return { vi: types.map((t) => knownTypes[t].label.vi).join(', '), en: types.map((t) => knownTypes[t].label.en).join(', ') };
}

/** How much of a file's start decides its type: enough for the zip directory entries that tell DOCX from XLSX. */
export const sniffBytes = 64 * 1024;

/**
 * The type of a file judged by its first bytes, never by its name. Binary formats by their magic
 * numbers (file-type); a file without one is text only if it is clean UTF-8 without control
 * characters, and CSV when its lines split into the same number (two or more) of columns.
 * Returns what was found, accepted or not, or null when nothing was recognised.
 */
export async function detectMediaType(head: Buffer, isWholeFile: boolean): Promise<string | null> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime;
  const text = utf8Text(head, isWholeFile);
  if (text === null) return null;
  const json = isWholeFile ? jsonKind(text) : null;
  if (json) return json;
  return looksLikeCsv(text, isWholeFile) ? 'text/csv' : 'text/plain';
}

// Tab, line feed, form feed and carriage return are the only control characters text files carry.
const textControls = new Set([0x09, 0x0a, 0x0c, 0x0d]);
const hasForeignControl = (text: string) => [...text].some((c) => (c < ' ' && !textControls.has(c.charCodeAt(0))) || c === '\u007f');

function utf8Text(head: Buffer, isWholeFile: boolean): string | null {
  try {
    // `stream` tolerates a character cut in two at the end of a head that is not the whole file.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !isWholeFile });
    return hasForeignControl(text) ? null : text;
  } catch {
    return null;
  }
}

/** Whether a text may be JSON, judged by its first character: worth reading whole to parse. */
export const mayBeJson = (head: Buffer): boolean => /^\s*[[{]/.test(head.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, ''));

const geoJsonTypes = new Set(['FeatureCollection', 'Feature', 'Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** JSON (an object or array that parses), GeoJSON when its top-level "type" is one of RFC 7946's; else null. */
function jsonKind(text: string): 'application/json' | 'application/geo+json' | null {
  if (!/^\s*[[{]/.test(text)) return null;
  try {
    const value: unknown = JSON.parse(text);
    const type = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;
    return typeof type === 'string' && geoJsonTypes.has(type) ? 'application/geo+json' : 'application/json';
  } catch {
    return null;
  }
}

function looksLikeCsv(text: string, isWholeFile: boolean): boolean {
  // The last line of a head may be cut short: judge whole lines only.
  const whole = isWholeFile ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  for (const delimiter of [',', ';']) {
    try {
      const records = parse(whole, { bom: true, delimiter, skip_empty_lines: true, to_line: 200 }) as string[][];
      if (records.length >= 2 && records[0]!.length >= 2) return true;
    } catch {
      // Rows of different lengths or stray quotes: not a table with this delimiter.
    }
  }
  return false;
}

const extensionsOf = (type: MediaType): readonly string[] => knownTypes[type].extensions;

// Extensions a name may carry that say "this is a file of type X": replaced when the content says otherwise.
const typeExtensions = new Set<string>([
  ...supportedExtensions,
  ...Object.values(knownTypes).flatMap((t) => t.extensions),
  ...[
    'doc',
    'xls',
    'ppt',
    'htm',
    'html',
    'svg',
    'js',
    'mjs',
    'json',
    'xml',
    'md',
    'bat',
    'cmd',
    'ps1',
    'sh',
    'vbs',
    'scr',
    'com',
    'dll',
    'msi',
    'jar',
    'apk',
  ],
]);

const maxNameLength = 255;

/**
 * The name a file is kept under: the sender's name, with an extension that matches its content. A
 * matching extension stays as written; one of another type ("anh.jpg" holding a PNG) is replaced;
 * anything else ("v1.2", none) keeps its place and the content's extension is added.
 */
export function nameForContent(fileName: string, type: MediaType): string {
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1) : '';
  const canonical = extensionsOf(type)[0]!;
  let stem = fileName;
  if (extension !== '') {
    if (extensionsOf(type).includes(extension.toLowerCase())) return shorten(fileName.slice(0, dot), fileName.slice(dot));
    if (typeExtensions.has(extension.toLowerCase())) stem = fileName.slice(0, dot);
  }
  return shorten(stem, `.${canonical}`);
}

/** Keeps the extension whole when a long name has to be cut to fit. */
function shorten(stem: string, extension: string): string {
  const room = maxNameLength - extension.length;
  return [...stem].slice(0, room).join('').trimEnd() + extension;
}
