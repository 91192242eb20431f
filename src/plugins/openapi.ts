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
import { z } from 'zod'
import { isFen, MAX_FEN } from '../domain/money.js'
import { isRealDate } from '../domain/dates.js'
import { t } from '../i18n/index.js'

export const DOCS_PREFIX = '/api/docs'
export const OPENAPI_JSON_PATH = `${DOCS_PREFIX}/openapi.json`

export type JsonSchema = Record<string, unknown>

// ---- JSON Schema from zod ----

interface ZodInternals { _zod: { def: { checks?: Array<{ _zod: { def: { fn?: unknown } } }> } } }

/** What a field's name tells an integrator that its zod schema (a transform) cannot. */
const FIELD_HINTS: Record<string, JsonSchema> = {
  phone: { description: '手机号 Mainland mobile number (+86, spaces and hyphens are ignored)', example: '13800000000' },
  mobile: { description: '手机号 Mainland mobile number; defaults to the account\'s phone', example: '13800000000' },
  contactPhone: { description: '联系电话 Mainland mobile number', example: '13800000000' },
  uscc: { description: '统一社会信用代码 Unified Social Credit Code (GB 32100-2015), 18 characters', example: '91350100M000100Y43' },
  idNumber: { description: '居民身份证号 Resident ID number (GB 11643-1999), 18 characters; stored encrypted, shown masked', example: '11010519491231002X' },
  password: { description: 'At least 8 characters, not all digits' },
  // Examples a reader can follow (the contract's worked example: base 3000 yuan → 250.00).
  totalCostFen: { example: 600000 },
  insurancePaidFen: { example: 200000 },
  excludedFen: { example: 100000 },
  paidThisYearFen: { example: 0 },
  admissionDate: { example: '2026-05-10' },
  dischargeDate: { example: '2026-05-20' },
  shareFeeFen: { example: 12000 },
  perAdmissionCapFen: { example: 1000000 },
  annualCapPerShareFen: { example: 2000000 },
  secondApprovalAboveFen: { example: 500000 },
  enrolFrom: { example: '2027-01-01' },
  enrolTo: { example: '2027-12-31' },
  waitingDays: { example: 90 },
  claimDeadlineDays: { example: 90 },
  maxShares: { example: 1 },
  shares: { example: 1 }
}

/**
 * The input JSON Schema of a zod schema (what a caller may send). Integer fen and calendar dates
 * are recognised by their refinements; `optional` names fields that may be left out although the
 * zod input type says otherwise (a preprocess gives them a default).
 */
export function fromZod (schema: z.ZodType, opts: { optional?: string[], fields?: Record<string, JsonSchema> } = {}): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'openapi-3.0',
    override: (ctx) => {
      const checks = (ctx.zodSchema as unknown as ZodInternals)._zod.def.checks ?? []
      const fns = checks.map((c) => c._zod.def.fn)
      if (fns.includes(isFen)) {
        Object.assign(ctx.jsonSchema, { type: 'integer', minimum: 0, maximum: MAX_FEN, description: '金额（分）Amount in fen (1 yuan = 100 fen), an integer', example: 0 })
      }
      if (fns.includes(isRealDate)) Object.assign(ctx.jsonSchema, { format: 'date', example: '2026-06-15' })
      // z.int()'s safe-integer bounds say nothing to a reader.
      if (ctx.jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete ctx.jsonSchema.maximum
      if (ctx.jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete ctx.jsonSchema.minimum
    }
  }) as JsonSchema
  delete json.$schema
  const properties = json.properties as Record<string, JsonSchema> | undefined
  if (properties !== undefined) {
    for (const [name, hint] of Object.entries(FIELD_HINTS)) {
      if (properties[name] !== undefined) properties[name] = { ...properties[name], ...hint }
    }
    for (const [name, field] of Object.entries(opts.fields ?? {})) properties[name] = field
  }
  if (opts.optional !== undefined && Array.isArray(json.required)) {
    json.required = (json.required as string[]).filter((f) => !opts.optional!.includes(f))
  }
  return json
}

// ---- small builders for hand-written answer schemas (documentation only) ----

export const str = (description?: string): JsonSchema => ({ type: 'string', ...(description === undefined ? {} : { description }) })
export const int = (description?: string): JsonSchema => ({ type: 'integer', ...(description === undefined ? {} : { description }) })
export const fenInt = (example = 0): JsonSchema => ({ type: 'integer', minimum: 0, maximum: MAX_FEN, description: 'fen', example })
export const date = (): JsonSchema => ({ type: 'string', format: 'date' })
export const nullable = (s: JsonSchema): JsonSchema => ('$ref' in s ? { allOf: [s], nullable: true } : { ...s, nullable: true })
export const arr = (items: JsonSchema): JsonSchema => ({ type: 'array', items })
export const oneOf = (...values: string[]): JsonSchema => ({ type: 'string', enum: values })
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` })
/** An object whose listed fields are all present; more may be added later (OpenAPI allows extra properties by default). */
export const obj = (properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema => {
  const required = Object.keys(properties).filter((k) => !optional.includes(k))
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) }
}
/** A list answer: `{items: [...]}` and whatever else the call adds. */
export const items = (item: JsonSchema, more: Record<string, JsonSchema> = {}): JsonSchema => obj({ items: arr(item), ...more })

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

// ---- the document ----

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'Every refusal. Messages are in Chinese, in English with `Accept-Language: en`.',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'A stable code, e.g. INVALID_INPUT, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, or the business rule that refused it (422)', example: 'INVALID_INPUT' },
        message: { type: 'string', description: 'For people, in the request\'s language', example: t('zh', 'error.invalidInput') },
        fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Only with 400: each bad field → its message', example: { phone: t('zh', 'v.phone') } }
      }
    }
  }
}

const TIER = obj({ fromFen: fenInt(), rateBp: { type: 'integer', minimum: 0, maximum: 2000, description: 'basis points (2000 = 20%)' } })

const COMPONENT_SCHEMAS: Record<string, JsonSchema> = {
  Error: ERROR_SCHEMA,
  Tier: TIER,
  Plan: obj({
    year: int(),
    shareFeeFen: fenInt(12000),
    maxShares: { type: 'integer', minimum: 1, maximum: 3 },
    enrolFrom: date(),
    enrolTo: date(),
    waitingDays: int(),
    tiers: arr(ref('Tier')),
    perAdmissionCapFen: fenInt(1000000),
    annualCapPerShareFen: fenInt(2000000),
    claimDeadlineDays: int(),
    secondApprovalAboveFen: fenInt(500000),
    requiredDocuments: arr(oneOf('invoice', 'itemised_bill', 'discharge_summary', 'insurance_statement')),
    processingDays: int()
  }),
  Membership: obj({
    id: int(),
    status: oneOf('applied', 'active', 'rejected', 'left'),
    memberNo: nullable(str('会员号, stable for life; set on approval')),
    name: str(),
    idMasked: str('110105********002X'),
    gender: oneOf('male', 'female'),
    mobile: nullable(str()),
    enterpriseId: int(),
    enterpriseName: str(),
    buildingId: int(),
    buildingName: str(),
    appliedAt: str(),
    joinedOn: nullable(date()),
    leftOn: nullable(date()),
    rejectReason: nullable(str()),
    source: oneOf('online', 'import')
  }),
  Order: obj({
    id: int(),
    planYear: int(),
    membershipId: int(),
    memberName: str(),
    memberNo: nullable(str()),
    enterpriseName: str(),
    shares: int(),
    amountFen: fenInt(),
    status: oneOf('pending_payment', 'paid', 'cancelled'),
    orderedOn: date(),
    groupOrderId: nullable(int()),
    receiptNo: nullable(str()),
    paidOn: nullable(date()),
    coverFrom: nullable(date()),
    coverTo: nullable(date())
  }),
  Quote: obj({
    baseFen: fenInt(300000),
    grossFen: fenInt(25000),
    payableFen: fenInt(25000),
    limitedBy: oneOf('none', 'admission_cap', 'annual_cap'),
    annualRemainingFen: fenInt(2000000),
    lines: arr(obj({ fromFen: fenInt(), toFen: nullable(fenInt()), portionFen: fenInt(), rateBp: int(), amountFen: fenInt() }))
  })
}

const TAGS = [
  { name: 'accounts', description: '账号与令牌 Accounts and tokens' },
  { name: 'buildings', description: '楼宇 Buildings' },
  { name: 'enterprises', description: '企业入驻 Enterprises enrolling in their building\'s federation' },
  { name: 'memberships', description: '入会、转会 Union membership' },
  { name: 'aid', description: '职工医疗互助：计划、测算、份额 Medical aid: plans, quotes, shares' },
  { name: 'claims', description: '报销申请 Medical-aid claims' },
  { name: 'payment-batches', description: '报销支付批次 Claim payment batches' },
  { name: 'me', description: '本人：收款账户、通知 My payout account and notices' },
  { name: 'governance', description: '民主管理：联合职代会、集体合同、厂务公开 Democratic management: the joint worker congress, collective contracts, affairs disclosure' }
]

const DESCRIPTION = [
  'The JSON API of the building union federation portal (楼宇工会联合会门户), under `/api/v1`.',
  '',
  '- JSON bodies; money is an integer number of **fen** (1 yuan = 100 fen); dates are `YYYY-MM-DD` (Asia/Shanghai).',
  '- Authentication: `Authorization: Bearer <token>` from `POST /api/v1/auth/token` (or `/auth/register`). No CSRF token is needed with a Bearer token.',
  '- Fields not listed are optional; unknown fields are ignored. Calls without a body need no content type.',
  '- Errors are `{"error": {"code", "message", "fields"?}}` (see the `Error` schema): 400 invalid input, 401 not signed in, 403 not allowed, 404, 409 conflict (duplicate, or the state already changed), 413 body too large, 422 a business rule refused it (its code), 429 too many sign-in attempts.',
  '- Messages are in Chinese; send `Accept-Language: en` for English.',
  '- Where a call names `Idempotency-Key`, the header is required; the same key from the same user returns the first answer and creates nothing new.'
].join('\n')

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
