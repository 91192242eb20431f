// Every change of a membership and of a share order tells the member: a notice in
// GET /api/v1/me/notifications (in the language asked for) and one SMS line in the outbox,
// written in the language the member last read their notices in.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, injectAs, PageSession, smsSent } from '../../helper.js'
import type { UserRow } from '../../../src/features/accounts/accounts-repository.js'
import { cancelStaleOrders } from '../../../src/features/aid/aid-service.js'
import { member, world } from '../memberships/fixtures.js'
import { confirm, newKey, order, world as aidWorld } from '../aid/fixtures.js'

async function notices (app: FastifyInstance, user: UserRow, lang: 'zh' | 'en' = 'zh') {
  const r = await injectAs(app, user, { method: 'GET', url: '/api/v1/me/notifications', headers: { 'accept-language': lang } })
  return r.json().items as Array<{ kind: string, text: string, read: boolean, subject: string | null }>
}
const smsTo = (app: FastifyInstance, user: UserRow) => smsSent(app).filter((s) => s.to === user.phone)

t.test('membership: rejected, left, transfer requested / refused / withdrawn / confirmed', async (t) => {
  const app = await build(t)
  const w = await world(app)

  const applicant = await member(app, w.entA, undefined, '孙丽')
  const no = await injectAs(app, w.liaisonA, { method: 'POST', url: `/api/v1/memberships/${applicant.id}/reject`, payload: { reason: '不是本企业员工' } })
  t.equal(no.statusCode, 200)
  t.match((await notices(app, applicant.user))[0], { kind: 'membership.rejected', text: /不是本企业员工/, subject: `membership:${applicant.id}` })
  t.match(smsTo(app, applicant.user).at(-1)?.params.text, /不是本企业员工/)

  const m = await member(app, w.entA, w.liaisonA, '钱多')
  t.equal(smsTo(app, m.user).length, 1, 'approval: one SMS')
  const transfer = (payload: object = { enterpriseId: w.entB }) => injectAs(app, m.user, { method: 'POST', url: `/api/v1/memberships/${m.id}/transfers`, payload })
  const act = (u: UserRow, id: number, what: string, payload?: object) => injectAs(app, u, { method: 'POST', url: `/api/v1/membership-transfers/${id}/${what}`, payload })

  // Staff ask for the move on the member's behalf: the member learns of it.
  const asked = await injectAs(app, w.staffA, { method: 'POST', url: `/api/v1/memberships/${m.id}/transfers`, payload: { enterpriseId: w.entB } })
  t.equal(asked.statusCode, 201, asked.body)
  t.match((await notices(app, m.user))[0], { kind: 'membership.transfer_requested', text: /盘龙物流有限公司/ })
  t.equal((await act(w.liaisonB, asked.json().id, 'reject', { note: '查无此人' })).statusCode, 200)
  t.match((await notices(app, m.user))[0], { kind: 'membership.transfer_refused', text: /盘龙物流有限公司.*查无此人/ })
  t.match((await notices(app, m.user, 'en'))[0].text, /transfer to 盘龙物流有限公司 was not accepted/, 'English when asked')

  const again = await transfer()
  t.equal(again.statusCode, 201)
  t.equal((await act(m.user, again.json().id, 'cancel')).statusCode, 200)
  t.match((await notices(app, m.user))[0], { kind: 'membership.transfer_withdrawn', text: /已撤回/ })

  // From now on the member reads English: the SMS follows.
  const page = new PageSession(app)
  await page.login(m.user.phone)
  await page.get('/me/notifications', { 'accept-language': 'en' })
  const third = await transfer()
  t.equal((await act(w.liaisonB, third.json().id, 'confirm')).statusCode, 200)
  t.match((await notices(app, m.user))[0], { kind: 'membership.transferred', text: /已转到 盘龙物流有限公司/ })
  t.match(smsTo(app, m.user).at(-1)?.params.text, /moved to 盘龙物流有限公司/)

  t.equal((await injectAs(app, m.user, { method: 'POST', url: `/api/v1/memberships/${m.id}/leave`, payload: {} })).statusCode, 200)
  t.match((await notices(app, m.user))[0], { kind: 'membership.left', read: false })
  t.match(smsTo(app, m.user).at(-1)?.params.text, /membership has ended/)

  t.same((await notices(app, m.user)).map((n) => n.kind), [
    'membership.left', 'membership.transferred', 'membership.transfer_requested', 'membership.transfer_withdrawn',
    'membership.transfer_requested', 'membership.transfer_refused', 'membership.transfer_requested', 'membership.active'
  ], 'one notice per change, newest first')
  t.equal(smsTo(app, m.user).length, 8, 'and one SMS each')
  t.equal((await notices(app, w.liaisonB)).length, 0, 'the reviewer is not told')
})

t.test('share orders: ordered by the liaison, paid, cancelled as unpaid', async (t) => {
  const app = await build(t)
  const w = await aidWorld(app)

  const g = await injectAs(app, w.liaison, { method: 'POST', url: '/api/v1/aid/group-orders', headers: { 'idempotency-key': newKey() }, payload: { enterpriseId: w.enterpriseId, membershipIds: [w.otherMembershipId] } })
  t.equal(g.statusCode, 201, g.body)
  t.match((await notices(app, w.otherMember))[0], { kind: 'purchase.ordered', text: /2026 年度医疗互助份额 1 份，金额 ¥120\.00，待缴费/ })
  t.equal(smsTo(app, w.otherMember).length, 1)
  t.equal((await notices(app, w.liaison)).length, 0)

  const paidId = g.json().ordered[0].purchaseId as number
  t.equal((await confirm(app, w.staff, paidId, { receiptNo: 'R-1', paidOn: '2026-06-15' })).statusCode, 200)
  t.match((await notices(app, w.otherMember))[0], { kind: 'purchase.paid', subject: `aid_purchase:${paidId}` })
  t.equal(smsTo(app, w.otherMember).length, 2)

  const stale = (await order(app, w.member)).json().id as number
  t.equal((await notices(app, w.member)).length, 0, 'an order the member placed themselves is no news to them')
  app.testClock.advance(30 * 86_400_000 + 1000)
  t.equal(cancelStaleOrders(app.db, app.clock, app.notifier), 1)
  const n = (await notices(app, w.member))[0]
  t.match(n, { kind: 'purchase.cancelled_unpaid', subject: `aid_purchase:${stale}` })
  t.match(n.text, /（¥120\.00）下单 30 天仍未缴费/)
  t.match(smsTo(app, w.member).at(-1)?.params.text, /已自动取消/)
  t.equal(cancelStaleOrders(app.db, app.clock, app.notifier), 0)
  t.equal(smsTo(app, w.member).length, 1, 'told once')
})
