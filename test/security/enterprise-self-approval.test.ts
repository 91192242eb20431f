// Issue 11, item 4: staff who enrolled an enterprise handed its liaison role to any phone and
// then approved it themselves. Whoever enrolled an enterprise never approves it, and a hand-over
// takes effect only when the person it names accepts it, signed in.
import t from 'tap'
import { eq } from 'drizzle-orm'
import { build, injectAs, PageSession } from '../helper.js'
import { enterprises } from '../../src/db/schema/index.js'
import { cast, enrol } from '../features/buildings/fixtures.js'

t.test('staff who enrolled an enterprise cannot approve it, even after handing the liaison role away', async (t) => {
  const app = await build(t)
  const c = await cast(app)
  const id = await enrol(app, c.staff, c.buildingId)
  t.equal((await injectAs(app, c.staff, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: c.stranger.phone } })).statusCode, 200)
  await injectAs(app, c.stranger, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison/accept` })
  t.equal(app.db.select().from(enterprises).where(eq(enterprises.id, id)).get()!.liaisonUserId, c.stranger.id)
  const approve = await injectAs(app, c.staff, { method: 'POST', url: `/api/v1/enterprises/${id}/approve` })
  t.equal(approve.statusCode, 403)
  t.match(approve.json().error.message, /自己办理入驻/)
  const reject = await injectAs(app, c.staff, { method: 'POST', url: `/api/v1/enterprises/${id}/reject`, payload: { reason: '资料不全' } })
  t.equal(reject.statusCode, 403)
  t.equal(app.db.select().from(enterprises).where(eq(enterprises.id, id)).get()!.status, 'pending', 'nothing decided')
  t.equal((await injectAs(app, c.admin, { method: 'POST', url: `/api/v1/enterprises/${id}/approve` })).statusCode, 200, 'someone else may')
})

t.test('a hand-over waits for the named person to accept it, signed in; nobody else can accept it', async (t) => {
  const app = await build(t)
  const c = await cast(app)
  const id = await enrol(app, c.liaison, c.buildingId)
  const handed = await injectAs(app, c.liaison, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: c.stranger.phone } })
  t.equal(handed.statusCode, 200)
  t.match(handed.json(), { liaisonUserId: c.liaison.id, pendingLiaisonUserId: c.stranger.id })
  t.equal((await injectAs(app, c.stranger, { method: 'GET', url: '/api/v1/me' })).json().enterprises.length, 0, 'not the liaison yet')
  t.equal((await app.inject({ method: 'POST', url: `/api/v1/enterprises/${id}/liaison/accept` })).statusCode, 401)
  t.equal((await injectAs(app, c.otherStaff, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison/accept` })).statusCode, 404, 'not addressed to them')
  t.equal((await injectAs(app, c.staff, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison/accept` })).statusCode, 403, 'staff see it, but it is not theirs to accept')
  const accepted = await injectAs(app, c.stranger, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison/accept` })
  t.equal(accepted.statusCode, 200)
  t.same(accepted.json(), { liaisonUserId: c.stranger.id })
  t.equal((await injectAs(app, c.stranger, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison/accept` })).statusCode, 403, 'once: nothing is waiting for them any more')
  t.equal((await injectAs(app, c.stranger, { method: 'GET', url: '/api/v1/me' })).json().enterprises.length, 1)
  t.same((await injectAs(app, c.liaison, { method: 'GET', url: '/api/v1/me' })).json().enterprises, [])
})

t.test('the named person accepts on the enterprise page', async (t) => {
  const app = await build(t)
  const c = await cast(app)
  const id = await enrol(app, c.liaison, c.buildingId)
  await injectAs(app, c.liaison, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: c.stranger.phone } })
  const s = new PageSession(app)
  await s.login(c.stranger.phone)
  const page = await s.get(`/enterprises/${id}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, /接受联络员移交/)
  const res = await s.post(`/enterprises/${id}/liaison/accept`, {})
  t.equal(res.statusCode, 302)
  t.match((await s.get(`/enterprises/${id}`)).body, /已成为该企业的联络员/)
  t.equal(app.db.select().from(enterprises).where(eq(enterprises.id, id)).get()!.liaisonUserId, c.stranger.id)
})
