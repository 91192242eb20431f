import t from 'tap'
import { eq } from 'drizzle-orm'
import { build, createUser, injectAs } from '../../helper.js'
import { auditLog, memberships } from '../../../src/db/schema/index.js'
import { applyAs, member, nextId, world } from './fixtures.js'

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
