// The audit log: one helper writes it inside the change's transaction; it can only grow; the
// admin page lists it newest first and filters it.
import t from 'tap'
import { eq, sql } from 'drizzle-orm'
import { build, createUser, PageSession } from '../../helper.js'
import { auditLog } from '../../../src/db/schema/index.js'
import { auditHistory, listAudit, writeAudit } from '../../../src/features/audit/audit-repository.js'

t.test('append-only: UPDATE and DELETE on audit_log are refused by the database', async (t) => {
  const app = await build(t)
  writeAudit(app.db, app.clock.iso(), { actorUserId: null, action: 'test.entry', entityType: 'thing', entityId: 1, after: { a: 1 } })
  const raw = app.db.$client
  t.throws(() => raw.prepare("UPDATE audit_log SET action = 'changed'").run(), /append-only/)
  t.throws(() => raw.prepare('DELETE FROM audit_log').run(), /append-only/)
  t.throws(() => app.db.update(auditLog).set({ note: 'x' }).run(), /append-only/)
  t.throws(() => app.db.delete(auditLog).run(), /append-only/)
  // Other features may write entries at start (the current aid plan); look at ours only.
  const rows = app.db.select().from(auditLog).where(eq(auditLog.entityType, 'thing')).all()
  t.equal(rows.length, 1)
  t.equal(rows[0].action, 'test.entry')
  t.equal(rows[0].after, '{"a":1}')
})

t.test('writeAudit joins the transaction: a rolled-back change leaves no entry', async (t) => {
  const app = await build(t)
  t.throws(() => app.db.transaction((tx) => {
    writeAudit(tx, app.clock.iso(), { actorUserId: null, action: 'test.rollback', entityType: 'thing', entityId: 2 })
    throw new Error('the change failed')
  }), /the change failed/)
  t.equal(app.db.select({ n: sql<number>`count(*)` }).from(auditLog).where(eq(auditLog.action, 'test.rollback')).get()!.n, 0)
})

t.test('history and filtered lists', async (t) => {
  const app = await build(t)
  const at = app.clock.iso()
  writeAudit(app.db, at, { actorUserId: 7, action: 'enterprise.approve', entityType: 'enterprise', entityId: 3, before: { status: 'pending' }, after: { status: 'enrolled' } })
  writeAudit(app.db, at, { actorUserId: 8, action: 'enterprise.reject', entityType: 'enterprise', entityId: 4, note: 'not in the building' })
  writeAudit(app.db, at, { actorUserId: 7, action: 'claim.approve', entityType: 'claim', entityId: 'C-9' })
  t.same(auditHistory(app.db, 'enterprise', 3).map((e) => e.action), ['enterprise.approve'])
  t.same(listAudit(app.db, { limit: 3 }).map((e) => e.action), ['claim.approve', 'enterprise.reject', 'enterprise.approve'], 'newest first')
  t.same(listAudit(app.db, { actorUserId: 7, limit: 10 }).map((e) => e.entityId), ['C-9', '3'])
  t.same(listAudit(app.db, { action: 'enterprise.', limit: 10 }).length, 2)
  t.same(listAudit(app.db, { entityType: 'claim', entityId: 'C-9', limit: 10 }).length, 1)
  const newest = listAudit(app.db, { limit: 1 })[0]
  t.same(listAudit(app.db, { beforeId: newest.id, limit: 2 }).map((e) => e.action), ['enterprise.reject', 'enterprise.approve'], 'keyset pages')
})

t.test('the admin page lists entries with who did it, and filters them', async (t) => {
  const app = await build(t)
  const admin = await createUser(app, { role: 'admin', name: '审计管理员' })
  const a = await createUser(app, { name: '甲用户' })
  const b = await createUser(app, { name: '乙用户' })
  const s = new PageSession(app)
  await s.login(admin.phone)
  await s.get(`/admin/users/${a.id}`)
  await s.post(`/admin/users/${a.id}/active`, { active: '0' })

  const all = await s.get('/admin/audit')
  t.equal(all.statusCode, 200)
  t.match(all.body, /审计日志/)
  // In words, not action codes or JSON.
  t.match(all.body, /停用账号/)
  t.match(all.body, /创建账号/)
  t.notMatch(all.body, /user\.deactivate/)
  t.match(all.body, /审计管理员/, 'the actor is named')
  t.match(all.body, /系统/, 'command-line entries have no user')
  t.match(all.body, /启用：<\/span>否/, 'before/after are shown')
  t.ok(all.body.indexOf('停用账号') < all.body.indexOf('创建账号'), 'newest first')

  const one = await s.get(`/admin/audit?entityType=user&entityId=${b.id}`)
  t.match(one.body, /创建账号/)
  t.notMatch(one.body, /停用账号/)
  const byAction = await s.get('/admin/audit?action=user.deactivate')
  t.equal((byAction.body.match(/<tr>/g) ?? []).length, 1 + 1, 'header row + one entry')
  const byActor = await s.get(`/admin/audit?actor=${admin.id}`)
  t.match(byActor.body, /停用账号/)
  t.notMatch(byActor.body, /创建账号/)
  t.match(byActor.body, new RegExp(`name="actor" value="${admin.id}"`), 'the filter is kept in the form')
  const empty = await s.get('/admin/audit?entityType=&entityId=&actor=&action=')
  t.equal(empty.statusCode, 200, 'empty filters mean no filter')
  t.equal((await s.get('/admin/audit?actor=abc')).statusCode, 400, 'a bad filter is a 400, not a 500')
})

t.test('the audit page pages through more than 100 entries', async (t) => {
  const app = await build(t)
  const admin = await createUser(app, { role: 'admin' })
  const at = app.clock.iso()
  app.db.transaction((tx) => {
    for (let i = 1; i <= 120; i++) writeAudit(tx, at, { actorUserId: null, action: 'bulk.entry', entityType: 'thing', entityId: i })
  })
  const s = new PageSession(app)
  await s.login(admin.phone)
  const first = await s.get('/admin/audit?action=bulk.')
  t.equal((first.body.match(/<tr>/g) ?? []).length, 101)
  const next = /href="(\/admin\/audit\?[^"]+)" rel="next"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&').replace(/&#x3D;/g, '=')
  t.ok(next)
  const second = await s.get(next!)
  t.equal((second.body.match(/<tr>/g) ?? []).length, 21)
  t.notMatch(second.body, /rel="next"/)
})
