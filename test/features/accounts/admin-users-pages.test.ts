// The administrators' user pages: list, search, create, roles, staff scopes, deactivation,
// password resets. Each change is audited; nobody but an admin gets in.
import t from 'tap'
import { and, eq } from 'drizzle-orm'
import { build, createUser, insertBuilding, nextPhone, PageSession, PASSWORD, tokenFor } from '../../helper.js'
import { auditLog, roleGrants, staffScopes, users } from '../../../src/db/schema/index.js'

function fieldError (html: string, field: string): string | undefined {
  return new RegExp(`id="f-${field}-error">([^<]*)<`).exec(html)?.[1]
}

async function adminSession (app: Parameters<typeof createUser>[0]) {
  const admin = await createUser(app, { role: 'admin', name: '市总管理员' })
  const s = new PageSession(app)
  const res = await s.login(admin.phone)
  if (res.statusCode !== 302) throw new Error('admin sign-in failed')
  return { admin, s }
}

const auditFor = (app: Parameters<typeof createUser>[0], userId: number) =>
  app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, String(userId)))).orderBy(auditLog.id).all()

t.test('list and search users', async (t) => {
  const app = await build(t)
  const { s } = await adminSession(app)
  await createUser(app, { name: '王小红', phone: '13711112222' })
  await createUser(app, { name: '李大明', role: 'staff', buildingIds: [insertBuilding(app)] })
  const list = await s.get('/admin/users')
  t.equal(list.statusCode, 200)
  t.match(list.body, /王小红/)
  t.match(list.body, /李大明/)
  t.match(list.body, /工作人员/, 'roles are shown in words')
  t.match(list.body, /共 3 条/)
  const byName = await s.get('/admin/users?q=' + encodeURIComponent('小红'))
  t.match(byName.body, /王小红/)
  t.notMatch(byName.body, /李大明/)
  t.match(byName.body, /共 1 条/)
  const byPhone = await s.get('/admin/users?q=1371111')
  t.match(byPhone.body, /王小红/)
  t.notMatch(byPhone.body, /李大明/)
  const none = await s.get('/admin/users?q=nobody-here')
  t.match(none.body, /共 0 条/)
  t.equal((await s.get('/admin/users?page=abc')).statusCode, 400, 'a bad page number is a 400, not a 500')
})

t.test('create a user: member, staff with a building, admin; errors beside the fields', async (t) => {
  const app = await build(t)
  const { admin, s } = await adminSession(app)
  const b = insertBuilding(app)
  await s.get('/admin/users')
  const phone = nextPhone()
  const res = await s.post('/admin/users', { phone, name: '新工作人员', password: 'staff-pass-1', role: 'staff', buildingId: String(b) })
  t.equal(res.statusCode, 302)
  const created = app.db.select().from(users).where(eq(users.phone, phone)).get()!
  t.equal(res.headers.location, `/admin/users/${created.id}`)
  t.same(app.db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, created.id)).all(), [{ role: 'staff' }])
  t.same(app.db.select({ b: staffScopes.buildingId }).from(staffScopes).where(eq(staffScopes.userId, created.id)).all(), [{ b }])
  const entry = auditFor(app, created.id).find((e) => e.action === 'user.create')!
  t.equal(entry.actorUserId, admin.id)
  t.match(JSON.parse(entry.after!), { role: 'staff', buildingIds: [b] })
  const page = await s.get(`/admin/users/${created.id}`)
  t.match(page.body, /账号已创建/)
  t.match(page.body, /五华科创大厦/)

  const member = await s.post('/admin/users', { phone: nextPhone(), name: '会员', password: 'member-pass-1', role: 'member', buildingId: '' })
  t.equal(member.statusCode, 302)
  await s.get('/admin/users')
  const adm = await s.post('/admin/users', { phone: nextPhone(), name: '第二管理员', password: 'admin-pass-1', role: 'admin', buildingId: String(b) })
  t.equal(adm.statusCode, 302)
  const second = app.db.select().from(users).where(eq(users.name, '第二管理员')).get()!
  t.equal(app.db.select().from(staffScopes).where(eq(staffScopes.userId, second.id)).all().length, 0, 'a building means nothing for an admin')

  await s.get('/admin/users')
  const count = app.db.select().from(users).all().length
  const bad = await s.post('/admin/users', { phone: '555', name: '', password: '1234', role: 'staff', buildingId: '' })
  t.equal(bad.statusCode, 400)
  t.match(fieldError(bad.body, 'phone'), /手机号码/)
  t.match(fieldError(bad.body, 'name'), /必填/)
  t.match(fieldError(bad.body, 'password'), /8 位/)
  t.match(bad.body, /name="phone"[^>]*value="555"/, 'the values are kept')
  const noBuilding = await s.post('/admin/users', { phone: nextPhone(), name: '甲', password: 'staff-pass-1', role: 'staff', buildingId: '' })
  t.equal(noBuilding.statusCode, 400)
  t.match(fieldError(noBuilding.body, 'buildingId'), /负责的楼宇/)
  const unknownBuilding = await s.post('/admin/users', { phone: nextPhone(), name: '乙', password: 'staff-pass-1', role: 'staff', buildingId: '999' })
  t.match(fieldError(unknownBuilding.body, 'buildingId'), /存在的楼宇/)
  const badRole = await s.post('/admin/users', { phone: nextPhone(), name: '丙', password: 'staff-pass-1', role: 'root', buildingId: '' })
  t.equal(badRole.statusCode, 400)
  t.ok(fieldError(badRole.body, 'role'))
  const dup = await s.post('/admin/users', { phone: admin.phone, name: '丁', password: 'staff-pass-1', role: 'member', buildingId: '' })
  t.equal(dup.statusCode, 409)
  t.match(fieldError(dup.body, 'phone'), /已注册/)
  t.equal(app.db.select().from(users).all().length, count, 'nothing written')
})

t.test('grant and remove staff scopes; grant and revoke admin; all audited', async (t) => {
  const app = await build(t)
  const { admin, s } = await adminSession(app)
  const b1 = insertBuilding(app, '五华科创大厦')
  const b2 = insertBuilding(app, '盘龙商务中心')
  const u = await createUser(app, { name: '小周' })
  await s.get(`/admin/users/${u.id}`)
  t.equal((await s.post(`/admin/users/${u.id}/scope`, { buildingId: String(b1), granted: '1' })).statusCode, 302)
  t.equal((await s.post(`/admin/users/${u.id}/scope`, { buildingId: String(b2), granted: '1' })).statusCode, 302)
  const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${tokenFor(app, u)}` } })
  t.same(me.json().user.roles, ['member', 'staff'], 'a scope makes the user staff, at once')
  t.same(me.json().user.staffBuildingIds.sort(), [b1, b2].sort())
  const page = await s.get(`/admin/users/${u.id}`)
  t.match(page.body, /盘龙商务中心/)

  t.equal((await s.post(`/admin/users/${u.id}/scope`, { buildingId: String(b1), granted: '0' })).statusCode, 302)
  t.same(app.db.select({ b: staffScopes.buildingId }).from(staffScopes).where(eq(staffScopes.userId, u.id)).all(), [{ b: b2 }])
  const unknown = await s.post(`/admin/users/${u.id}/scope`, { buildingId: '999', granted: '1' })
  t.equal(unknown.statusCode, 400)
  t.match(fieldError(unknown.body, 'buildingId'), /存在的楼宇/)

  t.equal((await s.post(`/admin/users/${u.id}/role`, { role: 'admin', granted: '1' })).statusCode, 302)
  t.ok(app.db.select().from(roleGrants).where(and(eq(roleGrants.userId, u.id), eq(roleGrants.role, 'admin'))).get())
  t.equal((await s.post(`/admin/users/${u.id}/role`, { role: 'admin', granted: '0' })).statusCode, 302)
  t.notOk(app.db.select().from(roleGrants).where(and(eq(roleGrants.userId, u.id), eq(roleGrants.role, 'admin'))).get())
  t.equal((await s.post(`/admin/users/${u.id}/role`, { role: 'staff', granted: '0' })).statusCode, 302)
  t.equal(app.db.select().from(staffScopes).where(eq(staffScopes.userId, u.id)).all().length, 0, 'revoking staff ends its scopes')
  const after = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${tokenFor(app, u)}` } })
  t.same(after.json().user.roles, ['member'])

  const actions = auditFor(app, u.id).map((e) => e.action)
  t.same(actions, ['user.create', 'user.grant_scope', 'user.grant_scope', 'user.revoke_scope', 'user.grant_role', 'user.revoke_role', 'user.revoke_role'])
  t.ok(auditFor(app, u.id).slice(1).every((e) => e.actorUserId === admin.id), 'each entry names the admin')

  const self = await s.post(`/admin/users/${admin.id}/role`, { role: 'admin', granted: '0' })
  t.equal(self.statusCode, 422, 'an admin cannot revoke their own admin role')
  t.ok(app.db.select().from(roleGrants).where(and(eq(roleGrants.userId, admin.id), eq(roleGrants.role, 'admin'))).get())
  t.equal((await s.post(`/admin/users/${u.id}/role`, { role: 'root', granted: '1' })).statusCode, 400)
  t.equal((await s.post('/admin/users/99999/role', { role: 'admin', granted: '1' })).statusCode, 404)
})

t.test('deactivate: the user\'s cookie and token stop working at once; reactivate', async (t) => {
  const app = await build(t)
  const { admin, s } = await adminSession(app)
  const u = await createUser(app, { name: '小吴' })
  const token = tokenFor(app, u)
  const userSession = new PageSession(app)
  await userSession.login(u.phone)
  t.match((await userSession.get('/')).body, /小吴/)

  await s.get(`/admin/users/${u.id}`)
  const res = await s.post(`/admin/users/${u.id}/active`, { active: '0' })
  t.equal(res.statusCode, 302)
  t.match((await s.get(`/admin/users/${u.id}`)).body, /账号已停用/)

  const home = await userSession.get('/')
  t.notMatch(home.body, /小吴/, 'the page session has ended')
  t.notOk(userSession.cookies.has('token'))
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401)
  t.equal((await userSession.login(u.phone)).statusCode, 401)

  t.equal((await s.post(`/admin/users/${u.id}/active`, { active: '1' })).statusCode, 302)
  t.equal((await new PageSession(app).login(u.phone)).statusCode, 302, 'signs in again once reactivated')
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401, 'old tokens stay dead')
  t.same(auditFor(app, u.id).map((e) => e.action), ['user.create', 'user.deactivate', 'user.reactivate'])

  const self = await s.post(`/admin/users/${admin.id}/active`, { active: '0' })
  t.equal(self.statusCode, 422, 'an admin cannot deactivate themself')
  t.match(self.body, /不能停用自己的账号/)
  t.equal((await s.post(`/admin/users/${u.id}/active`, { active: 'maybe' })).statusCode, 400)
})

t.test('reset password: shown once, must be changed at next sign-in', async (t) => {
  const app = await build(t)
  const { admin, s } = await adminSession(app)
  const u = await createUser(app)
  const token = tokenFor(app, u)
  await s.get(`/admin/users/${u.id}`)
  const res = await s.post(`/admin/users/${u.id}/reset-password`, {})
  t.equal(res.statusCode, 200)
  const temporary = /data-testid="temp-password">([^<]+)</.exec(res.body)?.[1]
  t.ok(temporary, 'the temporary password is on the page')
  t.match(temporary, /^[A-Za-z0-9]{12,}$/)
  t.equal(res.headers['cache-control'], 'no-store')
  const again = await s.get(`/admin/users/${u.id}`)
  t.notMatch(again.body, new RegExp(temporary!), 'and only that once')
  t.match(again.body, /待改密码/)
  const stored = app.db.select().from(users).where(eq(users.id, u.id)).get()!
  t.notMatch(stored.passwordHash, new RegExp(temporary!), 'only a hash is stored')
  t.equal(stored.mustChangePassword, true)
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401, 'old tokens end')
  const entry = auditFor(app, u.id).find((e) => e.action === 'user.reset_password')!
  t.equal(entry.actorUserId, admin.id)
  t.notMatch(JSON.stringify(entry), new RegExp(temporary!), 'the audit log never holds the password')

  const userSession = new PageSession(app)
  t.equal((await userSession.login(u.phone, PASSWORD)).statusCode, 401)
  const signIn = await userSession.login(u.phone, temporary!)
  t.equal(signIn.headers.location, '/account/password')
  t.equal((await userSession.post('/account/password', { currentPassword: temporary!, newPassword: 'my-own-pass-9' })).statusCode, 302)
  t.equal((await userSession.get('/')).statusCode, 200)
  t.equal(app.db.select().from(users).where(eq(users.id, u.id)).get()!.mustChangePassword, false)
  t.equal((await s.post('/admin/users/99999/reset-password', {})).statusCode, 404)
})

t.test('non-admins get 403 on every admin route; signed-out users are sent to sign in', async (t) => {
  const app = await build(t)
  const b = insertBuilding(app)
  const target = await createUser(app)
  const routes: Array<[string, string, Record<string, string>]> = [
    ['GET', '/admin/users', {}],
    ['GET', `/admin/users/${target.id}`, {}],
    ['GET', '/admin/audit', {}],
    ['POST', '/admin/users', { phone: nextPhone(), name: '甲', password: 'secret-pass-1', role: 'admin', buildingId: '' }],
    ['POST', `/admin/users/${target.id}/active`, { active: '0' }],
    ['POST', `/admin/users/${target.id}/reset-password`, {}],
    ['POST', `/admin/users/${target.id}/role`, { role: 'admin', granted: '1' }],
    ['POST', `/admin/users/${target.id}/scope`, { buildingId: String(b), granted: '1' }]
  ]
  const userEntries = () => app.db.select().from(auditLog).where(eq(auditLog.entityType, 'user')).all().length
  const before = userEntries()
  for (const role of ['member', 'staff'] as const) {
    const u = await createUser(app, { role, buildingIds: role === 'staff' ? [b] : undefined })
    const s = new PageSession(app)
    await s.login(u.phone)
    await s.get('/')
    t.notMatch((await s.get('/')).body, /href="\/admin\/users"/, `no admin links for ${role}`)
    for (const [method, url, form] of routes) {
      const res = method === 'GET' ? await s.get(url) : await s.post(url, form)
      t.equal(res.statusCode, 403, `${role}: ${method} ${url} is 403`)
    }
  }
  const anon = new PageSession(app)
  await anon.get('/login')
  for (const [method, url, form] of routes) {
    const res = method === 'GET' ? await anon.get(url) : await anon.post(url, form)
    if (method === 'GET') t.match(res.headers.location, /^\/login\?next=/, `signed out: ${url} asks to sign in`)
    else t.equal(res.statusCode, 401, `signed out: POST ${url} is 401`)
  }
  t.equal(userEntries(), before + 2, 'no change but the two test users being created')
  const t2 = app.db.select().from(users).where(eq(users.id, target.id)).get()!
  t.equal(t2.active, true)
  t.equal(t2.mustChangePassword, false)
})

t.test('an administrator is not offered to deactivate or demote their own account', async (t) => {
  const { build: buildApp, createUser: newUser, PageSession: Session, PASSWORD: pass } = await import('../../helper.js')
  const app = await buildApp(t)
  const admin = await newUser(app, { role: 'admin' })
  const other = await newUser(app)
  const s = new Session(app)
  await s.login(admin.phone, pass)
  const own = (await s.get(`/admin/users/${admin.id}`)).body
  t.notMatch(own, /action="\/admin\/users\/\d+\/active"/)
  t.notMatch(own, /name="role" value="admin"/)
  const theirs = (await s.get(`/admin/users/${other.id}`)).body
  t.match(theirs, new RegExp(`action="/admin/users/${other.id}/active"`))
  t.match(theirs, /name="role" value="admin"/)
})
