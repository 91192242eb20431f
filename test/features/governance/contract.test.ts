// DOMAIN.md's "Democratic management" calls as an integrator makes them: tokens from
// POST /api/v1/auth/token, JSON bodies, calls without a body and without a content type,
// {error:{code,message,fields?}} on every error, and each call documented in the OpenAPI document.
import t from 'tap'
import type { Test } from 'tap'
import type { LightMyRequestResponse } from 'fastify'
import { build, PASSWORD } from '../../helper.js'
import { governanceWorld } from './fixtures.js'

type App = Awaited<ReturnType<typeof build>>

const CALLS: Array<[string, string]> = [
  ['post', '/api/v1/congresses'],
  ['post', '/api/v1/congresses/{id}/representatives'],
  ['delete', '/api/v1/congresses/{id}/representatives/{repId}'],
  ['post', '/api/v1/congresses/{id}/sessions'],
  ['post', '/api/v1/congress-sessions/{id}/attendance'],
  ['post', '/api/v1/congress-sessions/{id}/motions'],
  ['post', '/api/v1/motions/{id}/vote'],
  ['post', '/api/v1/motions/{id}/close']
]

async function call (app: App, method: 'POST' | 'DELETE', url: string, token: string, body?: unknown, lang?: string): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` }
  if (lang !== undefined) headers['accept-language'] = lang
  if (body === undefined) return await app.inject({ method, url, headers })
  return await app.inject({ method, url, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
}

function expectError (t: Test, res: LightMyRequestResponse, status: number, code?: string): void {
  t.equal(res.statusCode, status, `${status}: ${res.body.slice(0, 160)}`)
  const body = res.json()
  t.same(Object.keys(body), ['error'])
  t.type(body.error.message, 'string')
  for (const k of Object.keys(body.error)) t.ok(['code', 'message', 'fields'].includes(k))
  if (code !== undefined) t.equal(body.error.code, code)
}

async function tokenOf (app: App, phone: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { phone, password: PASSWORD } })
  return res.json().token as string
}

t.test('every democratic-management call is in the OpenAPI document, tagged and with its answers', async (t) => {
  const app = await build(t)
  const doc = JSON.parse((await app.inject({ method: 'GET', url: '/api/docs/openapi.json' })).body)
  for (const [method, path] of CALLS) {
    const op = doc.paths[path]?.[method]
    t.ok(op !== undefined, `${method} ${path}`)
    if (op === undefined) continue
    t.same(op.tags, ['governance'])
    t.ok(op.security !== undefined, 'needs a token')
    t.ok(Object.keys(op.responses).some((s) => s.startsWith('2')), 'a success answer')
  }
  t.ok(doc.paths['/api/v1/congresses/{id}/sessions'].post.responses['422'] !== undefined, 'COMPOSITION_INVALID documented')
  t.ok(doc.paths['/api/v1/congress-sessions/{id}/motions'].post.responses['422'] !== undefined, 'NO_QUORUM documented')
  t.ok(doc.paths['/api/v1/motions/{id}/vote'].post.responses['409'] !== undefined)
})

t.test('the calls in order, as an integrator: answers carry the documented fields, errors the contract\'s shape', async (t) => {
  const app = await build(t)
  const w = await governanceWorld(app, 30)
  const staff = await tokenOf(app, w.staff.phone)
  const member = await tokenOf(app, w.members[0].user.phone)

  const created = await call(app, 'POST', '/api/v1/congresses', staff, { buildingId: w.buildingId, term: 3, startsOn: '2026-01-01', unknown: 'ignored' })
  t.equal(created.statusCode, 201)
  t.same(Object.keys(created.json()), ['id'])
  const congressId = created.json().id as number
  expectError(t, await call(app, 'POST', '/api/v1/congresses', member, { buildingId: w.buildingId }), 403, 'FORBIDDEN')
  const bad = await call(app, 'POST', `/api/v1/congresses/${congressId}/representatives`, staff, { category: 'x' }, 'en')
  expectError(t, bad, 400, 'INVALID_INPUT')
  t.match(bad.json().error.fields.category, /front-line/)

  expectError(t, await call(app, 'POST', `/api/v1/congresses/${congressId}/sessions`, staff, { date: '2026-06-20', title: '会议' }), 422, 'COMPOSITION_INVALID')

  const reps: number[] = []
  for (let i = 0; i < 30; i++) {
    const r = await call(app, 'POST', `/api/v1/congresses/${congressId}/representatives`, staff, { membershipId: w.members[i].membershipId, category: i < 6 ? 'operator' : 'frontline' })
    t.equal(r.statusCode, 201)
    reps.push(r.json().id as number)
  }
  const session = await call(app, 'POST', `/api/v1/congresses/${congressId}/sessions`, staff, { date: '2026-06-20', title: '第一届第一次会议' })
  t.equal(session.statusCode, 201)
  const sessionId = session.json().id as number
  expectError(t, await call(app, 'POST', `/api/v1/congress-sessions/${sessionId}/motions`, staff, { title: '议案', kind: 'resolution' }), 422, 'NO_QUORUM')
  const att = await call(app, 'POST', `/api/v1/congress-sessions/${sessionId}/attendance`, staff, { representativeIds: reps })
  t.same(att.json(), { present: 30, total: 30, quorum: true })
  const motion = await call(app, 'POST', `/api/v1/congress-sessions/${sessionId}/motions`, staff, { title: '集体合同草案', kind: 'collective_contract' })
  t.equal(motion.statusCode, 201)
  const motionId = motion.json().id as number
  const vote = await call(app, 'POST', `/api/v1/motions/${motionId}/vote`, member, { vote: 'yes' })
  t.equal(vote.statusCode, 200)
  expectError(t, await call(app, 'POST', `/api/v1/motions/${motionId}/vote`, member, { vote: 'no' }), 409, 'ALREADY_VOTED')
  expectError(t, await call(app, 'POST', `/api/v1/motions/${motionId}/vote`, staff, { vote: 'no' }), 403)
  expectError(t, await call(app, 'POST', `/api/v1/motions/${motionId}/close`, member), 403)
  const closed = await call(app, 'POST', `/api/v1/motions/${motionId}/close`, staff)
  t.equal(closed.statusCode, 200, 'a call without a body and without a content type')
  t.same(closed.json(), { result: 'failed', yes: 1, no: 0, abstain: 0, total: 30 })
  const del = await call(app, 'DELETE', `/api/v1/congresses/${congressId}/representatives/${reps[0]}`, staff)
  t.equal(del.statusCode, 204)
  t.equal(del.body, '')
  expectError(t, await call(app, 'DELETE', `/api/v1/congresses/${congressId}/representatives/999999`, staff), 404, 'NOT_FOUND')
})
