// The second release's self-service calls as DOMAIN.md fixes them (password reset, phone
// verification), called as an integrator would, and their OpenAPI entries.
import t from 'tap'
import { build, createUser, nextPhone, PASSWORD, smsSent, tokenFor } from '../helper.js'

type App = Awaited<ReturnType<typeof build>>
const json = (app: App, url: string, body?: unknown, token?: string, lang?: string) => app.inject({
  method: 'POST', url, payload: body === undefined ? undefined : JSON.stringify(body),
  headers: {
    accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(lang === undefined ? {} : { 'accept-language': lang })
  }
})

t.test('POST /api/v1/auth/password-reset → 202 always; …/confirm {phone, code, password} → 200; wrong code → 400 fields.code', async (t) => {
  const app = await build(t)
  const u = await createUser(app)
  t.equal((await json(app, '/api/v1/auth/password-reset', { phone: nextPhone() })).statusCode, 202)
  t.equal((await json(app, '/api/v1/auth/password-reset', { phone: u.phone, extra: 'ignored' })).statusCode, 202)
  const code = smsSent(app).at(-1)!.params.code
  const wrong = await json(app, '/api/v1/auth/password-reset/confirm', { phone: u.phone, code: code === '999999' ? '999998' : '999999', password: 'new-password-9' })
  t.equal(wrong.statusCode, 400)
  t.same(Object.keys(wrong.json()), ['error'])
  t.match(wrong.json().error, { code: 'INVALID_INPUT', fields: { code: /[\u4e00-\u9fff]/ } })
  const en = await json(app, '/api/v1/auth/password-reset/confirm', { phone: u.phone, code: '1', password: 'new-password-9' }, undefined, 'en')
  t.match(en.json().error.fields.code, /code/)
  const ok = await json(app, '/api/v1/auth/password-reset/confirm', { phone: u.phone, code, password: 'new-password-9' })
  t.equal(ok.statusCode, 200)
  t.equal((await json(app, '/api/v1/auth/token', { phone: u.phone, password: PASSWORD })).statusCode, 401)
})

t.test('POST /api/v1/me/phone-verification → 202; …/confirm {code} → 200 {phoneVerified: true}; 401 before 400', async (t) => {
  const app = await build(t)
  const u = await createUser(app)
  const token = tokenFor(app, u)
  t.equal((await json(app, '/api/v1/me/phone-verification')).statusCode, 401)
  t.equal((await json(app, '/api/v1/me/phone-verification/confirm', { code: 'x' })).statusCode, 401, 'who may act comes before the body')
  t.equal((await json(app, '/api/v1/me/phone-verification', undefined, token)).statusCode, 202)
  const bad = await json(app, '/api/v1/me/phone-verification/confirm', {}, token)
  t.equal(bad.statusCode, 400)
  t.ok(bad.json().error.fields.code)
  const res = await json(app, '/api/v1/me/phone-verification/confirm', { code: smsSent(app).at(-1)!.params.code }, token)
  t.equal(res.statusCode, 200)
  t.same(res.json(), { phoneVerified: true })
})

t.test('the self-service calls are in the OpenAPI document', async (t) => {
  const app = await build(t)
  const doc = (await app.inject({ method: 'GET', url: '/api/docs/openapi.json' })).json()
  t.ok(doc.paths['/api/v1/auth/password-reset'].post.responses['202'])
  t.notOk(doc.paths['/api/v1/auth/password-reset'].post.security)
  t.ok(doc.paths['/api/v1/auth/password-reset/confirm'].post.responses['200'])
  t.ok(doc.paths['/api/v1/me/phone-verification'].post.responses['202'])
  t.same(doc.paths['/api/v1/me/phone-verification/confirm'].post.security, [{ bearerAuth: [] }])
  t.ok(doc.paths['/api/v1/aid/payments/webhook'].post.responses['422'])
})
