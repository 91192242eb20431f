// The OpenAPI document's schemas: JSON Schema derived from zod (inputs from the schemas the
// handlers parse with, answers from the zod answer schemas the answers are typed with), small
// builders for the answers that have no zod schema yet, and the shared components.
import { z } from 'zod'
import { isFen, MAX_FEN } from '../domain/money.js'
import { isRealDate } from '../domain/dates.js'
import { t } from '../i18n/index.js'
import { quoteAnswer } from '../features/claims/claims-answers.js'

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

/** Zod answer schemas published once under components (a use elsewhere becomes a $ref). */
const ZOD_COMPONENTS = new Map<unknown, string>([[quoteAnswer, 'Quote']])

/**
 * Each schema's conversion, kept: the schemas are module constants, and every app built in the
 * same process (a test file builds dozens) would convert them again (~30 ms an app).
 */
const converted = new WeakMap<z.ZodType, { input?: JsonSchema, output?: JsonSchema }>()

/** The JSON Schema of a zod schema, as a caller sends it (`input`) or as an answer reads (`output`); the caller's own copy. */
function jsonSchemaOf (schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  let done = converted.get(schema)
  if (done === undefined) converted.set(schema, done = {})
  done[io] ??= convert(schema, io)
  return structuredClone(done[io])
}

function convert (schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'openapi-3.0',
    override: (ctx) => {
      const component = ZOD_COMPONENTS.get(ctx.zodSchema)
      if (io === 'output' && component !== undefined && ctx.zodSchema !== (schema as unknown)) {
        for (const k of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as JsonSchema)[k]
        Object.assign(ctx.jsonSchema, ref(component))
        return
      }
      const checks = (ctx.zodSchema as unknown as ZodInternals)._zod.def.checks ?? []
      const fns = checks.map((c) => c._zod.def.fn)
      if (fns.includes(isFen)) {
        const example = ctx.jsonSchema.example ?? 0
        Object.assign(ctx.jsonSchema, { type: 'integer', minimum: 0, maximum: MAX_FEN, description: '金额（分）Amount in fen (1 yuan = 100 fen), an integer', example })
      }
      if (fns.includes(isRealDate)) Object.assign(ctx.jsonSchema, { format: 'date', example: '2026-06-15' })
      // An answer may gain fields later (OpenAPI allows extra properties by default).
      if (io === 'output' && ctx.jsonSchema.additionalProperties === false) delete ctx.jsonSchema.additionalProperties
      // z.int()'s safe-integer bounds say nothing to a reader.
      if (ctx.jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete ctx.jsonSchema.maximum
      if (ctx.jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete ctx.jsonSchema.minimum
    }
  }) as JsonSchema
  delete json.$schema
  const properties = json.properties as Record<string, JsonSchema> | undefined
  if (properties !== undefined) {
    for (const [name, hint] of Object.entries(FIELD_HINTS)) {
      if (properties[name] !== undefined && properties[name].$ref === undefined) properties[name] = { ...properties[name], ...hint }
    }
  }
  return json
}

/**
 * The input JSON Schema of a zod schema (what a caller may send). Integer fen and calendar dates
 * are recognised by their refinements; `optional` names fields that may be left out although the
 * zod input type says otherwise (a preprocess gives them a default).
 */
export function fromZod (schema: z.ZodType, opts: { optional?: string[], fields?: Record<string, JsonSchema> } = {}): JsonSchema {
  const json = jsonSchemaOf(schema, 'input')
  const properties = json.properties as Record<string, JsonSchema> | undefined
  if (properties !== undefined) {
    for (const [name, field] of Object.entries(opts.fields ?? {})) properties[name] = field
  }
  if (opts.optional !== undefined && Array.isArray(json.required)) {
    json.required = (json.required as string[]).filter((f) => !opts.optional!.includes(f))
  }
  return json
}

/** The JSON Schema of an answer, from the zod schema its type is derived from. */
export const answerFromZod = (schema: z.ZodType): JsonSchema => jsonSchemaOf(schema, 'output')

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
// ---- the components ----

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

export const COMPONENT_SCHEMAS: Record<string, JsonSchema> = {
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
  Quote: answerFromZod(quoteAnswer)
}

export const TAGS = [
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

export const DESCRIPTION = [
  'The JSON API of the building union federation portal (楼宇工会联合会门户), under `/api/v1`.',
  '',
  '- JSON bodies; money is an integer number of **fen** (1 yuan = 100 fen); dates are `YYYY-MM-DD` (Asia/Shanghai).',
  '- Authentication: `Authorization: Bearer <token>` from `POST /api/v1/auth/token` (or `/auth/register`). No CSRF token is needed with a Bearer token.',
  '- Fields not listed are optional; unknown fields are ignored. Calls without a body need no content type.',
  '- Errors are `{"error": {"code", "message", "fields"?}}` (see the `Error` schema): 400 invalid input, 401 not signed in, 403 not allowed, 404, 409 conflict (duplicate, or the state already changed), 413 body too large, 422 a business rule refused it (its code), 429 too many sign-in attempts.',
  '- Messages are in Chinese; send `Accept-Language: en` for English.',
  '- Where a call names `Idempotency-Key`, the header is required; the same key from the same user returns the first answer and creates nothing new.'
].join('\n')
