import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, LocalizedText } from '../../shared/contracts/common.js';
import { errorCodes, type ErrorCode } from '../../shared/error-codes.js';
import { describeIssue } from '../../shared/validation-messages.js';
import { AppError } from '../lib/errors.js';
import { sqlStateOf } from '../lib/logging.js';

const messagesByCode: Partial<Record<ErrorCode, LocalizedText>> = {
  BAD_REQUEST: { vi: 'Yêu cầu không hợp lệ', en: 'The request is not valid' },
  UNAUTHENTICATED: { vi: 'Vui lòng đăng nhập', en: 'Please sign in' },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  NOT_FOUND: { vi: 'Không tìm thấy', en: 'Not found' },
  METHOD_NOT_ALLOWED: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported content type' },
  RATE_LIMITED: { vi: 'Bạn thao tác quá nhanh, vui lòng thử lại sau', en: 'Too many requests, please try again later' },
  SERVICE_UNAVAILABLE: {
    vi: 'Hệ thống tạm thời không phục vụ được, vui lòng thử lại sau',
    en: 'Service temporarily unavailable, please try again later',
  },
  INTERNAL: { vi: 'Đã có lỗi hệ thống; lỗi đã được ghi lại', en: 'An internal error occurred; it has been logged' },
};

const codeByStatus: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

type ClientError = { code: ErrorCode; message: LocalizedText };

const malformedMultipart: ClientError = {
  code: 'BAD_REQUEST',
  message: {
    vi: 'Nội dung multipart/form-data bị hỏng hoặc không trọn vẹn; hãy gửi lại tệp',
    en: 'The multipart/form-data body is malformed or incomplete; send the file again',
  },
};
const tooLarge = (vi: string, en: string): ClientError => ({ code: 'PAYLOAD_TOO_LARGE', message: { vi, en } });

/** The client errors Fastify and @fastify/multipart raise while reading a request, by their error code, in both languages. */
const clientErrors: Record<string, ClientError> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: {
      vi: 'Kiểu nội dung (Content-Type) này không được nhận ở đây; hãy gửi application/json, hoặc multipart/form-data khi tải tệp lên',
      en: 'This content type is not accepted here; send application/json, or multipart/form-data to upload a file',
    },
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: { vi: 'Hãy gửi tệp dưới dạng multipart/form-data', en: 'Send the file as multipart/form-data' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'BAD_REQUEST',
    message: {
      vi: 'Thân yêu cầu trống dù Content-Type là application/json',
      en: 'The body is empty although Content-Type is application/json',
    },
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'BAD_REQUEST',
    message: { vi: 'Thân yêu cầu không phải JSON hợp lệ', en: 'The body is not valid JSON' },
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'BAD_REQUEST',
    message: { vi: 'Độ dài thân yêu cầu không khớp với Content-Length', en: 'The body size does not match Content-Length' },
  },
  FST_ERR_CTP_BODY_TOO_LARGE: tooLarge('Dữ liệu gửi lên vượt quá giới hạn cho phép', 'The request body is larger than allowed'),
  FST_ERR_BAD_URL: {
    code: 'BAD_REQUEST',
    message: { vi: 'Đường dẫn có phần mã hóa không hợp lệ', en: 'The URL has a badly encoded part' },
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: 'BAD_REQUEST',
    message: { vi: 'Một tham số trên đường dẫn quá dài', en: 'A parameter in the URL is too long' },
  },
  FST_REQ_FILE_TOO_LARGE: tooLarge('Tệp vượt quá dung lượng cho phép', 'The file is larger than allowed'),
  FST_FILES_LIMIT: tooLarge('Gửi quá nhiều tệp trong một yêu cầu', 'Too many files in one request'),
  FST_FIELDS_LIMIT: tooLarge('Gửi quá nhiều trường trong một yêu cầu', 'Too many fields in one request'),
  FST_PARTS_LIMIT: tooLarge('Gửi quá nhiều phần trong một yêu cầu', 'Too many parts in one request'),
  FST_PROTO_VIOLATION: malformedMultipart,
  FST_INVALID_JSON_FIELD_ERROR: malformedMultipart,
  FST_MP_PREMATURE_CLOSE: malformedMultipart,
};

/** The multipart parser (busboy) reports a malformed body with plain errors, known only by their messages. */
const malformedMultipartMessages = [
  /^Multipart: Boundary not found$/,
  /^Unsupported Content-Type\.$/,
  /^Unexpected end of multipart data$/,
  /terminated early due to unexpected end of multipart data$/,
];

const invalidValue: ClientError = {
  code: 'BAD_REQUEST',
  message: {
    vi: 'Một giá trị trong yêu cầu không hợp lệ (sai định dạng hoặc ngoài khoảng cho phép); hãy kiểm tra lại dữ liệu đã nhập',
    en: 'A value in the request is not valid (malformed or out of range); check what was entered',
  },
};
const duplicate: ClientError = {
  code: 'CONFLICT',
  message: {
    vi: 'Bản ghi này đã có (có thể cùng một yêu cầu được gửi hai lần cùng lúc); hãy tải lại rồi kiểm tra',
    en: 'This record already exists (perhaps the same request was sent twice at once); reload and check',
  },
};
const missingReference: ClientError = {
  code: 'CONFLICT',
  message: {
    vi: 'Một bản ghi được nhắc tới không tồn tại hoặc vừa bị xóa; hãy tải lại rồi thử lại',
    en: 'A record this refers to does not exist or was just removed; reload and try again',
  },
};

/**
 * The database refusing what a request brought, as a last net behind validation and the services'
 * own checks: a value it cannot take (SQLSTATE class 22, data exception; 23514, a check), or a
 * duplicate or a vanished reference that two requests racing each other can produce (23505, 23503).
 */
export function databaseRefusal(error: unknown): ClientError | null {
  const state = sqlStateOf(error);
  if (state === null) return null;
  if (state.startsWith('22') || state === '23514') return invalidValue;
  if (state === '23505') return duplicate;
  if (state === '23503') return missingReference;
  return null;
}

const contextNames: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

/** Maps any thrown error to the API's one error shape; 5xx never leak internals. */
export function toErrorBody(error: unknown, requestId: string): { status: number; body: ErrorBody } {
  const bodyOf = (code: ErrorCode, message: LocalizedText, details?: unknown) => ({
    status: errorCodes[code],
    body: { error: { code, message, details, requestId } },
  });
  if (error instanceof AppError) {
    return { status: error.statusCode, body: { error: { code: error.code, message: error.localized, details: error.details, requestId } } };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = contextNames[error.validationContext ?? ''] ?? '';
    const details = error.validation.map((v) => {
      const issue = {
        ...(v.params as Record<string, unknown>),
        code: v.keyword,
        message: v.message,
        path: v.instancePath.split('/').filter(Boolean),
      };
      return { path: [where, ...issue.path].filter(Boolean).join('.'), code: v.keyword, message: describeIssue(issue, where) };
    });
    const first = details[0]!.message;
    const more =
      details.length > 1 ? { vi: ` (và ${details.length - 1} lỗi khác)`, en: ` (and ${details.length - 1} more)` } : { vi: '', en: '' };
    return bodyOf('VALIDATION', { vi: first.vi + more.vi, en: first.en + more.en }, details);
  }
  const fastifyError = error as Partial<FastifyError>;
  const known = typeof fastifyError.code === 'string' ? clientErrors[fastifyError.code] : undefined;
  if (known) return bodyOf(known.code, known.message);
  if (error instanceof Error && malformedMultipartMessages.some((pattern) => pattern.test(error.message))) {
    return bodyOf(malformedMultipart.code, malformedMultipart.message);
  }
  const refusal = databaseRefusal(error);
  if (refusal) return bodyOf(refusal.code, refusal.message);
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
    const code = codeByStatus[status] ?? 'BAD_REQUEST';
    const base = messagesByCode[code]!;
    // Other client errors from Fastify's plugins carry a useful English reason.
    const reason = fastifyError.message ? `: ${fastifyError.message}` : '';
    return { status, body: { error: { code, message: { vi: base.vi + reason, en: base.en + reason }, requestId } } };
  }
  const code: ErrorCode = status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL';
  return bodyOf(code, messagesByCode[code]!);
}

/** Fastify's refusals before any route is found (a badly encoded URL, an over-long path parameter), in the same shape. */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorBody(error, request.id);
  request.log.info({ code: body.error.code, status }, 'client error');
  void reply.status(status).send(body);
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorBody(error, request.id);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    // The last net caught what validation or the service should have: worth a look, with the SQL but not the values.
    else if (databaseRefusal(error))
      request.log.warn({ err: error, code: body.error.code, status }, 'database refused what the request brought');
    else request.log.info({ code: body.error.code, status }, 'client error');
    return reply.status(status).send(body);
  });
});
