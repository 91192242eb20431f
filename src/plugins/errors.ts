// Errors are mapped here, in one place and both languages: the contract's
// {error: {code, message, fields?}} for the API, a page for people. 5xx never shows internals.
import fp from 'fastify-plugin'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, type FieldErrors } from '../lib/errors.js'
import { t, type Lang } from '../i18n/index.js'
import { noteRefusal } from './request-log.js'

/** Field messages are i18n keys, {key, params}, or (older callers) "key|{json params}". */
export function translateFields (lang: Lang, fields: FieldErrors | undefined): Record<string, string> | undefined {
  if (fields === undefined) return undefined
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(fields)) {
    out[name] = typeof value === 'string' ? t(lang, value) : t(lang, value.key, value.params)
  }
  return out
}

/** Turns anything thrown into an AppError the user may see. */
export function toAppError (err: unknown): AppError {
  if (err instanceof AppError) return err
  const e = err as FastifyError & { statusCode?: number }
  const status = e.statusCode ?? 500
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError(413, 'PAYLOAD_TOO_LARGE', 'error.payloadTooLarge')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'error.unsupportedMediaType')
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return new AppError(403, 'CSRF_INVALID', 'error.csrf')
  }
  if (status === 400 && (e instanceof SyntaxError || (e.code ?? '').startsWith('FST_ERR_CTP'))) {
    return new AppError(400, 'INVALID_JSON', 'error.invalidJson')
  }
  if (status === 413) return new AppError(413, 'PAYLOAD_TOO_LARGE', 'error.payloadTooLarge')
  if (status === 405) return new AppError(405, 'METHOD_NOT_ALLOWED', 'error.methodNotAllowed')
  if (status === 404) return new AppError(404, 'NOT_FOUND', 'error.notFound')
  if (status >= 400 && status < 500) return new AppError(status, 'BAD_REQUEST', 'error.invalidInput')
  return new AppError(500, 'INTERNAL', 'error.internal')
}

export function sendError (req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const message = t(req.lang, err.messageKey, err.params)
  if (req.isApi || !acceptsHtml(req)) {
    const body: { error: { code: string, message: string, fields?: Record<string, string> } } = { error: { code: err.code, message } }
    const fields = translateFields(req.lang, err.fields)
    if (fields !== undefined) body.error.fields = fields
    return reply.code(err.statusCode).type('application/json; charset=utf-8').send(body)
  }
  if (err.statusCode === 401 && req.method === 'GET') {
    return reply.redirect('/login?next=' + encodeURIComponent(req.url))
  }
  if (err.statusCode === 404) return reply.page('errors/404', { titleKey: 'error.404.title' }, 404)
  return reply.page('errors/error', { titleKey: 'error.page.title', message, code: err.code }, err.statusCode)
}

function acceptsHtml (req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? ''
  return accept === '' || accept.includes('text/html') || accept.includes('*/*')
}

export default fp(async function errors (app: FastifyInstance) {
  app.setErrorHandler(function (err, req, reply) {
    const appErr = toAppError(err)
    if (appErr.statusCode >= 500) req.log.error({ err }, 'request failed')
    else noteRefusal(req, appErr.code) // on the request's one log line (request-log.ts)
    return sendError(req, reply, appErr)
  })
  app.setNotFoundHandler(function (req, reply) {
    return sendError(req, reply, new AppError(404, 'NOT_FOUND', 'error.notFound'))
  })
}, { name: 'errors', dependencies: ['views'] })
