import t from 'tap'
import { eq } from 'drizzle-orm'
import { build, createUser, injectAs } from '../../helper.js'
import { auditLog, enterprises } from '../../../src/db/schema/index.js'
import { cast, enrol } from './fixtures.js'
import { uniqueUscc } from '../../factories.js'

const count = (app: Awaited<ReturnType<typeof build>>) => app.db.select().from(enterprises).all().length

t.test('enrol: a signed-in user enrols an enterprise, becomes its liaison, and it is audited', async (t) => {
  const app = await build(t)
  const c = await cast(app)
  const code = uniqueUscc()
  const res = await injectAs(app, c.liaison, { method: 'POST', url: '/api/v1/enterprises', payload: { buildingId: c.buildingId, name: '云岭科技有限公司', uscc: code.toLowerCase(), headcount: 25, floorRoom: '12层1203', contactName: '李明', contactPhone: '138 0013 8000' } })
  t.equal(res.statusCode, 201)
  t.same(res.json(), { id: res.json().id, status: 'pending' })
  const row = app.db.select().from(enterprises).where(eq(enterprises.id, res.json().id)).get()!
  t.equal(row.uscc, code, 'stored upper-case')
  t.equal(row.liaisonUserId, c.liaison.id)
  t.equal(row.contactPhone, '13800138000')
  const me = await injectAs(app, c.liaison, { method: 'GET', url: '/api/v1/me' })
  t.same(me.json().enterprises, [{ id: row.id, name: '云岭科技有限公司', buildingId: c.buildingId, status: 'pending' }])
  t.ok(me.json().user.roles.includes('liaison'))
  t.ok(app.db.select().from(auditLog).where(eq(auditLog.action, 'enterprise.enrol')).get())
})

t.test('enrol: anonymous 401; a bad token 401', async (t) => {
  const app = await build(t)
  const c = await cast(app)
  const anon = await app.inject({ method: 'POST', url: '/api/v1/enterprises', payload: { buildingId: c.buildingId, name: 'X', uscc: uniqueUscc(), headcount: 1 } })
  t.equal(anon.statusCode, 401)
  const bad = await app.inject({ method: 'POST', url: '/api/v1/enterprises', headers: { authorization: 'Bearer nope' }, payload: { buildingId: c.buildingId, name: 'X', uscc: uniqueUscc(), headcount: 1 } })
  t.equal(bad.statusCode, 401)
  t.equal(count(app), 0)
})

t.test('enrol: bad input is refused on its field, in Chinese or English, and writes nothing', async (t) => {
  const app = await build(t)
  const c = await cast(app)
  const good = uniqueUscc()
  const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['wrong check character', { uscc: wrongCheck }, 'uscc', /校验位/],
    ['letter I', { uscc: good.slice(0, 10) + 'I' + good.slice(11) }, 'uscc', /不含 I、O、S、V、Z/],
    ['letter O', { uscc: 'O' + good.slice(1) }, 'uscc', /18 位/],
    ['letter S', { uscc: good.slice(0, 17) + 'S' }, 'uscc', /18 位/],
    ['letter V', { uscc: good.slice(0, 5) + 'V' + good.slice(6) }, 'uscc', /18 位/],
    ['letter Z', { uscc: good.slice(0, 12) + 'Z' + good.slice(13) }, 'uscc', /18 位/],
    ['17 characters', { uscc: good.slice(0, 17) }, 'uscc', /18 位/],
    ['uscc missing', { uscc: undefined }, 'uscc', /18 位|必填/],
    ['uscc a number', { uscc: 123 }, 'uscc', /18 位/],
    ['headcount 0', { headcount: 0 }, 'headcount', /正整数/],
    ['headcount 1.5', { headcount: 1.5 }, 'headcount', /正整数/],
    ['headcount -1', { headcount: -1 }, 'headcount', /正整数/],
    ['headcount "abc"', { headcount: 'abc' }, 'headcount', /正整数/],
    ['headcount true', { headcount: true }, 'headcount', /正整数/],
    ['headcount missing', { headcount: undefined }, 'headcount', /必填/],
    ['unknown building', { buildingId: 99999 }, 'buildingId', /楼宇/],
    ['building "abc"', { buildingId: 'abc' }, 'buildingId', /楼宇/],
    ['building missing', { buildingId: undefined }, 'buildingId', /必填/],
    ['name empty', { name: '  ' }, 'name', /必填/],
    ['contact phone', { contactPhone: '12345' }, 'contactPhone', /手机号码/]
  ]
  for (const [label, patch, field, message] of cases) {
    const payload = { buildingId: c.buildingId, name: '云岭科技有限公司', uscc: uniqueUscc(), headcount: 25, ...patch }
    const res = await injectAs(app, c.liaison, { method: 'POST', url: '/api/v1/enterprises', payload })
    t.equal(res.statusCode, 400, `${label}: 400`)
    t.equal(res.json().error.code, 'INVALID_INPUT', `${label}: code`)
    t.match(res.json().error.fields?.[field], message, `${label}: message on ${field}`)
  }
  const en = await injectAs(app, c.liaison, { method: 'POST', url: '/api/v1/enterprises', headers: { 'accept-language': 'en' }, payload: { buildingId: 99999, name: 'A', uscc: wrongCheck, headcount: 0 } })
  t.match(en.json().error.fields.uscc, /check character/)
  t.match(en.json().error.fields.headcount, /positive whole number|positive integer/i)
  t.match(en.json().error.fields.buildingId, /building/)
  t.equal(count(app), 0, 'nothing written')
  const plainString = await injectAs(app, c.liaison, { method: 'POST', url: '/api/v1/enterprises', payload: { buildingId: String(c.buildingId), name: 'A', uscc: uniqueUscc(), headcount: '12' } })
  t.equal(plainString.statusCode, 201, 'numbers as strings (forms) are read')
})

t.test('enrol: a duplicate code is 409 on fields.uscc, whatever its case', async (t) => {
  const app = await build(t)
  const c = await cast(app)
  const code = uniqueUscc()
  t.equal((await injectAs(app, c.liaison, { method: 'POST', url: '/api/v1/enterprises', payload: { buildingId: c.buildingId, name: 'A', uscc: code, headcount: 3 } })).statusCode, 201)
  const dup = await injectAs(app, c.stranger, { method: 'POST', url: '/api/v1/enterprises', payload: { buildingId: c.otherBuildingId, name: 'B', uscc: ' ' + code.toLowerCase() + ' ', headcount: 3 } })
  t.equal(dup.statusCode, 409)
  t.equal(dup.json().error.code, 'USCC_TAKEN')
  t.match(dup.json().error.fields.uscc, /已登记/)
  t.equal(count(app), 1)
  const valid = ['91350100M000100Y43', '914403001922038216']
  for (const v of valid) t.equal((await injectAs(app, c.liaison, { method: 'POST', url: '/api/v1/enterprises', payload: { buildingId: c.buildingId, name: v, uscc: v, headcount: 3 } })).statusCode, 201, `${v} accepted`)
})

t.test('approve: every role', async (t) => {
  const app = await build(t)
  const c = await cast(app)
  const id = await enrol(app, c.liaison, c.buildingId)
  const approve = (u: typeof c.admin | null) => u === null
    ? app.inject({ method: 'POST', url: `/api/v1/enterprises/${id}/approve` })
    : injectAs(app, u, { method: 'POST', url: `/api/v1/enterprises/${id}/approve` })
  t.equal((await approve(null)).statusCode, 401, 'anonymous')
  t.equal((await approve(c.stranger)).statusCode, 403, 'another user')
  t.equal((await approve(c.liaison)).statusCode, 403, 'its liaison')
  t.equal((await approve(c.otherStaff)).statusCode, 403, 'staff of another building')
  t.equal(app.db.select().from(enterprises).get()!.status, 'pending', 'still pending')
  const ok = await approve(c.staff)
  t.equal(ok.statusCode, 200, 'staff of its building')
  t.same(ok.json(), { status: 'enrolled' })
  const again = await approve(c.admin)
  t.equal(again.statusCode, 409, 'already approved')
  t.equal(again.json().error.code, 'STATE_CHANGED')
  const id2 = await enrol(app, c.liaison, c.buildingId)
  const byAdmin = await injectAs(app, c.admin, { method: 'POST', url: `/api/v1/enterprises/${id2}/approve` })
  t.equal(byAdmin.statusCode, 200, 'admin')
  t.equal((await injectAs(app, c.admin, { method: 'POST', url: '/api/v1/enterprises/999999/approve' })).statusCode, 404, 'unknown enterprise')
  t.equal((await injectAs(app, c.admin, { method: 'POST', url: '/api/v1/enterprises/abc/approve' })).statusCode, 400, 'bad id')
  const audits = app.db.select().from(auditLog).where(eq(auditLog.action, 'enterprise.approve')).all()
  t.equal(audits.length, 2)
  t.equal(audits[0].actorUserId, c.staff.id)
})

t.test('nobody approves or rejects an enterprise they are the liaison of, staff and admin included', async (t) => {
  const app = await build(t)
  const c = await cast(app)
  const ownByStaff = await enrol(app, c.staff, c.buildingId)
  t.equal((await injectAs(app, c.staff, { method: 'POST', url: `/api/v1/enterprises/${ownByStaff}/approve` })).statusCode, 403)
  t.equal((await injectAs(app, c.staff, { method: 'POST', url: `/api/v1/enterprises/${ownByStaff}/reject`, payload: { reason: 'x' } })).statusCode, 403)
  const ownByAdmin = await enrol(app, c.admin, c.buildingId)
  const res = await injectAs(app, c.admin, { method: 'POST', url: `/api/v1/enterprises/${ownByAdmin}/approve` })
  t.equal(res.statusCode, 403)
  t.match(res.json().error.message, /联络员/)
  t.equal((await injectAs(app, c.staff, { method: 'POST', url: `/api/v1/enterprises/${ownByAdmin}/approve` })).statusCode, 200, 'another reviewer may')
})

t.test('two staff approving at once: one wins, the other gets 409', async (t) => {
  const app = await build(t)
  const c = await cast(app)
  const staff2 = await createUser(app, { role: 'staff', buildingIds: [c.buildingId] })
  const id = await enrol(app, c.liaison, c.buildingId)
  const results = await Promise.all([
    injectAs(app, c.staff, { method: 'POST', url: `/api/v1/enterprises/${id}/approve` }),
    injectAs(app, staff2, { method: 'POST', url: `/api/v1/enterprises/${id}/approve` }),
    injectAs(app, c.admin, { method: 'POST', url: `/api/v1/enterprises/${id}/reject`, payload: { reason: '材料不全' } })
  ])
  const codes = results.map((r) => r.statusCode).sort()
  t.same(codes, [200, 409, 409])
  t.equal(app.db.select().from(auditLog).all().filter((a) => a.action === 'enterprise.approve' || a.action === 'enterprise.reject').length, 1, 'one decision audited')
})

t.test('reject: reason required, liaison sees it, corrects and resubmits (back to pending)', async (t) => {
  const app = await build(t)
  const c = await cast(app)
  const id = await enrol(app, c.liaison, c.buildingId)
  const noReason = await injectAs(app, c.staff, { method: 'POST', url: `/api/v1/enterprises/${id}/reject`, payload: {} })
  t.equal(noReason.statusCode, 400)
  t.match(noReason.json().error.fields.reason, /必填/)
  const outsider = await injectAs(app, c.otherStaff, { method: 'POST', url: `/api/v1/enterprises/${id}/reject`, payload: {} })
  t.equal(outsider.statusCode, 403, 'permission is checked before the body')
  t.equal((await app.inject({ method: 'POST', url: `/api/v1/enterprises/${id}/reject`, payload: { reason: 'x' } })).statusCode, 401)
  t.equal((await injectAs(app, c.stranger, { method: 'POST', url: `/api/v1/enterprises/${id}/reject`, payload: { reason: 'x' } })).statusCode, 403)
  const rej = await injectAs(app, c.staff, { method: 'POST', url: `/api/v1/enterprises/${id}/reject`, payload: { reason: '营业执照地址不在本楼' } })
  t.equal(rej.statusCode, 200)
  t.same(rej.json(), { status: 'rejected' })
  const seen = await injectAs(app, c.liaison, { method: 'GET', url: `/api/v1/enterprises/${id}` })
  t.equal(seen.json().status, 'rejected')
  t.equal(seen.json().rejectReason, '营业执照地址不在本楼')
  t.equal((await injectAs(app, c.stranger, { method: 'GET', url: `/api/v1/enterprises/${id}` })).statusCode, 403, 'another user cannot see it')
  t.equal((await injectAs(app, c.otherStaff, { method: 'GET', url: `/api/v1/enterprises/${id}` })).statusCode, 403, 'nor staff of another building')
  t.equal((await injectAs(app, c.staff, { method: 'GET', url: `/api/v1/enterprises/${id}` })).statusCode, 200, 'its staff can')
  // The resubmission: only the liaison, with valid input, only while rejected.
  const body = { buildingId: c.buildingId, name: '云岭科技（昆明）有限公司', uscc: uniqueUscc(), headcount: 30 }
  t.equal((await injectAs(app, c.staff, { method: 'POST', url: `/api/v1/enterprises/${id}/resubmit`, payload: body })).statusCode, 403, 'staff cannot resubmit for the liaison')
  t.equal((await injectAs(app, c.stranger, { method: 'POST', url: `/api/v1/enterprises/${id}/resubmit`, payload: body })).statusCode, 403)
  const bad = await injectAs(app, c.liaison, { method: 'POST', url: `/api/v1/enterprises/${id}/resubmit`, payload: { ...body, headcount: 0 } })
  t.equal(bad.statusCode, 400)
  const re = await injectAs(app, c.liaison, { method: 'POST', url: `/api/v1/enterprises/${id}/resubmit`, payload: body })
  t.equal(re.statusCode, 200)
  t.same(re.json(), { status: 'pending' })
  const row = app.db.select().from(enterprises).where(eq(enterprises.id, id)).get()!
  t.equal(row.name, '云岭科技（昆明）有限公司')
  t.equal(row.rejectReason, null)
  t.equal((await injectAs(app, c.liaison, { method: 'POST', url: `/api/v1/enterprises/${id}/resubmit`, payload: body })).statusCode, 409, 'a pending one is not resubmitted')
  // A corrected code that another enterprise holds: 409.
  await injectAs(app, c.staff, { method: 'POST', url: `/api/v1/enterprises/${id}/reject`, payload: { reason: '再核对' } })
  const otherCode = uniqueUscc()
  await enrol(app, c.stranger, c.buildingId, { uscc: otherCode })
  const taken = await injectAs(app, c.liaison, { method: 'POST', url: `/api/v1/enterprises/${id}/resubmit`, payload: { ...body, uscc: otherCode } })
  t.equal(taken.statusCode, 409)
  t.ok(taken.json().error.fields.uscc)
  const actions = app.db.select().from(auditLog).where(eq(auditLog.entityId, String(id))).all().filter((a) => a.entityType === 'enterprise').map((a) => a.action)
  t.same(actions, ['enterprise.enrol', 'enterprise.reject', 'enterprise.resubmit', 'enterprise.reject'])
})

t.test('withdraw: an enrolled enterprise leaves, keeping its history; only the people who may', async (t) => {
  const app = await build(t)
  const c = await cast(app)
  const id = await enrol(app, c.liaison, c.buildingId)
  t.equal((await injectAs(app, c.liaison, { method: 'POST', url: `/api/v1/enterprises/${id}/withdraw` })).statusCode, 409, 'a pending one cannot withdraw')
  await injectAs(app, c.staff, { method: 'POST', url: `/api/v1/enterprises/${id}/approve` })
  t.equal((await app.inject({ method: 'POST', url: `/api/v1/enterprises/${id}/withdraw` })).statusCode, 401)
  t.equal((await injectAs(app, c.stranger, { method: 'POST', url: `/api/v1/enterprises/${id}/withdraw` })).statusCode, 403)
  t.equal((await injectAs(app, c.otherStaff, { method: 'POST', url: `/api/v1/enterprises/${id}/withdraw` })).statusCode, 403)
  const res = await injectAs(app, c.liaison, { method: 'POST', url: `/api/v1/enterprises/${id}/withdraw`, payload: { note: '公司迁出' } })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'withdrawn' })
  t.equal((await injectAs(app, c.admin, { method: 'POST', url: `/api/v1/enterprises/${id}/withdraw` })).statusCode, 409)
  const row = app.db.select().from(enterprises).where(eq(enterprises.id, id)).get()!
  t.equal(row.status, 'withdrawn')
  t.ok(row.withdrawnAt)
  t.ok(row.decidedAt, 'the decision is kept')
  const id2 = await enrol(app, c.liaison, c.buildingId)
  await injectAs(app, c.admin, { method: 'POST', url: `/api/v1/enterprises/${id2}/approve` })
  t.equal((await injectAs(app, c.staff, { method: 'POST', url: `/api/v1/enterprises/${id2}/withdraw` })).statusCode, 200, 'staff of its building may record it')
})

// Since issue 11 a hand-over takes effect only when the person it names accepts it.
t.test('hand over: the liaison offers the role to another registered user by phone; it is theirs once accepted', async (t) => {
  const app = await build(t)
  const c = await cast(app)
  const id = await enrol(app, c.liaison, c.buildingId)
  const unknown = await injectAs(app, c.liaison, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: '13700000001' } })
  t.equal(unknown.statusCode, 400)
  t.match(unknown.json().error.fields.phone, /注册/)
  t.equal((await injectAs(app, c.liaison, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: 'abc' } })).statusCode, 400)
  t.equal((await injectAs(app, c.liaison, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: c.liaison.phone } })).statusCode, 400, 'to oneself')
  t.equal((await injectAs(app, c.stranger, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: c.stranger.phone } })).statusCode, 403, 'nobody takes it for themselves')
  t.equal((await injectAs(app, c.otherStaff, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: c.stranger.phone } })).statusCode, 403)
  const ok = await injectAs(app, c.liaison, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: c.stranger.phone } })
  t.equal(ok.statusCode, 200)
  t.equal(ok.json().pendingLiaisonUserId, c.stranger.id)
  t.equal((await injectAs(app, c.stranger, { method: 'POST', url: `/api/v1/enterprises/${id}/liaison/accept` })).json().liaisonUserId, c.stranger.id)
  t.same((await injectAs(app, c.liaison, { method: 'GET', url: '/api/v1/me' })).json().enterprises, [], 'the old liaison no longer has it')
  t.equal((await injectAs(app, c.liaison, { method: 'GET', url: `/api/v1/enterprises/${id}` })).statusCode, 403, 'nor sees it')
  t.equal((await injectAs(app, c.stranger, { method: 'GET', url: '/api/v1/me' })).json().enterprises.length, 1)
  t.ok(app.db.select().from(auditLog).where(eq(auditLog.action, 'enterprise.hand_over')).get())
})
