// Issue 11, item 3: self-approval through a roster import, and taking over someone else's
// imported membership with only their name and ID number. Nobody approves a membership that is
// (or becomes) their own, judged by the person (the keyed ID hash), not only the account; an
// imported active membership is taken over only by an account whose verified phone is the
// roster's mobile.
import t from 'tap'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { build, createUser, injectAs, smsSent, tokenFor } from '../helper.js'
import { memberships } from '../../src/db/schema/index.js'
import type { UserRow } from '../../src/features/accounts/accounts-repository.js'
import { applyAs, world } from '../features/memberships/fixtures.js'
import { uniqueResidentId } from '../factories.js'

async function importRows (app: FastifyInstance, by: UserRow, enterpriseId: number, rows: string[][]) {
  const boundary = '----sec' + Math.random().toString(16).slice(2)
  const csv = '\uFEFF姓名,身份证号码,手机号码\r\n' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n'
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="enterpriseId"\r\n\r\n${enterpriseId}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`)
  const res = await injectAs(app, by, { method: 'POST', url: '/api/v1/membership-imports', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } })
  if (res.statusCode !== 201) throw new Error(res.body)
}

async function verifyPhone (app: FastifyInstance, user: UserRow): Promise<void> {
  const token = tokenFor(app, user)
  await app.inject({ method: 'POST', url: '/api/v1/me/phone-verification', headers: { authorization: `Bearer ${token}` } })
  const code = smsSent(app).filter((m) => m.to === user.phone).at(-1)!.params.code
  const ok = await app.inject({ method: 'POST', url: '/api/v1/me/phone-verification/confirm', payload: { code }, headers: { authorization: `Bearer ${token}` } })
  if (ok.statusCode !== 200) throw new Error(ok.body)
}

const byHash = (app: FastifyInstance, idNumber: string) =>
  app.db.select().from(memberships).where(eq(memberships.idHash, app.pii.hash(idNumber))).all()

t.test('a liaison who imports and approves themselves cannot take the membership over as approved', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const idNumber = uniqueResidentId()
  await importRows(app, w.liaisonA, w.entA, [['联络员甲', idNumber, w.liaisonA.phone]])
  const row = byHash(app, idNumber)[0]
  t.equal((await injectAs(app, w.liaisonA, { method: 'POST', url: `/api/v1/memberships/${row.id}/approve` })).statusCode, 200)
  await verifyPhone(app, w.liaisonA)
  const claim = await applyAs(app, w.liaisonA, { enterpriseId: w.entA, name: '联络员甲', idNumber })
  t.equal(claim.statusCode, 201)
  t.same(claim.json(), { id: row.id, status: 'applied' }, 'back to approval: it became their own')
  const after = byHash(app, idNumber)[0]
  t.match(after, { userId: w.liaisonA.id, status: 'applied', decidedBy: null })
  t.equal((await injectAs(app, w.liaisonA, { method: 'POST', url: `/api/v1/memberships/${row.id}/approve` })).statusCode, 403, 'and they cannot approve it again')
  const bySomeoneElse = await injectAs(app, w.staffA, { method: 'POST', url: `/api/v1/memberships/${row.id}/approve` })
  t.equal(bySomeoneElse.statusCode, 200)
  t.equal(bySomeoneElse.json().memberNo, after.memberNo, 'the number stays')
})

t.test('staff who import themselves (active at once) cannot keep it active by taking it over', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const idNumber = uniqueResidentId()
  await importRows(app, w.staffA, w.entA, [['工作人员甲', idNumber, w.staffA.phone]])
  t.equal(byHash(app, idNumber)[0].status, 'active')
  await verifyPhone(app, w.staffA)
  const claim = await applyAs(app, w.staffA, { enterpriseId: w.entA, name: '工作人员甲', idNumber })
  t.equal(claim.json().status, 'applied')
})

t.test('nobody approves the same person under another account (compared by the keyed ID hash)', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const idNumber = uniqueResidentId()
  // staffA once applied from their own account and was refused …
  const first = await applyAs(app, w.staffA, { enterpriseId: w.entA, name: '工作人员甲', idNumber })
  t.equal((await injectAs(app, w.liaisonA, { method: 'POST', url: `/api/v1/memberships/${first.json().id}/reject`, payload: { reason: '材料不全' } })).statusCode, 200)
  // … then a roster import lists the same person, with no account attached.
  await importRows(app, w.liaisonA, w.entA, [['工作人员甲', idNumber, '13700001111']])
  const imported = byHash(app, idNumber).find((m) => m.status === 'applied')!
  t.equal(imported.userId, null)
  const own = await injectAs(app, w.staffA, { method: 'POST', url: `/api/v1/memberships/${imported.id}/approve` })
  t.equal(own.statusCode, 403)
  t.match(own.json().error.message, /本人|自己/)
  const rejectOwn = await injectAs(app, w.staffA, { method: 'POST', url: `/api/v1/memberships/${imported.id}/reject`, payload: { reason: 'x' } })
  t.equal(rejectOwn.statusCode, 403)
  t.equal(byHash(app, idNumber).find((m) => m.id === imported.id)!.status, 'applied', 'nothing changed')
  t.equal((await injectAs(app, w.admin, { method: 'POST', url: `/api/v1/memberships/${imported.id}/approve` })).statusCode, 200, 'someone else may')
})

t.test('knowing a name and ID number is not enough to take over an imported active membership', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const idNumber = uniqueResidentId()
  const owner = await createUser(app, { name: '李梅' })
  await importRows(app, w.staffA, w.entA, [['李梅', idNumber, owner.phone]])
  const row = byHash(app, idNumber)[0]
  t.equal(row.status, 'active')
  const attacker = await createUser(app, { name: '冒名者' })
  await verifyPhone(app, attacker)
  const stolen = await applyAs(app, attacker, { enterpriseId: w.entA, name: '李梅', idNumber })
  t.equal(stolen.statusCode, 409)
  t.equal(stolen.json().error.code, 'MEMBERSHIP_EXISTS')
  t.match(stolen.json().error.message, /验证/)
  t.match(byHash(app, idNumber)[0], { userId: null, status: 'active' }, 'untouched')
  const unverified = await applyAs(app, owner, { enterpriseId: w.entA, name: '李梅', idNumber })
  t.equal(unverified.statusCode, 409, 'the right phone, not yet verified')
  await verifyPhone(app, owner)
  const mine = await applyAs(app, owner, { enterpriseId: w.entA, name: '李梅', idNumber })
  t.equal(mine.statusCode, 201)
  t.same(mine.json(), { id: row.id, status: 'active' }, 'the verified phone on the roster takes it over as it is')
  t.equal(byHash(app, idNumber)[0].userId, owner.id)
})
