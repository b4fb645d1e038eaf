import type { LocalizedText } from './contracts/common.js';

/** The parts of a zod issue the messages need; kept structural so shared code does not depend on zod internals. */
export type IssueLike = {
  code: string;
  path: readonly PropertyKey[];
  message?: string;
  expected?: unknown;
  received?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
  inclusive?: boolean;
  params?: unknown;
};

/**
 * Options for a zod refinement whose message is known in both languages: the text completes
 * "Field 'x' …" (e.g. `must be a date from …`), and describeIssue reads it back from the issue.
 */
export function bilingual(predicate: LocalizedText): { message: string; params: { localized: LocalizedText } } {
  return { message: predicate.en, params: { localized: predicate } };
}

const localizedOf = (params: unknown): LocalizedText | null => {
  const localized = (params as { localized?: Partial<LocalizedText> } | undefined)?.localized;
  return typeof localized?.vi === 'string' && typeof localized.en === 'string' ? { vi: localized.vi, en: localized.en } : null;
};

/** The message for a NUL character (U+0000) in a field: no text field may hold one. */
export function nulCharacterMessage(field: string): LocalizedText {
  return {
    vi: `Trường '${field}' chứa ký tự NUL (U+0000), ký tự này không được phép`,
    en: `Field '${field}' contains a NUL character (U+0000), which is not allowed`,
  };
}

const typeNames: Record<string, LocalizedText> = {
  string: { vi: 'chuỗi ký tự', en: 'text' },
  number: { vi: 'số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'an integer' },
  boolean: { vi: 'true/false', en: 'true/false' },
  object: { vi: 'đối tượng', en: 'an object' },
  array: { vi: 'danh sách', en: 'a list' },
  date: { vi: 'ngày', en: 'a date' },
};

const formatNames: Record<string, LocalizedText> = {
  uuid: { vi: 'mã UUID', en: 'a UUID' },
  email: { vi: 'địa chỉ e-mail', en: 'an e-mail address' },
  url: { vi: 'địa chỉ URL', en: 'a URL' },
  date: { vi: 'ngày dạng YYYY-MM-DD', en: 'a date as YYYY-MM-DD' },
  datetime: { vi: 'thời điểm ISO 8601', en: 'an ISO 8601 date-time' },
  regex: { vi: 'đúng định dạng', en: 'the expected format' },
};

function sizeUnit(origin: unknown): LocalizedText {
  if (origin === 'string') return { vi: 'ký tự', en: 'characters' };
  if (origin === 'array' || origin === 'set') return { vi: 'phần tử', en: 'items' };
  if (origin === 'file') return { vi: 'byte', en: 'bytes' };
  return { vi: '', en: '' };
}

/** Turns one validation issue into a message in both languages, naming the field. */
export function describeIssue(issue: IssueLike, where = ''): LocalizedText {
  const field = [where, ...issue.path.map(String)].filter(Boolean).join('.') || 'input';
  const lead = (vi: string, en: string): LocalizedText => ({ vi: `Trường '${field}' ${vi}`, en: `Field '${field}' ${en}` });
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.received === 'undefined' || /received undefined/.test(issue.message ?? '')) {
        return lead('là bắt buộc', 'is required');
      }
      const t = typeNames[String(issue.expected)] ?? { vi: String(issue.expected), en: String(issue.expected) };
      return lead(`phải là ${t.vi}`, `must be ${t.en}`);
    }
    case 'too_small': {
      const u = sizeUnit(issue.origin);
      const op = issue.inclusive === false ? { vi: 'lớn hơn', en: 'more than' } : { vi: 'ít nhất', en: 'at least' };
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return lead('không được để trống', 'must not be empty');
      return lead(`phải có ${op.vi} ${String(issue.minimum)} ${u.vi}`.trimEnd(), `must be ${op.en} ${String(issue.minimum)} ${u.en}`.trimEnd());
    }
    case 'too_big': {
      const u = sizeUnit(issue.origin);
      const op = issue.inclusive === false ? { vi: 'nhỏ hơn', en: 'less than' } : { vi: 'tối đa', en: 'at most' };
      return lead(`chỉ được ${op.vi} ${String(issue.maximum)} ${u.vi}`.trimEnd(), `must be ${op.en} ${String(issue.maximum)} ${u.en}`.trimEnd());
    }
    case 'invalid_format': {
      const f = formatNames[String(issue.format)] ?? { vi: String(issue.format), en: String(issue.format) };
      return lead(`phải là ${f.vi}`, `must be ${f.en}`);
    }
    case 'invalid_value': {
      const list = (issue.values ?? []).map((v) => JSON.stringify(v)).join(', ');
      return lead(`phải là một trong: ${list}`, `must be one of: ${list}`);
    }
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).join(', ');
      return lead(`có khóa không được phép: ${keys}`, `has keys that are not allowed: ${keys}`);
    }
    case 'custom': {
      const localized = localizedOf(issue.params);
      if (localized) return lead(localized.vi, localized.en);
      break;
    }
    case 'not_multiple_of':
      return lead('không đúng bội số yêu cầu', 'is not a multiple of the required step');
  }
  return lead(`không hợp lệ${issue.message ? ` (${issue.message})` : ''}`, `is invalid${issue.message ? ` (${issue.message})` : ''}`);
}
