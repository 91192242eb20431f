// The JSON API described for integrators: an OpenAPI 3 document at /api/docs/openapi.json and a
// Swagger UI at /api/docs. Routes declare `schema: apiDoc({...})`; the JSON Schemas of inputs are
// derived from the same zod schemas the handlers parse with.
//
// Fastify's own validation is switched OFF: inputs are parsed with zod inside the handlers (their
// messages, their error shape), so `body`/`querystring`/`params`/`headers` are documentation only.
// No route declares a `response` schema either (fastify's serializer would drop undeclared
// fields): answers are documented under `x-answers` and written into the document here.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifySchema } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { COMPONENT_SCHEMAS, DESCRIPTION, obj, oneOf, ref, TAGS, type JsonSchema } from './openapi-schemas.js'

export { answerFromZod, arr, date, fenInt, fromZod, int, items, nullable, obj, oneOf, ref, str, type JsonSchema } from './openapi-schemas.js'

export const DOCS_PREFIX = '/api/docs'
export const OPENAPI_JSON_PATH = `${DOCS_PREFIX}/openapi.json`

// ---- the route declaration ----

export type ApiTag = 'accounts' | 'buildings' | 'enterprises' | 'memberships' | 'aid' | 'claims' | 'payment-batches' | 'me' | 'governance'
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429

export interface ApiDoc {
  summary: string
  description?: string
  tag: ApiTag
  /** Needs `Authorization: Bearer <token>` (default true). */
  auth?: boolean
  body?: JsonSchema
  /** A multipart/form-data body instead of JSON. */
  multipart?: JsonSchema
  query?: JsonSchema
  params?: JsonSchema
  /** The `Idempotency-Key` header is required. */
  idempotencyKey?: boolean
  /** The `X-Signature` header (payment provider's HMAC) is required. */
  signature?: boolean
  /** The success answer: status (200), description, JSON schema or another content type. */
  answer: { status?: number, description: string, schema?: JsonSchema, contentType?: string }
  /** Error answers beyond the ones implied (400 for inputs, 401 for auth, 404 for ids): status → what it means. */
  errors?: Partial<Record<ErrorStatus, string>>
}

interface Answers {
  success: { status: number, description: string, schema?: JsonSchema, contentType?: string }
  errors: Record<string, string>
}

const ANSWERS_KEY = 'x-answers'

/** A route's `schema` option: documentation only (validation is off, no response schemas). */
export function apiDoc (d: ApiDoc): FastifySchema {
  const auth = d.auth ?? true
  const errors: Record<string, string> = {}
  if (d.body !== undefined || d.multipart !== undefined || d.query !== undefined || d.params !== undefined || d.idempotencyKey === true) {
    errors['400'] = 'INVALID_INPUT: `fields` maps each bad field to its message' + (d.idempotencyKey === true ? '; IDEMPOTENCY_KEY_REQUIRED without the header' : '')
  }
  if (auth) {
    errors['401'] = 'UNAUTHORIZED / TOKEN_INVALID: no token, or an expired or revoked one'
    errors['403'] = 'FORBIDDEN: not allowed for this user; PASSWORD_CHANGE_REQUIRED'
  }
  if (d.signature === true) errors['401'] = 'INVALID_SIGNATURE: the X-Signature header does not match the raw body'
  if (d.params !== undefined) errors['404'] = 'NOT_FOUND'
  for (const [status, meaning] of Object.entries(d.errors ?? {})) errors[status] = meaning

  const headers: Record<string, JsonSchema> = {}
  const required: string[] = []
  if (d.idempotencyKey === true) {
    headers['Idempotency-Key'] = { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$', description: 'A key chosen by the caller (printable ASCII). The same key from the same user returns the first answer and creates nothing new.' }
    required.push('Idempotency-Key')
  }
  if (d.signature === true) {
    headers['X-Signature'] = { type: 'string', pattern: '^sha256=[0-9a-fA-F]{64}$', description: '`sha256=<hex HMAC-SHA256 of the raw body with PAYMENT_WEBHOOK_SECRET>`' }
    required.push('X-Signature')
  }

  const answers: Answers = { success: { status: d.answer.status ?? 200, description: d.answer.description, schema: d.answer.schema, contentType: d.answer.contentType }, errors }
  const schema: Record<string, unknown> = {
    summary: d.summary,
    tags: [d.tag],
    [ANSWERS_KEY]: answers
  }
  if (d.description !== undefined) schema.description = d.description
  if (auth) schema.security = [{ bearerAuth: [] }]
  if (d.body !== undefined) schema.body = d.body
  if (d.multipart !== undefined) { schema.body = d.multipart; schema.consumes = ['multipart/form-data'] }
  if (d.query !== undefined) schema.querystring = d.query
  if (d.params !== undefined) schema.params = d.params
  if (required.length > 0) schema.headers = { type: 'object', properties: headers, required }
  return schema as FastifySchema
}
type Operation = Record<string, unknown> & { [ANSWERS_KEY]?: Answers, responses?: Record<string, unknown> }

function errorResponse (description: string): JsonSchema {
  return { description, content: { 'application/json': { schema: ref('Error') } } }
}

/** Writes each operation's documented answers as OpenAPI responses; adds what no route declares. */
function finishDocument (doc: Record<string, unknown>): Record<string, unknown> {
  const paths = doc.paths as Record<string, Record<string, Operation>>
  for (const item of Object.values(paths)) {
    for (const op of Object.values(item)) {
      const answers = op[ANSWERS_KEY]
      if (answers === undefined) continue
      delete op[ANSWERS_KEY]
      const { success } = answers
      const ok: JsonSchema = { description: success.description }
      if (success.contentType !== undefined) {
        ok.content = { [success.contentType]: { schema: { type: 'string', format: 'binary' } } }
      } else if (success.schema !== undefined) {
        ok.content = { 'application/json': { schema: success.schema } }
      }
      const responses: Record<string, unknown> = { [String(success.status)]: ok }
      for (const [status, meaning] of Object.entries(answers.errors)) responses[status] = errorResponse(meaning)
      op.responses = responses
      // A body whose fields are all optional may be left out (calls without a body need no content type).
      const body = op.requestBody as { required?: boolean, content?: Record<string, { schema?: JsonSchema }> } | undefined
      const bodySchema = body?.content?.['application/json']?.schema
      if (body !== undefined && bodySchema !== undefined && ((bodySchema.required as string[] | undefined) ?? []).length === 0) body.required = false
    }
  }
  paths['/healthz'] = {
    get: {
      summary: 'Health check: the database answers',
      tags: ['accounts'],
      responses: { 200: { description: 'OK', content: { 'application/json': { schema: obj({ status: oneOf('ok') }) } } } }
    }
  }
  return doc
}

export default fp(async function openapi (app: FastifyInstance) {
  // Route schemas document; zod in the handlers validates. This must be set before any route is added.
  app.setValidatorCompiler(() => () => true)
  // fastify's serializer would silently drop every field a response schema does not list.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && (route.schema as { response?: unknown } | undefined)?.response !== undefined) {
      throw new Error(`${route.method} ${route.url}: document answers with apiDoc({ answer }), not schema.response`)
    }
  })

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '楼宇工会联合会门户 JSON API', version: '1', description: DESCRIPTION },
      tags: TAGS,
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        schemas: COMPONENT_SCHEMAS as never
      }
    },
    // Only the routes that declare apiDoc(...) (they carry a tag): the pages are not part of the API.
    hideUntagged: true,
    transformObject: (documentObject) => finishDocument((documentObject as { openapiObject: Record<string, unknown> }).openapiObject) as never
  })

  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    theme: { title: '楼宇工会联合会门户 JSON API' },
    // Swagger UI's page loads only its own files (no inline script or style), so the portal's strict CSP applies unchanged.
    staticCSP: false,
    uiConfig: { deepLinking: true, docExpansion: 'list', layout: 'BaseLayout' }
  })

  app.get(OPENAPI_JSON_PATH, { schema: { hide: true } }, async (_req, reply) => {
    return reply.type('application/json; charset=utf-8').send(app.swagger())
  })
}, { name: 'openapi', dependencies: ['errors'] })
