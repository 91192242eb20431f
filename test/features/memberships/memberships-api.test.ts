import t from 'tap'
import { eq } from 'drizzle-orm'
import { build, createUser, injectAs } from '../../helper.js'
import { auditLog, memberships } from '../../../src/db/schema/index.js'
import { applyAs, member, world } from './fixtures.js'
import { uniqueResidentId } from '../../factories.js'

t.test('apply: 201 applied; gender and birth date derived; ID stored encrypted, hashed and masked', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const u = await createUser(app, { name: '李娜' })
  const res = await applyAs(app, u, { enterpriseId: w.entA, name: '李娜', idNumber: '11010519491231002x' })
  t.equal(res.statusCode, 201, res.body)
  t.same(res.json(), { id: res.json().id, status: 'applied' })
  const row = app.db.select().from(memberships).where(eq(memberships.id, res.json().id)).get()!
  t.equal(row.gender, 'female')
  t.equal(row.birthDate, '1949-12-31')
  t.equal(row.idMasked, '110105********002X')
  t.equal(app.pii.decrypt(row.idCipher), '11010519491231002X')
  t.equal(row.idHash, app.pii.hash('11010519491231002X'))
  t.equal(row.mobile, u.phone, 'mobile defaults to the account phone')
  t.notOk(JSON.stringify(row).includes('19491231002'), 'no plain ID in the row')
  const me = await injectAs(app, u, { method: 'GET', url: '/api/v1/me' })
  t.same(me.json().membership, { id: row.id, status: 'applied', memberNo: null, enterpriseId: w.entA, enterpriseName: '云岭软件有限公司', buildingId: w.buildingA, joinedOn: null, idMasked: '110105********002X' })
  const audit = app.db.select().from(auditLog).where(eq(auditLog.action, 'membership.apply')).all()
  t.equal(audit.length, 1)
  t.notOk(JSON.stringify(audit).includes('19491231002'))
})

t.test('apply: bad input is a 400 per field in both languages and writes nothing', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const u = await createUser(app)
  const cases: Array<[Record<string, unknown>, string, RegExp]> = [
    [{ enterpriseId: w.entA, name: '张三', idNumber: '110105194912310021' }, 'idNumber', /校验位/],
    [{ enterpriseId: w.entA, name: '张三', idNumber: '110105202706150012' }, 'idNumber', /不能晚于今天/],
    [{ enterpriseId: w.entA, name: '张三', idNumber: '110105199902300012' }, 'idNumber', /出生日期无效/],
    [{ enterpriseId: w.entA, name: '张三', idNumber: '11010519491231' }, 'idNumber', /18 位/],
    [{ enterpriseId: w.entA, name: '', idNumber: uniqueResidentId() }, 'name', /必填/],
    [{ name: '张三', idNumber: uniqueResidentId() }, 'enterpriseId', /必填/],
    [{ enterpriseId: 'abc', name: '张三', idNumber: uniqueResidentId() }, 'enterpriseId', /选择/],
    [{ enterpriseId: w.entA, name: '张三', idNumber: uniqueResidentId(), mobile: '12345' }, 'mobile', /手机号码/],
    [{ enterpriseId: w.entA, name: '张三', idNumber: uniqueResidentId(), consent: false }, 'consent', /勾选同意/],
    [{ enterpriseId: w.entA, name: '张三', idNumber: 110105194912310020 }, 'idNumber', /18 位/]
  ]
  for (const [body, field, msg] of cases) {
    const res = await applyAs(app, u, body)
    t.equal(res.statusCode, 400, JSON.stringify(body))
    t.equal(res.json().error.code, 'INVALID_INPUT')
    t.match(res.json().error.fields[field], msg, field)
  }
  const en = await injectAs(app, u, { method: 'POST', url: '/api/v1/memberships', headers: { 'accept-language': 'en' }, payload: { enterpriseId: w.entA, name: 'Li', idNumber: '110105194912310021' } })
  t.match(en.json().error.fields.idNumber, /check character/)
  const unknown = await applyAs(app, u, { enterpriseId: 9999, name: '张三', idNumber: uniqueResidentId() })
  t.equal(unknown.statusCode, 400)
  t.match(unknown.json().error.fields.enterpriseId, /找不到/)
  t.equal(app.db.select().from(memberships).all().length, 0)
  const anon = await app.inject({ method: 'POST', url: '/api/v1/memberships', payload: { enterpriseId: w.entA, name: '张三', idNumber: uniqueResidentId() } })
  t.equal(anon.statusCode, 401)
})

t.test('apply: an enterprise not enrolled (pending, withdrawn) is 422 ENTERPRISE_NOT_ENROLLED', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const u = await createUser(app)
  for (const e of [w.entPending, w.entWithdrawn]) {
    const res = await applyAs(app, u, { enterpriseId: e, name: '张三', idNumber: uniqueResidentId() })
    t.equal(res.statusCode, 422)
    t.equal(res.json().error.code, 'ENTERPRISE_NOT_ENROLLED')
  }
  t.equal(app.db.select().from(memberships).all().length, 0)
})

t.test('apply: one open membership per person (409), by ID and by account; the unique index backs it', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const a = await createUser(app)
  const b = await createUser(app)
  const id = uniqueResidentId()
  t.equal((await applyAs(app, a, { enterpriseId: w.entA, name: '张三', idNumber: id })).statusCode, 201)
  const sameId = await applyAs(app, b, { enterpriseId: w.entB, name: '张三', idNumber: id.toLowerCase() })
  t.equal(sameId.statusCode, 409)
  t.equal(sameId.json().error.code, 'MEMBERSHIP_EXISTS')
  t.ok(sameId.json().error.fields.idNumber)
  const sameAccount = await applyAs(app, a, { enterpriseId: w.entB, name: '张三', idNumber: uniqueResidentId() })
  t.equal(sameAccount.statusCode, 409)
  t.equal(app.db.select().from(memberships).all().length, 1)
  // Two racing requests would both pass the look-up: the partial unique index refuses the second.
  const row = app.db.select().from(memberships).get()!
  const { id: _id, memberNo: _n, ...copy } = row
  t.throws(() => app.db.insert(memberships).values({ ...copy, enterpriseId: w.entB }).run(), { code: 'SQLITE_CONSTRAINT_UNIQUE' })
  // A closed membership does not block.
  t.doesNotThrow(() => app.db.insert(memberships).values({ ...copy, status: 'rejected' }).run())
})

t.test('approve: liaison, staff of the building and admin may; others 403; own 403; twice 409', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const outsider = await createUser(app)
  const byLiaison = await member(app, w.entA)
  const byStaff = await member(app, w.entA)
  const byAdmin = await member(app, w.entA)
  const approve = (u: typeof outsider, id: number) => injectAs(app, u, { method: 'POST', url: `/api/v1/memberships/${id}/approve` })

  for (const u of [w.liaisonB, w.staffB, outsider, byStaff.user]) {
    const res = await approve(u, byLiaison.id)
    t.equal(res.statusCode, 403, u.name)
    t.equal(res.json().error.code, 'FORBIDDEN')
  }
  const self = await approve(byLiaison.user, byLiaison.id)
  t.equal(self.statusCode, 403)
  t.equal((await app.inject({ method: 'POST', url: `/api/v1/memberships/${byLiaison.id}/approve` })).statusCode, 401)
  t.equal((await approve(w.admin, 99999)).statusCode, 404)

  const r1 = await approve(w.liaisonA, byLiaison.id)
  t.equal(r1.statusCode, 200)
  t.same(r1.json(), { status: 'active', memberNo: 'KM2026000001' })
  const r2 = await approve(w.staffA, byStaff.id)
  t.same(r2.json(), { status: 'active', memberNo: 'KM2026000002' })
  const r3 = await approve(w.admin, byAdmin.id)
  t.same(r3.json(), { status: 'active', memberNo: 'KM2026000003' })

  const again = await approve(w.admin, byLiaison.id)
  t.equal(again.statusCode, 409)
  t.equal(again.json().error.code, 'STATE_CHANGED')
  const rejectLate = await injectAs(app, w.admin, { method: 'POST', url: `/api/v1/memberships/${byLiaison.id}/reject`, payload: { reason: '迟了' } })
  t.equal(rejectLate.statusCode, 409)

  const me = await injectAs(app, byLiaison.user, { method: 'GET', url: '/api/v1/me' })
  t.equal(me.json().membership.status, 'active')
  t.equal(me.json().membership.memberNo, 'KM2026000001')
  t.equal(me.json().membership.joinedOn, '2026-06-15')
  t.equal(app.db.select().from(auditLog).where(eq(auditLog.action, 'membership.approve')).all().length, 3)
})

t.test('approve: a liaison applying for their own enterprise cannot approve it; simultaneous approvals: one wins', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const own = await applyAs(app, w.liaisonA, { enterpriseId: w.entA, name: '联络员甲', idNumber: uniqueResidentId() })
  t.equal(own.statusCode, 201)
  const self = await injectAs(app, w.liaisonA, { method: 'POST', url: `/api/v1/memberships/${own.json().id}/approve` })
  t.equal(self.statusCode, 403)
  t.match(self.json().error.message, /自己/)
  const [a, b] = await Promise.all([
    injectAs(app, w.staffA, { method: 'POST', url: `/api/v1/memberships/${own.json().id}/approve` }),
    injectAs(app, w.admin, { method: 'POST', url: `/api/v1/memberships/${own.json().id}/reject`, payload: { reason: 'x' } })
  ])
  t.same([a.statusCode, b.statusCode].sort(), [200, 409])
})

t.test('reject: with an optional reason by each reviewer role; the applicant sees it and may apply again', async (t) => {
  const app = await build(t)
  const w = await world(app)
  for (const reviewer of [w.liaisonA, w.staffA, w.admin]) {
    const m = await member(app, w.entA)
    t.equal((await injectAs(app, w.liaisonB, { method: 'POST', url: `/api/v1/memberships/${m.id}/reject` })).statusCode, 403)
    const res = await injectAs(app, reviewer, { method: 'POST', url: `/api/v1/memberships/${m.id}/reject`, payload: { reason: '不是本企业职工' } })
    t.equal(res.statusCode, 200)
    t.same(res.json(), { status: 'rejected' })
    const again = await injectAs(app, reviewer, { method: 'POST', url: `/api/v1/memberships/${m.id}/approve` })
    t.equal(again.statusCode, 409)
    const view = await injectAs(app, m.user, { method: 'GET', url: `/api/v1/memberships/${m.id}` })
    t.equal(view.json().rejectReason, '不是本企业职工')
    const retry = await applyAs(app, m.user, { enterpriseId: w.entA2, name: '张三', idNumber: m.idNumber })
    t.equal(retry.statusCode, 201)
  }
  const tooLong = await injectAs(app, w.admin, { method: 'POST', url: '/api/v1/memberships/1/reject', payload: { reason: 'x'.repeat(501) } })
  t.equal(tooLong.statusCode, 400)
})

t.test('leave: the member or staff of the building; liaison and others 403; twice 409; rejoining keeps the number', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const m1 = await member(app, w.entA, w.liaisonA)
  const m2 = await member(app, w.entA, w.liaisonA)
  const leave = (u: typeof w.admin, id: number) => injectAs(app, u, { method: 'POST', url: `/api/v1/memberships/${id}/leave` })
  t.equal((await leave(w.liaisonA, m1.id)).statusCode, 403)
  t.equal((await leave(w.staffB, m1.id)).statusCode, 403)
  t.equal((await leave(m2.user, m1.id)).statusCode, 403)
  const own = await leave(m1.user, m1.id)
  t.equal(own.statusCode, 200)
  t.same(own.json(), { status: 'left', leftOn: '2026-06-15' })
  t.equal((await leave(m1.user, m1.id)).statusCode, 409)
  t.equal((await leave(w.staffA, m2.id)).statusCode, 200)

  app.testClock.advance(400 * 86_400_000)
  const back = await applyAs(app, m1.user, { enterpriseId: w.entB, name: '张三', idNumber: m1.idNumber })
  t.equal(back.statusCode, 201)
  t.equal(back.json().id, m1.id, 'the earlier membership is reopened')
  const ok = await injectAs(app, w.liaisonB, { method: 'POST', url: `/api/v1/memberships/${m1.id}/approve` })
  t.same(ok.json(), { status: 'active', memberNo: m1.memberNo }, 'the number is kept for life')
  const fresh = await member(app, w.entB, w.liaisonB)
  t.equal(fresh.memberNo, 'KM2027000003', 'numbers are never reused')
})

t.test('transfer: member asks, the new enterprise confirms; number stays; a history row records it', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const m = await member(app, w.entA, w.liaisonA)
  const url = `/api/v1/memberships/${m.id}/transfers`
  t.equal((await injectAs(app, w.liaisonB, { method: 'POST', url, payload: { enterpriseId: w.entB } })).statusCode, 403)
  t.equal((await injectAs(app, m.user, { method: 'POST', url, payload: { enterpriseId: w.entA } })).statusCode, 400)
  const toPending = await injectAs(app, m.user, { method: 'POST', url, payload: { enterpriseId: w.entPending } })
  t.equal(toPending.statusCode, 422)
  t.equal(toPending.json().error.code, 'ENTERPRISE_NOT_ENROLLED')
  t.equal((await injectAs(app, m.user, { method: 'POST', url, payload: { enterpriseId: 424242 } })).statusCode, 400)

  const req = await injectAs(app, m.user, { method: 'POST', url, payload: { enterpriseId: w.entB } })
  t.equal(req.statusCode, 201)
  t.equal(req.json().status, 'pending')
  const second = await injectAs(app, m.user, { method: 'POST', url, payload: { enterpriseId: w.entA2 } })
  t.equal(second.statusCode, 409)
  t.equal(second.json().error.code, 'TRANSFER_PENDING')

  const confirm = (u: typeof w.admin) => injectAs(app, u, { method: 'POST', url: `/api/v1/membership-transfers/${req.json().id}/confirm` })
  for (const u of [w.liaisonA, w.staffA, m.user]) t.equal((await confirm(u)).statusCode, 403, u.name)
  app.testClock.advance(86_400_000)
  const ok = await confirm(w.liaisonB)
  t.equal(ok.statusCode, 200)
  t.same(ok.json(), { status: 'confirmed', enterpriseId: w.entB, effectiveOn: '2026-06-16' })
  t.equal((await confirm(w.staffB)).statusCode, 409)

  const view = await injectAs(app, m.user, { method: 'GET', url: `/api/v1/memberships/${m.id}` })
  t.equal(view.json().enterpriseId, w.entB)
  t.equal(view.json().memberNo, m.memberNo)
  t.equal(view.json().status, 'active')
  t.match(view.json().transfers, [{ status: 'confirmed', fromEnterpriseId: w.entA, toEnterpriseId: w.entB, effectiveOn: '2026-06-16' }])
  // Staff of the new building manage the member now; staff of the old one no longer do.
  t.equal((await injectAs(app, w.staffA, { method: 'GET', url: `/api/v1/memberships/${m.id}` })).statusCode, 403)
  t.equal((await injectAs(app, w.staffB, { method: 'GET', url: `/api/v1/memberships/${m.id}` })).statusCode, 200)
})

t.test('transfer: staff of the new building and admin confirm; reject and cancel; nobody confirms their own request', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const m = await member(app, w.entA, w.staffA)
  const ask = async (u: typeof w.admin, to: number) => injectAs(app, u, { method: 'POST', url: `/api/v1/memberships/${m.id}/transfers`, payload: { enterpriseId: to } })
  const act = (u: typeof w.admin, id: number, what: string) => injectAs(app, u, { method: 'POST', url: `/api/v1/membership-transfers/${id}/${what}` })

  const t1 = (await ask(m.user, w.entB)).json().id
  t.equal((await act(w.liaisonA, t1, 'reject')).statusCode, 403)
  t.same((await act(w.staffB, t1, 'reject')).json(), { status: 'rejected' })
  t.equal((await act(w.staffB, t1, 'confirm')).statusCode, 409)

  const t2 = (await ask(m.user, w.entB)).json().id
  t.equal((await act(w.liaisonB, t2, 'cancel')).statusCode, 403)
  t.same((await act(m.user, t2, 'cancel')).json(), { status: 'cancelled' })

  // Staff of the current building record a move for the member; they cannot confirm it themselves.
  const t3 = (await ask(w.admin, w.entA2))
  t.equal(t3.statusCode, 201)
  t.equal((await act(w.admin, t3.json().id, 'confirm')).statusCode, 403)
  t.equal((await act(w.staffA, t3.json().id, 'confirm')).statusCode, 200)
})

t.test('a withdrawn enterprise: its members stay members and can transfer; its liaison loses rights', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const m = await member(app, w.entA, w.liaisonA)
  const pending = await member(app, w.entA)
  app.db.update((await import('../../../src/db/schema/index.js')).enterprises).set({ status: 'withdrawn' }).where(eq((await import('../../../src/db/schema/index.js')).enterprises.id, w.entA)).run()
  const me = await injectAs(app, m.user, { method: 'GET', url: '/api/v1/me' })
  t.equal(me.json().membership.status, 'active')
  const stale = await injectAs(app, w.staffA, { method: 'POST', url: `/api/v1/memberships/${pending.id}/approve` })
  t.equal(stale.statusCode, 422)
  t.equal(stale.json().error.code, 'ENTERPRISE_NOT_ENROLLED')
  t.equal((await injectAs(app, w.liaisonA, { method: 'POST', url: `/api/v1/memberships/${pending.id}/approve` })).statusCode, 403)
  const req = await injectAs(app, m.user, { method: 'POST', url: `/api/v1/memberships/${m.id}/transfers`, payload: { enterpriseId: w.entB } })
  t.equal(req.statusCode, 201)
  t.equal((await injectAs(app, w.liaisonB, { method: 'POST', url: `/api/v1/membership-transfers/${req.json().id}/confirm` })).statusCode, 200)
})

t.test('roster: liaisons see their enterprises, staff their buildings, admin all; search and pagination', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const a1 = await member(app, w.entA, w.liaisonA, '王芳')
  await member(app, w.entA2, undefined, '赵六')
  const b1 = await member(app, w.entB, w.liaisonB, '钱七')
  const list = async (u: typeof w.admin, q = '') => injectAs(app, u, { method: 'GET', url: '/api/v1/memberships' + q })
  t.same((await list(w.liaisonA)).json().items.map((m: { name: string }) => m.name).sort(), ['王芳', '赵六'].sort())
  t.equal((await list(w.staffA)).json().total, 2)
  t.same((await list(w.staffB)).json().items.map((m: { name: string }) => m.name), ['钱七'])
  t.equal((await list(w.admin)).json().total, 3)
  t.equal((await list(a1.user)).statusCode, 403)
  t.equal((await list(w.admin, '?q=' + encodeURIComponent('王'))).json().total, 1)
  t.equal((await list(w.admin, '?q=' + a1.memberNo)).json().items[0].id, a1.id)
  t.equal((await list(w.admin, '?q=' + a1.user.phone.slice(3))).json().items[0].id, a1.id)
  t.equal((await list(w.admin, '?q=' + b1.idNumber)).json().items[0].id, b1.id, 'a full ID number finds its holder by hash')
  t.equal((await list(w.admin, '?status=applied')).json().total, 1)
  t.equal((await list(w.admin, '?q=%25')).json().total, 0, 'wildcards are literal')
  const item = (await list(w.admin)).json().items[0]
  t.notOk('idCipher' in item)
  t.match(item.idMasked, /^\d{6}\*{8}\d{3}[\dX]$/)
  t.equal((await list(w.admin, '?status=bogus')).statusCode, 400)
})

t.test('GET /api/v1/me: membership is null before applying', async (t) => {
  const app = await build(t)
  const u = await createUser(app)
  const me = await injectAs(app, u, { method: 'GET', url: '/api/v1/me' })
  t.equal(me.json().membership, null)
})
