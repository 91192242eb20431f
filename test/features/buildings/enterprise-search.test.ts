// Choosing an enterprise: GET /api/v1/enterprises?buildingId=&q= and the application form's
// search, which keeps what was typed elsewhere in the form.
import t from 'tap'
import { eq } from 'drizzle-orm'
import { build, createUser, injectAs, PageSession } from '../../helper.js'
import { enterprises } from '../../../src/db/schema/index.js'
import { world } from '../memberships/fixtures.js'
import { insertEnterprise } from '../../factories.js'

t.test('GET /api/v1/enterprises: by part of the name or USCC, within a building; signed in only', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const u = await createUser(app)
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/enterprises' })).statusCode, 401)
  const all = await injectAs(app, u, { method: 'GET', url: `/api/v1/enterprises?buildingId=${w.buildingA}` })
  t.equal(all.statusCode, 200)
  t.same(Object.keys(all.json().items[0]).sort(), ['buildingId', 'id', 'name', 'status'])
  t.ok(all.json().items.every((e: { buildingId: number }) => e.buildingId === w.buildingA))
  t.equal(all.json().items[0].status, 'enrolled', 'enrolled first')
  const byName = await injectAs(app, u, { method: 'GET', url: `/api/v1/enterprises?buildingId=${w.buildingA}&q=${encodeURIComponent('云岭')}` })
  t.same(byName.json().items.map((e: { id: number }) => e.id), [w.entA])
  const none = await injectAs(app, u, { method: 'GET', url: `/api/v1/enterprises?buildingId=${w.buildingB}&q=${encodeURIComponent('云岭')}` })
  t.same(none.json().items, [])
  const uscc = app.db.select({ u: enterprises.uscc }).from(enterprises).where(eq(enterprises.id, w.entB)).get()!.u
  const byUscc = await injectAs(app, u, { method: 'GET', url: `/api/v1/enterprises?q=${uscc.slice(9).toLowerCase()}` })
  t.same(byUscc.json().items.map((e: { id: number }) => e.id), [w.entB], 'part of the USCC, any case')
  const wild = await injectAs(app, u, { method: 'GET', url: '/api/v1/enterprises?q=%25' })
  t.same(wild.json().items, [], '% matches itself')
  const bad = await injectAs(app, u, { method: 'GET', url: '/api/v1/enterprises?buildingId=abc' })
  t.equal(bad.statusCode, 400)
  t.ok(bad.json().error.fields.buildingId)
})

t.test('the application form: searching keeps the typed ID number, name and mobile; at most 50 offered', async (t) => {
  const app = await build(t)
  const w = await world(app)
  for (let i = 0; i < 60; i++) await insertEnterprise(app, w.buildingB, { liaisonUserId: w.liaisonB.id, name: `盘龙商贸${String(i).padStart(2, '0')}有限公司`, headcount: 20 })
  const u = await createUser(app, { name: '王芳' })
  const s = new PageSession(app)
  await s.login(u.phone)
  const first = await s.get('/membership/apply')
  t.match(first.body, /只列出了前 50 家/)
  t.equal((first.body.match(/<option value="\d+"/g) ?? []).length - 2, 50, 'fifty enterprises (besides the two buildings)')
  const found = await s.post('/membership/apply', { action: 'search', buildingId: String(w.buildingA), q: '云岭', name: '王芳', idNumber: '11010519491231002X', mobile: '13900001111', consent: 'on' })
  t.equal(found.statusCode, 200)
  t.match(found.body, /云岭软件有限公司/)
  t.notMatch(found.body, /盘龙商贸/)
  t.match(found.body, /id="f-idNumber"[^>]*value="11010519491231002X"/, 'the ID number typed is kept')
  t.match(found.body, /id="f-mobile"[^>]*value="13900001111"/)
  t.match(found.body, /id="f-consent"[^>]*checked/)
  t.notMatch(found.body, /error-summary/, 'a search is not an error')
  const nothing = await s.post('/membership/apply', { action: 'search', q: '不存在的公司', enterpriseId: String(w.entA) })
  t.match(nothing.body, new RegExp(`<option value="${w.entA}" selected>`), 'the enterprise chosen stays on offer')
  const bad = await s.post('/membership/apply', { action: 'apply', enterpriseId: String(w.entA), name: '', idNumber: 'x', mobile: '1', consent: 'on' })
  t.equal(bad.statusCode, 400)
  for (const [f, label] of [['name', '姓名'], ['idNumber', '身份证号码'], ['mobile', '手机号码']]) t.match(bad.body, new RegExp(`<a href="#f-${f}">${label}：`), `the summary names ${f}`)
  const ok = await s.post('/membership/apply', { action: 'apply', enterpriseId: String(w.entA), name: '王芳', idNumber: '11010519491231002X', mobile: '13900001111', consent: 'on' })
  t.equal(ok.statusCode, 302)
})
