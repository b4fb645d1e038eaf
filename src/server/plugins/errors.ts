import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, LocalizedText } from '../../shared/contracts/common.js';
import { errorCodes, type ErrorCode } from '../../shared/error-codes.js';
import { describeIssue } from '../../shared/validation-messages.js';
import { AppError } from '../lib/errors.js';

const messagesByCode: Partial<Record<ErrorCode, LocalizedText>> = {
  BAD_REQUEST: { vi: 'Yêu cầu không hợp lệ', en: 'The request is not valid' },
  UNAUTHENTICATED: { vi: 'Vui lòng đăng nhập', en: 'Please sign in' },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  NOT_FOUND: { vi: 'Không tìm thấy', en: 'Not found' },
  METHOD_NOT_ALLOWED: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported content type' },
  RATE_LIMITED: { vi: 'Bạn thao tác quá nhanh, vui lòng thử lại sau', en: 'Too many requests, please try again later' },
  SERVICE_UNAVAILABLE: { vi: 'Hệ thống tạm thời không phục vụ được, vui lòng thử lại sau', en: 'Service temporarily unavailable, please try again later' },
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

const contextNames: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

/** Maps any thrown error to the API's one error shape; 5xx never leak internals. */
export function toErrorBody(error: unknown, requestId: string): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: error.statusCode, body: { error: { code: error.code, message: error.localized, details: error.details, requestId } } };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = contextNames[error.validationContext ?? ''] ?? '';
    const details = error.validation.map((v) => {
      const issue = { ...(v.params as Record<string, unknown>), code: v.keyword, message: v.message, path: v.instancePath.split('/').filter(Boolean) };
      return { path: [where, ...issue.path].filter(Boolean).join('.'), code: v.keyword, message: describeIssue(issue, where) };
    });
    const first = details[0]!.message;
    const more = details.length > 1 ? { vi: ` (và ${details.length - 1} lỗi khác)`, en: ` (and ${details.length - 1} more)` } : { vi: '', en: '' };
    return {
      status: 400,
      body: { error: { code: 'VALIDATION', message: { vi: first.vi + more.vi, en: first.en + more.en }, details, requestId } },
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
    const code = codeByStatus[status] ?? 'BAD_REQUEST';
    const base = messagesByCode[code]!;
    // Fastify's own client errors (bad JSON, wrong content type) carry a useful English reason.
    const reason = fastifyError.message ? `: ${fastifyError.message}` : '';
    return { status, body: { error: { code, message: { vi: base.vi + reason, en: base.en + reason }, requestId } } };
  }
  const code: ErrorCode = status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL';
  return { status: errorCodes[code], body: { error: { code, message: messagesByCode[code]!, requestId } } };
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorBody(error, request.id);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.error.code, status }, 'client error');
    return reply.status(status).send(body);
  });
});
