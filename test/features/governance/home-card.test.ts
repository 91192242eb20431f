// The home page's governance card: a representative sees their next session; staff see the
// contract to file (with its 10-day due date, late flagged), the contract in its last three
// months, and the proposal whose 20 days have passed. Members with nothing to do see no card.
import t from 'tap'
import { sql } from 'drizzle-orm'
import { build, PageSession } from '../../helper.js'
import { governanceWorld, ok, seatedCongress } from './fixtures.js'
import { createGovernanceService } from '../../../src/features/governance/service.js'

t.test('the governance card on the home page', async (t) => {
  const app = await build(t)
  const w = await governanceWorld(app, 31)
  const { congressId } = await seatedCongress(app, w)
  await ok(app, w.staff, 'POST', `/api/v1/congresses/${congressId}/sessions`, { date: '2026-06-25', title: '第一届第二次会议' })
  const rep = new PageSession(app)
  await rep.login(w.members[0].user.phone)
  t.match((await rep.get('/')).body, /即将召开的会议[\s\S]*2026-06-25 · 第一届第二次会议/)
  const notRep = new PageSession(app)
  await notRep.login(w.members[30].user.phone)
  t.notMatch((await notRep.get('/')).body, /governance-card/, 'no card for a member with nothing to do')

  // Staff: a contract signed and not filed, one expiring, a proposal unanswered.
  const gov = createGovernanceService({ db: app.db, clock: app.clock, pii: app.pii, uploadDir: app.config.uploadDir })
  const staffActor = { id: w.staff.id, name: '', phone: '', roles: ['member', 'staff'] as const, isAdmin: false, isStaff: true, staffBuildingIds: [w.buildingId], mustChangePassword: false }
  const a = gov.contracts.draft({ ...staffActor, roles: [...staffActor.roles] }, w.buildingId, { title: '待报送合同', kind: 'general', termYears: 1, text: '……' })
  const b = gov.contracts.draft({ ...staffActor, roles: [...staffActor.roles] }, w.buildingId, { title: '将到期合同', kind: 'women', termYears: 1, text: '……' })
  app.db.run(sql`update collective_contracts set stage = 'signed', signed_on = '2026-06-01' where id = ${a.id}`)
  app.db.run(sql`update collective_contracts set stage = 'filed', signed_on = '2025-07-01', filed_on = '2025-07-05' where id = ${b.id}`)
  const round = gov.bargaining.open({ ...staffActor, roles: [...staffActor.roles] }, w.buildingId, { title: '工资协商', topics: ['pay'] })
  app.db.run(sql`insert into bargaining_proposals (round_id, from_side, body, proposed_on, answer_due_on, created_by, created_at) values (${round.id}, 'workers', '……', '2026-05-01', '2026-05-21', ${w.staff.id}, '2026-05-01T00:00:00Z')`)
  const staff = new PageSession(app)
  await staff.login(w.staff.phone)
  const body = (await staff.get('/')).body
  t.match(body, /待报送合同<\/a> · 已签订，应于 2026-06-11 前报送劳动保障行政部门 <span class="badge bad">逾期报送/)
  t.match(body, /将到期合同<\/a> · <span class="badge warn">将于 2026-07-19 期满/)
  t.match(body, /工资协商<\/a> · 应于 2026-05-21 前书面答复 <span class="badge bad">已逾期未答复/)
})
