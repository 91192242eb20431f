// Real answers checked against the published OpenAPI document: the schemas derived from the zod
// answer schemas (claims-answers.ts) must accept what the API actually sends, field by field.
// A small checker of the JSON Schema the document uses; any keyword it does not know fails the
// test, so it cannot pass a schema by ignoring part of it.
import t from 'tap'
import { build, injectAs } from '../../helper.js'
import { claimBody, claimWorld, idemKey, TINY_PDF } from './fixtures.js'
import { multipart } from '../../multipart.js'

type Schema = Record<string, any>
const IGNORED = new Set(['description', 'example', 'format', 'title'])

const jsType = (v: unknown): string => typeof v

/** Where `value` breaks `schema` (empty: it fits). */
function problems (schema: Schema, value: unknown, root: Schema, at = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const name = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1]
    if (name === undefined || root.components.schemas[name] === undefined) return [`${at}: unresolved ${schema.$ref}`]
    return problems(root.components.schemas[name], value, root, at)
  }
  if (value === null) return schema.nullable === true ? [] : [`${at}: null`]
  const out: string[] = []
  for (const [key, rule] of Object.entries(schema)) {
    if (IGNORED.has(key) || key === 'nullable') continue
    switch (key) {
      case 'type': {
        const ok = rule === 'integer'
          ? Number.isInteger(value)
          : rule === 'array'
            ? Array.isArray(value)
            : rule === 'object' ? typeof value === 'object' && !Array.isArray(value) : jsType(value) === rule
        if (!ok) out.push(`${at}: not ${String(rule)} (${JSON.stringify(value)})`)
        break
      }
      case 'enum': if (!(rule as unknown[]).includes(value)) out.push(`${at}: ${JSON.stringify(value)} not in the enum`); break
      case 'minimum': if (typeof value === 'number' && value < (rule as number)) out.push(`${at}: below ${String(rule)}`); break
      case 'maximum': if (typeof value === 'number' && value > (rule as number)) out.push(`${at}: above ${String(rule)}`); break
      case 'required':
        for (const f of rule as string[]) if (!(f in (value as object))) out.push(`${at}.${f}: missing`)
        break
      case 'properties':
        for (const [f, s] of Object.entries(rule as Record<string, Schema>)) {
          if (f in (value as object)) out.push(...problems(s, (value as Record<string, unknown>)[f], root, `${at}.${f}`))
        }
        break
      case 'additionalProperties':
        for (const [f, v] of Object.entries(value as object)) {
          if (!(f in (schema.properties ?? {}))) out.push(...problems(rule as Schema, v, root, `${at}.${f}`))
        }
        break
      case 'propertyNames':
        for (const f of Object.keys(value as object)) out.push(...problems(rule as Schema, f, root, `${at}[${f}]`))
        break
      case 'items': (value as unknown[]).forEach((v, i) => out.push(...problems(rule as Schema, v, root, `${at}[${i}]`))); break
      default: out.push(`${at}: keyword ${key} not checked by this test`)
    }
  }
  return out
}

t.test('real claims answers fit the schemas the OpenAPI document publishes', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const doc = (await app.inject({ method: 'GET', url: '/api/docs/openapi.json' })).json() as Schema
  const answerSchema = (method: string, path: string, status: string): Schema =>
    doc.paths[path][method].responses[status].content['application/json'].schema

  const fits = (what: string, schema: Schema, value: unknown): void => {
    t.same(problems(schema, value, doc), [], `${what} fits its published schema`)
  }
  // The checker itself catches a broken answer.
  t.ok(problems({ $ref: '#/components/schemas/Quote' }, { baseFen: -1 }, doc).length > 1, 'a broken quote does not fit')

  const quote = await app.inject({ method: 'POST', url: '/api/v1/aid/quote', payload: { totalCostFen: 3_500_000, insurancePaidFen: 500_000, excludedFen: 0 } })
  t.equal(quote.statusCode, 200)
  fits('a quote', answerSchema('post', '/api/v1/aid/quote', '200'), quote.json())

  const submitted = await injectAs(app, w.member.user, { method: 'POST', url: '/api/v1/aid/claims', payload: claimBody(), headers: { 'idempotency-key': idemKey() } })
  t.equal(submitted.statusCode, 201)
  fits('a submitted claim', answerSchema('post', '/api/v1/aid/claims', '201'), submitted.json())
  const id = submitted.json().id as number

  const m = multipart({ kind: 'invoice' }, { name: '发票.pdf', type: 'application/pdf', bytes: TINY_PDF })
  const doc1 = await injectAs(app, w.member.user, { method: 'POST', url: `/api/v1/aid/claims/${id}/documents`, payload: m.payload, headers: m.headers })
  t.equal(doc1.statusCode, 201)
  fits('a stored document', answerSchema('post', '/api/v1/aid/claims/{id}/documents', '201'), doc1.json())

  const approved = await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })
  t.equal(approved.statusCode, 200)
  for (const [who, user] of [['the member', w.member.user], ['staff', w.staff]] as const) {
    const list = await injectAs(app, user, { method: 'GET', url: '/api/v1/aid/claims' })
    t.equal(list.json().items.length, 1)
    fits(`${who}'s list`, answerSchema('get', '/api/v1/aid/claims', '200'), list.json())
  }
  const claim = (await injectAs(app, w.member.user, { method: 'GET', url: `/api/v1/aid/claims/${id}` })).json()
  t.not(claim.breakdown, null, 'an approved claim carries its breakdown')
  t.equal(claim.history.length, 3, 'submitted, a document added, approved')
  fits('an approved claim', answerSchema('get', '/api/v1/aid/claims/{id}', '200'), claim)
  fits('a claim\'s estimate', { $ref: '#/components/schemas/Quote' }, claim.estimate)
})
