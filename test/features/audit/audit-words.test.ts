// The audit log and a membership's history in words, in both languages: no action codes, no JSON.
import t from 'tap'
import { build, createUser, injectAs, PageSession } from '../../helper.js'
import { actionWords, changeWords } from '../../../src/features/audit/audit-words.js'
import { writeAudit } from '../../../src/features/audit/audit-repository.js'
import { member, world } from '../memberships/fixtures.js'

t.test('actions and changes as words', async (t) => {
  t.equal(actionWords('zh', 'claim.approve.first'), '报销初审通过（待复核）')
  t.equal(actionWords('en', 'claim.approve.first'), 'Claim: first approval (awaiting the second)')
  t.equal(actionWords('en', 'membership.something_new'), 'Membership: something new', 'an action the words do not know yet')
  t.same(changeWords('zh', JSON.stringify({ status: 'paid', amountFen: 4200000, firstTime: true, note: null })), [
    { field: '状态', value: '已付款' }, { field: '金额', value: '¥42,000.00' }, { field: '首次参加', value: '是' }, { field: '备注', value: '无' }
  ])
  t.same(changeWords('en', null), [])
})

t.test('the audit page and a membership history read as words', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const m = await member(app, w.entA)
  t.equal((await injectAs(app, w.liaisonA, { method: 'POST', url: `/api/v1/memberships/${m.id}/approve` })).statusCode, 200)
  writeAudit(app.db, app.clock.iso(), { actorUserId: w.staffA.id, action: 'claim.approve.first', entityType: 'claim', entityId: 7, before: { status: 'submitted' }, after: { status: 'awaiting_second_approval', payableFen: 600000 } })
  const admin = await createUser(app, { role: 'admin' })
  const s = new PageSession(app)
  await s.login(admin.phone)
  const page = await s.get('/admin/audit')
  t.equal(page.statusCode, 200)
  t.match(page.body, '报销初审通过（待复核）')
  t.match(page.body, '¥6,000.00')
  t.match(page.body, '待复核')
  t.notMatch(page.body, 'claim.approve.first')
  t.notMatch(page.body, /\{&quot;|\{"status/, 'no raw JSON')
  const en = await s.get('/admin/audit', { 'accept-language': 'en' })
  t.match(en.body, 'Claim: first approval')
  const liaison = new PageSession(app)
  await liaison.login(w.liaisonA.phone)
  const detail = await liaison.get(`/memberships/${m.id}`)
  t.match(detail.body, '入会申请通过')
  t.notMatch(detail.body, 'membership.approve')
})
