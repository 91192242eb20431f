// The OpenAPI document and Swagger UI (/api/docs), and the promise that comes with them: route
// schemas are documentation only. Inputs are still parsed by zod in the handlers (their messages,
// the contract's error shape), unknown fields are still ignored, and answers keep every field.
import t from 'tap'
import { build, createUser, injectAs, insertBuilding, testClock, testConfig } from '../helper.js'
import { buildApp } from '../../src/app.js'

/** The calls the contract fixes (DOMAIN.md), as the document names them. */
const CONTRACT: Array<[method: string, path: string, auth: boolean]> = [
  ['get', '/healthz', false],
  ['post', '/api/v1/auth/register', false],
  ['post', '/api/v1/auth/token', false],
  ['get', '/api/v1/me', true],
  ['get', '/api/v1/buildings', false],
  ['post', '/api/v1/buildings', true],
  ['post', '/api/v1/enterprises', true],
  ['post', '/api/v1/enterprises/{id}/approve', true],
  ['post', '/api/v1/enterprises/{id}/reject', true],
  ['post', '/api/v1/memberships', true],
  ['post', '/api/v1/memberships/{id}/approve', true],
  ['post', '/api/v1/memberships/{id}/reject', true],
  ['get', '/api/v1/aid/plans/current', false],
  ['put', '/api/v1/aid/plans/{year}', true],
  ['post', '/api/v1/aid/quote', false],
  ['post', '/api/v1/aid/purchases', true],
  ['post', '/api/v1/aid/purchases/{id}/confirm-payment', true],
  ['post', '/api/v1/aid/payments/webhook', false],
  ['get', '/api/v1/aid/claims', true],
  ['post', '/api/v1/aid/claims', true],
  ['get', '/api/v1/aid/claims/{id}', true],
  ['post', '/api/v1/aid/claims/{id}/documents', true],
  ['post', '/api/v1/aid/claims/{id}/approve', true],
  ['post', '/api/v1/aid/claims/{id}/reject', true]
]

interface Operation {
  summary?: string
  tags?: string[]
  security?: Array<Record<string, string[]>>
  parameters?: Array<{ in: string, name: string, required?: boolean, schema: Record<string, unknown> }>
  requestBody?: { required: boolean, content: Record<string, { schema: Record<string, any> }> }
  responses: Record<string, { description: string, content?: Record<string, { schema: Record<string, any> }> }>
}
type Doc = { openapi: string, paths: Record<string, Record<string, Operation>>, components: Record<string, Record<string, any>> }

t.test('GET /api/docs/openapi.json: an OpenAPI 3 document with every contract call, described', async (t) => {
  const app = await build(t)
  const res = await app.inject({ method: 'GET', url: '/api/docs/openapi.json' })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/json/)
  const doc = JSON.parse(res.body) as Doc
  t.match(doc.openapi, /^3\./)
  t.same(doc.components.securitySchemes.bearerAuth, { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })

  for (const [method, path, auth] of CONTRACT) {
    const op = doc.paths[path]?.[method]
    t.ok(op, `${method.toUpperCase()} ${path} is documented`)
    if (op === undefined) continue
    t.ok((op.summary ?? '').length > 0, `${path}: summary`)
    t.ok((op.tags ?? []).length > 0, `${path}: tag`)
    if (auth) t.same(op.security, [{ bearerAuth: [] }], `${method} ${path}: bearer token`)
    else t.notOk(op.security, `${method} ${path}: no token needed`)
    const success = Object.keys(op.responses).filter((s) => s.startsWith('2'))
    t.equal(success.length, 1, `${path}: one success answer`)
    for (const [status, answer] of Object.entries(op.responses)) {
      if (!/^4/.test(status)) continue
      t.same(answer.content?.['application/json'].schema, { $ref: '#/components/schemas/Error' }, `${method} ${path} ${status}: the contract's error shape`)
    }
  }
  // Success statuses as the contract states them.
  t.ok(doc.paths['/api/v1/auth/register'].post.responses['201'])
  t.ok(doc.paths['/api/v1/aid/claims'].post.responses['201'])
  t.ok(doc.paths['/api/v1/aid/claims/{id}/documents'].post.responses['201'])
  t.ok(doc.paths['/api/v1/aid/quote'].post.responses['422'], 'INCONSISTENT_AMOUNTS documented')
  t.ok(doc.paths['/api/v1/memberships'].post.responses['422'], 'ENTERPRISE_NOT_ENROLLED documented')

  // The error shape, once, in components.
  const error = doc.components.schemas.Error
  t.same(error.required, ['error'])
  t.same(error.properties.error.required, ['code', 'message'])
  t.same(Object.keys(error.properties.error.properties).sort(), ['code', 'fields', 'message'])

  // Headers the contract names.
  const header = (op: Operation, name: string) => op.parameters?.find((p) => p.in === 'header' && p.name.toLowerCase() === name.toLowerCase())
  for (const path of ['/api/v1/aid/purchases', '/api/v1/aid/claims']) {
    t.equal(header(doc.paths[path].post, 'Idempotency-Key')?.required, true, `${path}: Idempotency-Key`)
  }
  t.equal(header(doc.paths['/api/v1/aid/payments/webhook'].post, 'X-Signature')?.required, true, 'webhook: X-Signature')

  // Bodies derived from the zod schemas: fields, required ones, integer fen, dates.
  const claimBody = doc.paths['/api/v1/aid/claims'].post.requestBody!.content['application/json'].schema
  t.same([...claimBody.required].sort(), ['admissionDate', 'dischargeDate', 'excludedFen', 'hospital', 'insurancePaidFen', 'invoiceNo', 'totalCostFen'])
  t.match(claimBody.properties.totalCostFen, { type: 'integer', minimum: 0, maximum: 100000000000 })
  t.match(claimBody.properties.admissionDate, { type: 'string', format: 'date' })
  const register = doc.paths['/api/v1/auth/register'].post.requestBody!.content['application/json'].schema
  t.same([...register.required].sort(), ['name', 'password', 'phone'])
  const quote = doc.paths['/api/v1/aid/quote'].post.requestBody!.content['application/json'].schema
  t.same([...quote.required].sort(), ['excludedFen', 'insurancePaidFen', 'totalCostFen'])
  t.ok(quote.properties.shares && quote.properties.paidThisYearFen, 'optional quote fields listed')
  const plan = doc.paths['/api/v1/aid/plans/{year}'].put.requestBody!.content['application/json'].schema
  t.equal(plan.properties.tiers.type, 'array')
  const building = doc.paths['/api/v1/buildings'].post.requestBody!.content['application/json'].schema
  t.same([...building.required].sort(), ['address', 'district', 'enterprisesTotal', 'name'], 'flags that default to false are optional')
  const reject = doc.paths['/api/v1/aid/claims/{id}/reject'].post.requestBody!.content['application/json'].schema
  t.ok(reject.properties.reasonCode.enum.includes('DOCUMENTS_MISSING'))
  t.equal(doc.paths['/api/v1/memberships/{id}/reject'].post.requestBody!.required, false, 'an all-optional body may be left out')
  t.ok(doc.paths['/api/v1/aid/claims/{id}/documents'].post.requestBody!.content['multipart/form-data'], 'documents are multipart')
  const idParam = doc.paths['/api/v1/aid/claims/{id}'].get.parameters?.find((p) => p.in === 'path' && p.name === 'id')
  t.equal(idParam?.required, true)

  // Every reference points at a component that exists.
  const refs: string[] = []
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) { v.forEach(walk); return }
    if (v === null || typeof v !== 'object') return
    for (const [k, x] of Object.entries(v)) { if (k === '$ref' && typeof x === 'string') refs.push(x); else walk(x) }
  }
  walk(doc)
  t.ok(refs.length > 0)
  for (const r of new Set(refs)) {
    const m = /^#\/components\/schemas\/(.+)$/.exec(r)
    t.ok(m !== null && doc.components.schemas[m[1]] !== undefined, `${r} resolves`)
  }

  // Only the JSON API: no page routes.
  for (const path of Object.keys(doc.paths)) t.ok(path.startsWith('/api/v1/') || path === '/healthz', `${path} is an API path`)
  t.notOk(JSON.stringify(doc).includes('x-answers'), 'internal markers are not published')
})

t.test('GET /api/docs: Swagger UI under the portal\'s strict CSP', async (t) => {
  const app = await build(t)
  for (const url of ['/api/docs', '/api/docs/']) {
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 200, url)
    t.match(res.headers['content-type'], /^text\/html/)
    const csp = String(res.headers['content-security-policy'])
    t.match(csp, /script-src 'self'/)
    t.match(csp, /style-src 'self'/)
    t.notMatch(csp, /unsafe-inline|unsafe-eval/)
    // Nothing inline: every script is a file, no <style> element or style attribute.
    const scripts = res.body.match(/<script\b[^>]*>/g) ?? []
    t.ok(scripts.length >= 3)
    for (const tag of scripts) t.match(tag, /\ssrc="/)
    t.notMatch(res.body, /<style\b|\sstyle=/)
  }
  for (const asset of ['/api/docs/static/swagger-ui-bundle.js', '/api/docs/static/swagger-ui-standalone-preset.js', '/api/docs/static/swagger-ui.css']) {
    t.equal((await app.inject({ method: 'GET', url: asset })).statusCode, 200, asset)
  }
  const init = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' })
  t.equal(init.statusCode, 200)
  // The base layout: no top bar, whose logo is an SVG with an inline <style> the CSP would refuse.
  t.match(init.body, /"layout":"BaseLayout"/)
  const json = await app.inject({ method: 'GET', url: '/api/docs/json' })
  t.equal(json.statusCode, 200)
  t.match(json.json().openapi, /^3\./)
})

t.test('fastify validation is off: a body that breaks the declared schema gets the app\'s zod answer', async (t) => {
  const app = await build(t)
  // Wrong types for every field: fastify's validator would answer with its own message.
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { phone: 13900000000, password: ['a'], name: '' } })
  t.equal(res.statusCode, 400)
  const err = res.json().error
  t.equal(err.code, 'INVALID_INPUT')
  t.match(err.fields.phone, /手机号码/)
  t.match(err.fields.password, /8 位/)
  t.match(err.fields.name, /必填/)
  t.notMatch(res.body, /must be|body\//, 'not fastify\'s message')

  // No coercion either: fastify's validator would turn "300000" into a number.
  const quote = await app.inject({ method: 'POST', url: '/api/v1/aid/quote', payload: { totalCostFen: '300000', insurancePaidFen: 0, excludedFen: 0 } })
  t.equal(quote.statusCode, 400)
  t.match(quote.json().error.fields.totalCostFen, /整数（分）/)

  // In English on request.
  const en = await app.inject({ method: 'POST', url: '/api/v1/aid/quote', headers: { 'accept-language': 'en' }, payload: { totalCostFen: 1.5, insurancePaidFen: 0, excludedFen: 0 } })
  t.equal(en.statusCode, 400)
  t.match(en.json().error.fields.totalCostFen, /fen/)

  // A missing required header is the app's IDEMPOTENCY_KEY_REQUIRED, not a header-schema error.
  const member = await createUser(app)
  const noKey = await injectAs(app, member, { method: 'POST', url: '/api/v1/aid/claims', payload: {} })
  t.equal(noKey.statusCode, 400)
  t.equal(noKey.json().error.code, 'IDEMPOTENCY_KEY_REQUIRED')
  t.match(noKey.json().error.fields['Idempotency-Key'], /Idempotency-Key/)

  // Path and query parameters too.
  const badId = await injectAs(app, member, { method: 'GET', url: '/api/v1/aid/claims/abc' })
  t.equal(badId.statusCode, 400)
  t.equal(badId.json().error.code, 'INVALID_INPUT')
  t.ok(badId.json().error.fields.id)
  const badPage = await injectAs(app, member, { method: 'GET', url: '/api/v1/aid/claims?page=0' })
  t.equal(badPage.statusCode, 400)
  t.ok(badPage.json().error.fields.page)

  // The plan's tiers: declared as an array, refused by the domain rule under `fields.tiers`.
  const admin = await createUser(app, { role: 'admin' })
  const plan = (await app.inject({ method: 'GET', url: '/api/v1/aid/plans/current' })).json()
  const { year, ...terms } = plan
  const badTiers = await injectAs(app, admin, { method: 'PUT', url: `/api/v1/aid/plans/${year as number}`, payload: { ...terms, tiers: [{ fromFen: 0, rateBp: 2500 }] } })
  t.equal(badTiers.statusCode, 400)
  t.match(badTiers.json().error.fields.tiers, /20%/)
  const notArray = await injectAs(app, admin, { method: 'PUT', url: `/api/v1/aid/plans/${year as number}`, payload: { ...terms, tiers: 'none' } })
  t.equal(notArray.statusCode, 400)
  t.ok(notArray.json().error.fields.tiers)
})

t.test('unknown fields are still ignored, and answers keep every field', async (t) => {
  const app = await build(t)
  const reg = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { phone: '13912345678', password: 'secret-pass-1', name: '李雷', nickname: 'lilei', extra: { nested: true } }
  })
  t.equal(reg.statusCode, 201)
  t.same(Object.keys(reg.json().user).sort(), ['id', 'name', 'phone', 'roles'])

  const quote = await app.inject({ method: 'POST', url: '/api/v1/aid/quote', payload: { totalCostFen: 600000, insurancePaidFen: 200000, excludedFen: 100000, currency: 'CNY', foo: [1, 2] } })
  t.equal(quote.statusCode, 200)
  // base 3000 yuan → 250.00 (the contract's worked example)
  t.match(quote.json(), { baseFen: 300000, payableFen: 25000, limitedBy: 'none' })
  t.ok(Array.isArray(quote.json().lines))

  const admin = await createUser(app, { role: 'admin' })
  const created = await injectAs(app, admin, { method: 'POST', url: '/api/v1/buildings', payload: { name: '新楼', district: '五华区', address: '昆明', enterprisesTotal: 10, color: 'blue' } })
  t.equal(created.statusCode, 201)
  t.type(created.json().id, 'number')

  // GET /api/v1/me keeps the fields beyond the documented ones (no response schema drops them).
  insertBuilding(app)
  const staff = await createUser(app, { role: 'staff', buildingIds: [created.json().id] })
  const me = await injectAs(app, staff, { method: 'GET', url: '/api/v1/me' })
  t.equal(me.statusCode, 200)
  t.same(me.json().user.staffBuildingIds, [created.json().id])
  t.equal(me.json().user.mustChangePassword, false)
  t.ok('aidShare' in me.json() && 'membership' in me.json())
})

t.test('a route under /api may not declare a response schema (it would drop fields)', async (t) => {
  const app = await buildApp(testConfig(), { clock: testClock() })
  t.teardown(async () => { await app.close() })
  t.throws(() => app.get('/api/v1/probe', { schema: { response: { 200: { type: 'object', properties: {} } } } }, async () => ({ a: 1 })), /schema\.response/)
  // Pages and other routes are not concerned.
  t.doesNotThrow(() => app.get('/probe-page', async () => 'ok'))
})
