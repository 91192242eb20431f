// The governance demo seed, from records: the article's 40 buildings with unions, 24 of them with
// a congress that decided something in the last 12 months and with affairs disclosure, as the
// city overview counts them; 五华科创大厦's congress valid, its contract in effect (text encrypted),
// a year of disclosures, votes that add up to each motion's result.
import t from 'tap'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { openDatabase } from '../../../src/db/index.js'
import { createClock } from '../../../src/lib/clock.js'
import { createPii } from '../../../src/lib/pii.js'
import { seedDemo, type SeedContext } from '../../../src/cli/seed-demo.js'
import { createBuildingsService } from '../../../src/features/buildings/buildings-service.js'
import { createGovernanceService } from '../../../src/features/governance/service.js'
import { compositionProblems } from '../../../src/domain/congress.js'
import type { Actor } from '../../../src/lib/access.js'

t.test('the governance demo seed reproduces the article from records', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'seed-gov-'))
  const db = openDatabase(join(dir, 'demo.db'))
  t.teardown(() => { db.$client.close(); rmSync(dir, { recursive: true, force: true }) })
  const clock = createClock(() => new Date('2026-06-15T02:00:00Z'))
  const pii = createPii('x'.repeat(40))
  const ctx: SeedContext = { db, clock, pii, uploadDir: join(dir, 'uploads'), accounts: [], facts: {}, log: () => {} }
  await seedDemo(ctx)

  const adminId = ctx.facts.adminUserId as number
  const admin: Actor = { id: adminId, name: 'admin', phone: '13900000001', roles: ['member', 'admin'], isAdmin: true, isStaff: false, staffBuildingIds: [], mustChangePassword: false }
  const overview = createBuildingsService(db, clock).cityOverview(admin)
  t.equal(overview.totals.buildings, 40)
  t.equal(overview.totals.workerCongress, 24, 'a session decided something in the last 12 months')
  t.equal(overview.totals.affairsDisclosure, 24, 'published in the last 12 months (two older ones do not count)')
  t.equal(overview.totals.both, 24)
  const older = db.get<{ n: number }>(sql`select count(distinct building_id) as n from disclosures`)!.n
  t.equal(older, 26, 'two more buildings have only disclosures older than a year')

  const wuhua = ctx.facts.wuhuaBuildingId as number
  const gov = createGovernanceService({ db, clock, pii, uploadDir: join(dir, 'uploads') })
  const [congress] = gov.congresses.ofBuilding(admin, wuhua)
  const view = gov.congresses.view(admin, congress.id)
  t.equal(view.representatives.length, 45)
  t.same(compositionProblems({ form: congress.form, counts: view.counts, buildingMembers: view.buildingMembers }), [], 'the composition meets the rules')
  t.ok(view.representatives.some((r) => r.membershipId === ctx.facts.memberMembershipId), 'the demo member 王芳 is a representative')
  const contract = gov.contracts.view(admin, ctx.facts.governanceContractId as number)
  t.equal(contract.status, 'effective')
  t.match(contract.text, /劳动报酬/, 'the text decrypts')
  t.equal(contract.contract.filedLate, false)
  for (const m of db.all<{ id: number, yes: number, no: number, abstain: number }>(sql`select id, yes, no, abstain from motions`)) {
    const votes = db.all<{ vote: string, n: number }>(sql`select vote, count(*) as n from motion_votes where motion_id = ${m.id} group by vote`)
    const count = (v: string) => votes.find((x) => x.vote === v)?.n ?? 0
    t.same([count('yes'), count('no'), count('abstain')], [m.yes, m.no, m.abstain], `motion ${m.id}: the votes add up`)
  }
  const months = db.all<{ m: string }>(sql`select distinct substr(published_on, 1, 7) as m from disclosures where building_id = ${wuhua} and enterprise_id is null`)
  t.equal(months.length, 12, 'a year of the federation\'s disclosures')
  const silent = gov.disclosures.silentThisQuarter(admin, wuhua)!
  t.ok(silent.enterprises.length > 0 && silent.enterprises.length < 61, 'some enterprises have published nothing this quarter')
  const upcoming = db.get<{ n: number }>(sql`select count(*) as n from congress_sessions where date > '2026-06-15'`)!.n
  t.equal(upcoming, 1, 'a session to come, for the demo')
})
