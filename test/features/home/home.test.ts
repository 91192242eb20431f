// The home page, the health check and the security headers every page carries.
import t from 'tap'
import { build, createUser, insertBuilding, PageSession } from '../../helper.js'

t.test('the home page says what the portal is for and who does what, in both languages', async (t) => {
  const app = await build(t)
  const s = new PageSession(app)
  const zh = await s.get('/')
  t.equal(zh.statusCode, 200)
  t.match(zh.body, /楼宇工会联合会/)
  t.match(zh.body, /职工医疗互助|医疗互助/)
  for (const role of ['职工', '企业联络员', '楼宇工会联合会工作人员', '市总工会管理员']) t.match(zh.body, role)
  t.match(zh.body, /href="\/register"/)
  t.equal(zh.headers['cache-control'], 'no-store')
  await s.get('/lang/en')
  const en = await s.get('/')
  t.match(en.body, /<html lang="en">/)
  t.match(en.body, /Enterprise liaisons/)
  t.match(en.body, /never more than 20%/)
})

t.test('healthz answers when the database does', async (t) => {
  const app = await build(t)
  const res = await app.inject({ method: 'GET', url: '/healthz' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'ok' })
})

t.test('static files are served locally', async (t) => {
  const app = await build(t)
  for (const f of ['/static/app.css', '/static/app.js']) {
    const res = await app.inject({ method: 'GET', url: f })
    t.equal(res.statusCode, 200, f)
  }
})

t.test('security headers: a strict CSP without unsafe-inline, and no inline scripts or styles in the pages', async (t) => {
  const app = await build(t)
  const admin = await createUser(app, { role: 'admin' })
  const member = await createUser(app, { buildingIds: [insertBuilding(app)], role: 'staff' })
  const anon = new PageSession(app)
  const signedIn = new PageSession(app)
  await signedIn.login(admin.phone)
  const pages: Array<[PageSession, string, number]> = [
    [anon, '/', 200], [anon, '/login', 200], [anon, '/register', 200], [anon, '/no-such-page', 404],
    [signedIn, '/', 200], [signedIn, '/account/password', 200], [signedIn, '/admin/users', 200],
    [signedIn, `/admin/users/${member.id}`, 200], [signedIn, '/admin/audit', 200]
  ]
  const member2 = new PageSession(app)
  await member2.login(member.phone)
  pages.push([member2, '/admin/users', 403])
  for (const [s, url, status] of pages) {
    const res = await s.get(url)
    t.equal(res.statusCode, status, `${url} is ${status}`)
    const csp = String(res.headers['content-security-policy'])
    t.notMatch(csp, /unsafe-inline|unsafe-eval/, `${url}: no unsafe CSP sources`)
    t.match(csp, /script-src 'self'/)
    t.match(csp, /style-src 'self'/)
    t.match(csp, /frame-ancestors 'none'/)
    t.match(csp, /default-src 'self'/)
    t.equal(res.headers['x-content-type-options'], 'nosniff')
    for (const m of res.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      t.match(m[1], /\bsrc="\/static\//, `${url}: scripts come from files`)
      t.equal(m[2].trim(), '', `${url}: no inline script body`)
    }
    t.notMatch(res.body, /\sstyle\s*=/i, `${url}: no style attributes`)
    t.notMatch(res.body, /<style\b/i, `${url}: no style elements`)
    t.notMatch(res.body, /\son[a-z]+\s*=/i, `${url}: no inline event handlers`)
    t.notMatch(res.body, /javascript:/i, `${url}: no javascript: URLs`)
    t.notMatch(res.body, /https?:\/\/(?!127\.0\.0\.1)[a-z]/i, `${url}: nothing from a CDN`)
  }
  const api = await app.inject({ method: 'GET', url: '/api/v1/me' })
  t.ok(api.headers['content-security-policy'], 'API answers carry the headers too')
})
