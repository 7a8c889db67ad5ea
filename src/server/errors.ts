/**
 * Maps every failure to `{error: {code, message}}` with a stable code from src/core/errors.ts. Client errors
 * say what was wrong; 5xx answers carry only the code's generic message, never an internal message or stack.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, type ErrorCode, isNetkbError } from '../core/errors.js';
import type { ErrorBody } from './schemas.js';

interface Mapped {
  status: number;
  code: ErrorCode;
  message: string;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_NOT_FOUND: 'NOT_FOUND',
};

export function mapError(error: unknown): Mapped {
  if (isNetkbError(error)) {
    const status = ERRORS[error.code].status;
    return { status, code: error.code, message: status >= 500 ? ERRORS[error.code].message : error.message };
  }
  const fastifyError = error as Partial<FastifyError> & { validation?: unknown[] };
  if (Array.isArray(fastifyError.validation)) {
    return { status: 400, code: 'BAD_REQUEST', message: validationMessage(fastifyError as FastifyError) };
  }
  const code = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (code) {
    const message =
      code === 'INVALID_JSON'
        ? `${ERRORS.INVALID_JSON.message}: ${jsonProblem(fastifyError)}`
        : ERRORS[code].message;
    return { status: ERRORS[code].status, code, message };
  }
  // JSON.parse / secure-json-parse errors that reach us without a Fastify code (prototype poisoning, ...).
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return { status: 400, code: 'INVALID_JSON', message: `${ERRORS.INVALID_JSON.message}: ${error.message}` };
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return { status, code: 'NOT_FOUND', message: ERRORS.NOT_FOUND.message };
    if (status === 413) return { status, code: 'BODY_TOO_LARGE', message: ERRORS.BODY_TOO_LARGE.message };
    if (status === 415)
      return { status, code: 'UNSUPPORTED_MEDIA_TYPE', message: ERRORS.UNSUPPORTED_MEDIA_TYPE.message };
    return { status: 400, code: 'BAD_REQUEST', message: ERRORS.BAD_REQUEST.message };
  }
  return { status: 500, code: 'INTERNAL', message: ERRORS.INTERNAL.message };
}

function jsonProblem(error: Partial<FastifyError>): string {
  return error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'the body is empty' : 'malformed JSON';
}

/** `body/message must NOT have more than 2000 characters`; names the offending unknown field. */
function validationMessage(error: FastifyError): string {
  const first = error.validation?.[0];
  const where = `${error.validationContext ?? 'body'}${first?.instancePath ?? ''}`;
  if (first?.keyword === 'additionalProperties') {
    const field = (first.params as { additionalProperty?: string }).additionalProperty;
    return `${where} has unknown field '${field}' (unknown fields are rejected)`;
  }
  if (first?.keyword === 'pattern' && first.instancePath === '/message') return `${where} must not be blank`;
  return `${where} ${first?.message ?? 'is invalid'}`;
}

export function errorBody(mapped: Mapped): ErrorBody {
  return { error: { code: mapped.code, message: mapped.message } };
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const mapped = mapError(error);
    if (mapped.status >= 500) {
      if (mapped.code === 'NOT_READY')
        request.log.info({ code: mapped.code }, 'request before the index is loaded');
      else request.log.error({ err: error, code: mapped.code }, 'request failed');
    } else {
      request.log.info({ code: mapped.code, reason: mapped.message }, 'client error');
    }
    return reply.code(mapped.status).type('application/json; charset=utf-8').send(errorBody(mapped));
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const mapped: Mapped = {
      status: 404,
      code: 'NOT_FOUND',
      message: `Route ${request.method} ${request.url.split('?')[0] ?? ''} not found`.slice(0, 300),
    };
    return reply.code(404).type('application/json; charset=utf-8').send(errorBody(mapped));
  });
}
