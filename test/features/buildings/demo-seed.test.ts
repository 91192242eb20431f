import t from 'tap'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { openDatabase } from '../../../src/db/index.js'
import { createClock } from '../../../src/lib/clock.js'
import { createPii } from '../../../src/lib/pii.js'
import { seedBuildings } from '../../../src/features/buildings/demo-seed.js'
import { DEMO_PASSWORD, type SeedContext } from '../../../src/cli/seed-demo.js'
import { usccProblem } from '../../../src/domain/identity.js'
import { listCoverage } from '../../../src/features/buildings/buildings-repository.js'
import { verifyPassword } from '../../../src/lib/password.js'

t.test('the buildings demo seed: the article’s tower and city, valid codes, accounts and facts', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'seed-'))
  const db = openDatabase(join(dir, 'demo.db'))
  t.teardown(() => { db.$client.close(); rmSync(dir, { recursive: true, force: true }) })
  const ctx: SeedContext = { db, clock: createClock(() => new Date('2026-06-15T02:00:00Z')), pii: createPii('x'.repeat(40)), accounts: [], facts: {}, log: () => {} }
  await seedBuildings(ctx)
  const coverage = listCoverage(db)
  t.equal(coverage.length, 40)
  const wuhua = coverage[0]
  t.match(wuhua, { name: '五华科创大厦', district: '五华区', enterprisesTotal: 96, enterprisesEnrolled: 61 })
  const wuhuaStatus = db.all<{ status: string, n: number }>(sql`select status, count(*) as n from enterprises where building_id = ${wuhua.id} group by status order by status`)
  t.same(wuhuaStatus, [{ status: 'enrolled', n: 61 }, { status: 'pending', n: 3 }, { status: 'rejected', n: 1 }])
  t.equal(coverage.filter((b) => b.isModel).length, 13)
  t.equal(coverage.filter((b) => b.hasWorkerCongress && b.hasAffairsDisclosure).length, 24)
  for (const b of coverage) t.ok(b.enterprisesEnrolled <= b.enterprisesTotal, `${b.name}: enrolled within total`)
  const codes = db.all<{ uscc: string }>(sql`select uscc from enterprises`)
  t.ok(codes.every((c) => usccProblem(c.uscc) === null), 'every code passes GB 32100')
  t.equal(new Set(codes.map((c) => c.uscc)).size, codes.length)
  t.equal((ctx.facts.enrolledEnterpriseIds as number[]).length, 61)
  t.equal((ctx.facts.buildingIds as number[]).length, 40)
  t.ok((ctx.facts.staffUserIds as number[]).length >= 2)
  t.same([...new Set(ctx.accounts.map((a) => a.role))].sort(), ['admin', 'liaison', 'staff'])
  const admin = db.all<{ password_hash: string }>(sql`select password_hash from users where phone = '13900000001'`)[0]
  t.ok(await verifyPassword(DEMO_PASSWORD, admin.password_hash), 'the printed password works')
  const audits = db.all<{ n: number }>(sql`select count(*) as n from audit_log where entity_type = 'enterprise'`)[0].n
  t.ok(audits > 61, 'the enterprises have their history')
})

t.test('the demo reads true: buildings in their real districts, liaisons named as the enterprise they run', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'seed-'))
  const db = openDatabase(join(dir, 'demo.db'))
  t.teardown(() => { db.$client.close(); rmSync(dir, { recursive: true, force: true }) })
  const ctx: SeedContext = { db, clock: createClock(() => new Date('2026-06-15T02:00:00Z')), pii: createPii('x'.repeat(40)), accounts: [], facts: {}, log: () => {} }
  await seedBuildings(ctx)
  const districtOf = new Map(listCoverage(db).map((b) => [b.name, b.district]))
  for (const [name, district] of [['翠湖商务楼', '五华区'], ['螺蛳湾国际商贸城', '官渡区'], ['海埂商务园', '西山区'], ['北京路商务大厦', '盘龙区'], ['晋宁工业园综合楼', '晋宁区'], ['呈贡大学城创业园', '呈贡区']]) {
    t.equal(districtOf.get(name), district, name)
  }
  const liaisons = db.all<{ name: string, enterprise: string }>(sql`select u.name as name, e.name as enterprise from enterprises e join users u on u.id = e.liaison_user_id`)
  t.ok(liaisons.length > 100)
  for (const l of liaisons) {
    const short = l.enterprise.replace(/^昆明/, '').replace(/(\d+号)?有限公司$/, '')
    if (!l.name.startsWith(`${short} 联络员 `)) { t.fail(`${l.name} does not run ${l.enterprise}`); break }
  }
  t.equal(db.all<{ name: string }>(sql`select name from users where phone = '13900000011'`)[0].name.endsWith('联络员 李娜'), true)
})
