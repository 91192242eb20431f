// claim_counts: how many claims each building holds per status, kept by triggers on aid_claims
// (migration 0005_claim_counts) so the review queue's counts read a few rows instead of a
// building's claims. It must equal a direct count of aid_claims after anything that adds,
// removes or moves a claim: the use cases, the claims_follow_* triggers, rolled-back work, and
// the migration's backfill of the claims already there.
import t from 'tap'
import fc from 'fast-check'
import Database from 'better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import type { FastifyInstance } from 'fastify'
import { migrationsDir } from '../../../src/paths.js'
import { CLAIM_STATUSES, type ClaimStatus } from '../../../src/features/claims/claims-repository.js'
import { countByStatus } from '../../../src/features/claims/queue-repository.js'
import type { UserRow } from '../../../src/features/accounts/accounts-repository.js'
import { build, createUser, databaseBefore, injectAs, insertBuilding, PageSession } from '../../helper.js'
import { attachMembership, claimBody, claimWorld, idemKey, insertMember, insertPlanBefore0006 } from './fixtures.js'
import { insertEnterprise } from '../../factories.js'

type Sqlite = Database.Database
interface CountRow { b: number, status: string, n: number }

/** The summary (rows at 0 left out) and the same counted from the claims themselves. */
const summary = (sqlite: Sqlite): CountRow[] =>
  sqlite.prepare('select building_id as b, status, n from claim_counts where n <> 0 order by b, status').all() as CountRow[]
const direct = (sqlite: Sqlite): CountRow[] =>
  sqlite.prepare('select building_id as b, status, count(*) as n from aid_claims group by b, status order by b, status').all() as CountRow[]

/** Per status, a building's claims (or several buildings', or every one's) less one user's: counted directly. */
function directCounts (sqlite: Sqlite, buildingIds: number[] | null, exceptUserId?: number, fromIso?: string): Record<ClaimStatus, number> {
  const out = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>
  const rows = sqlite.prepare('select building_id as b, user_id as u, status, created_at as at from aid_claims').all() as Array<{ b: number, u: number, status: ClaimStatus, at: string }>
  for (const r of rows) {
    if (buildingIds !== null && !buildingIds.includes(r.b)) continue
    if (exceptUserId !== undefined && r.u === exceptUserId) continue
    if (fromIso !== undefined && r.at < fromIso) continue
    out[r.status]++
  }
  return out
}

const submit = async (app: FastifyInstance, user: UserRow, body = claimBody()): Promise<number> => {
  const res = await injectAs(app, user, { method: 'POST', url: '/api/v1/aid/claims', payload: body, headers: { 'idempotency-key': idemKey() } })
  if (res.statusCode !== 201) throw new Error(`submit: ${res.statusCode} ${res.body}`)
  return res.json().id
}
const post = async (app: FastifyInstance, user: UserRow, url: string, payload?: object): Promise<number> =>
  (await injectAs(app, user, { method: 'POST', url, ...(payload === undefined ? {} : { payload }) })).statusCode

/** The counts the queue page shows, by status. */
function pageCounts (body: string): Record<string, number> {
  return Object.fromEntries([...body.matchAll(/<a class="badge" href="\/aid\/review\?status(?:=|&#x3D;)(\w+)[^"]*">[^<]* (\d+)<\/a>/g)].map((m) => [m[1], Number(m[2])]))
}

t.test('the counts stay exact through submission, approvals, rejection, payment and moves; the queue shows them', async (t) => {
  const app = await build(t)
  const sqlite = app.db.$client
  const w = await claimWorld(app)
  const colleague = await insertMember(app, w.enterpriseId, { name: '同事' })
  // A reviewer who is also a member of the building: their own claim is never in their counts.
  const reviewer = await createUser(app, { role: 'staff', buildingIds: [w.buildingId], name: '审核员丙' })
  await attachMembership(app, reviewer, w.enterpriseId)

  const check = async (step: string): Promise<void> => {
    t.same(summary(sqlite), direct(sqlite), `${step}: the summary is a count of the claims`)
    for (const [who, building] of [[w.staff, w.buildingId], [reviewer, w.buildingId], [w.otherStaff, w.otherBuildingId]] as const) {
      const expected = directCounts(sqlite, [building], who.id)
      const api = (await injectAs(app, who, { method: 'GET', url: '/api/v1/aid/claims' })).json()
      t.same(api.counts, expected, `${step}: the API's counts for ${who.name}`)
      const s = new PageSession(app)
      await s.login(who.phone)
      t.same(pageCounts((await s.get(`/aid/review?building=${building}`)).body), expected, `${step}: the page's counts for ${who.name}`)
    }
    const admin = new PageSession(app)
    await admin.login(w.admin.phone)
    t.same(pageCounts((await admin.get('/aid/review')).body), directCounts(sqlite, null, w.admin.id), `${step}: every building's, for the admin`)
  }

  await check('empty')
  // base 40000 yuan → 6700 yuan, above the second-approval threshold; base 3000 yuan → 250.
  const big = () => claimBody({ totalCostFen: 5_000_000, insurancePaidFen: 1_000_000, excludedFen: 0 })
  const small = () => claimBody({ totalCostFen: 400_000, insurancePaidFen: 100_000, excludedFen: 0 })
  const [twice, once, rejected, open, mine] = [
    await submit(app, w.member.user, big()), await submit(app, w.member.user, small()), await submit(app, colleague.user, small()),
    await submit(app, colleague.user, small()), await submit(app, reviewer, small())
  ]
  await check('submitted')
  t.equal(await post(app, w.staff, `/api/v1/aid/claims/${twice}/approve`), 200)
  await check('first approval')
  t.equal(await post(app, w.staff2, `/api/v1/aid/claims/${twice}/approve`), 200)
  await check('second approval')
  t.equal(await post(app, w.staff, `/api/v1/aid/claims/${once}/approve`), 200)
  t.equal(await post(app, w.staff, `/api/v1/aid/claims/${mine}/approve`), 200)
  t.equal(await post(app, w.staff, `/api/v1/aid/claims/${rejected}/reject`, { reasonCode: 'DOCUMENTS_MISSING' }), 200)
  await check('approved and rejected')
  const batch = (await injectAs(app, w.staff, { method: 'POST', url: '/api/v1/aid/payment-batches', payload: { claimIds: [twice, once] } })).json()
  t.equal(await post(app, w.staff2, `/api/v1/aid/payment-batches/${batch.id}/paid`, { bankReference: 'ICBC-1' }), 200)
  t.same(sqlite.prepare('select status from aid_claims where id in (?, ?)').pluck().all(twice, once), ['paid', 'paid'])
  await check('paid')

  // The member moves to an enterprise of the other building: their claims go with them.
  const newEnterprise = await insertEnterprise(app, w.otherBuildingId)
  const transfer = (await injectAs(app, w.member.user, { method: 'POST', url: `/api/v1/memberships/${w.member.membershipId}/transfers`, payload: { enterpriseId: newEnterprise } })).json()
  t.equal(await post(app, w.otherStaff, `/api/v1/membership-transfers/${transfer.id}/confirm`), 200)
  t.same(sqlite.prepare('select building_id from aid_claims where id in (?, ?)').pluck().all(twice, once), [w.otherBuildingId, w.otherBuildingId])
  await check('membership transferred')

  // The colleague's whole enterprise moves building (their claims with it).
  const third = insertBuilding(app, '第三大厦', 10)
  sqlite.prepare('update enterprises set building_id = ? where id = ?').run(third, w.enterpriseId)
  t.same(sqlite.prepare('select building_id from aid_claims where id in (?, ?)').pluck().all(rejected, open), [third, third])
  await check('enterprise moved')
  t.same(sqlite.prepare('select n from claim_counts where building_id = ? order by status').pluck().all(w.buildingId), [0, 0, 0, 0, 0],
    'a building left without claims keeps its rows, at 0')

  // Work rolled back leaves the counts as they were.
  t.throws(() => app.db.transaction(() => {
    sqlite.prepare('update aid_claims set status = \'rejected\' where id = ?').run(open)
    throw new Error('rolled back')
  }))
  await check('rolled back')
})

t.test('property: any sequence of claim changes keeps the summary equal to a count of the claims', async (t) => {
  const app = await build(t)
  const sqlite = app.db.$client
  const buildingIds = [insertBuilding(app, '甲楼'), insertBuilding(app, '乙楼'), insertBuilding(app, '丙楼')]
  const enterpriseIds = [await insertEnterprise(app, buildingIds[0]), await insertEnterprise(app, buildingIds[1]), await insertEnterprise(app, buildingIds[1])]
  const members = [
    await insertMember(app, enterpriseIds[0]), await insertMember(app, enterpriseIds[0]), await insertMember(app, enterpriseIds[1]), await insertMember(app, enterpriseIds[2])
  ]
  let invoice = 0
  const insert = sqlite.prepare(`insert into aid_claims (membership_id, user_id, building_id, purchase_id, plan_year, admission_date, discharge_date,
      hospital, invoice_no, total_cost_fen, insurance_paid_fen, excluded_fen, base_fen, estimate, status, created_at, updated_at)
    select m.id, m.user_id, e.building_id, ?, 2026, '2026-05-01', '2026-05-10', '医院', ?, 400000, 100000, 0, 300000, '{"payableFen":25000}', ?, ?, ?
    from memberships m join enterprises e on e.id = m.enterprise_id where m.id = ?`)
  const addClaim = (m: number, status: ClaimStatus, day: number): void => {
    const at = `2026-06-${String(1 + day).padStart(2, '0')}T02:00:00.000Z`
    insert.run(members[m].purchaseId, `INV-P-${++invoice}`, status, at, at, members[m].membershipId)
  }
  for (let i = 0; i < 8; i++) addClaim(i % members.length, CLAIM_STATUSES[i % CLAIM_STATUSES.length], i)
  t.same(summary(sqlite), direct(sqlite))

  const claimAt = (k: number): number | undefined => {
    const ids = sqlite.prepare('select id from aid_claims order by id').pluck().all() as number[]
    return ids.length === 0 ? undefined : ids[k % ids.length]
  }
  const status = fc.constantFrom(...CLAIM_STATUSES)
  const idx = fc.nat(50)
  type Op =
    | { op: 'insert', m: number, status: ClaimStatus, day: number }
    | { op: 'status', k: number, status: ClaimStatus }
    | { op: 'statusAndBuilding', k: number, status: ClaimStatus, b: number }
    | { op: 'every', from: ClaimStatus, to: ClaimStatus }
    | { op: 'touch', k: number }
    | { op: 'delete', k: number }
    | { op: 'moveMembership', m: number, e: number }
    | { op: 'moveEnterprise', e: number, b: number }
    | { op: 'rolledBack', m: number, k: number, status: ClaimStatus }
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('insert' as const), m: fc.nat(members.length - 1), status, day: fc.nat(20) }),
    fc.record({ op: fc.constant('status' as const), k: idx, status }),
    fc.record({ op: fc.constant('statusAndBuilding' as const), k: idx, status, b: fc.nat(buildingIds.length - 1) }),
    fc.record({ op: fc.constant('every' as const), from: status, to: status }),
    fc.record({ op: fc.constant('touch' as const), k: idx }),
    fc.record({ op: fc.constant('delete' as const), k: idx }),
    fc.record({ op: fc.constant('moveMembership' as const), m: fc.nat(members.length - 1), e: fc.nat(enterpriseIds.length - 1) }),
    fc.record({ op: fc.constant('moveEnterprise' as const), e: fc.nat(enterpriseIds.length - 1), b: fc.nat(buildingIds.length - 1) }),
    fc.record({ op: fc.constant('rolledBack' as const), m: fc.nat(members.length - 1), k: idx, status })
  )
  const apply = (o: Op): void => {
    if ('k' in o && claimAt(o.k) === undefined) return
    switch (o.op) {
      case 'insert': addClaim(o.m, o.status, o.day); break
      case 'status': sqlite.prepare('update aid_claims set status = ?, updated_at = \'x\' where id = ?').run(o.status, claimAt(o.k)); break
      case 'statusAndBuilding': sqlite.prepare('update aid_claims set status = ?, building_id = ? where id = ?').run(o.status, buildingIds[o.b], claimAt(o.k)); break
      case 'every': sqlite.prepare('update aid_claims set status = ? where status = ?').run(o.to, o.from); break
      case 'touch': sqlite.prepare('update aid_claims set updated_at = \'y\', hospital = \'另一医院\' where id = ?').run(claimAt(o.k)); break
      case 'delete': sqlite.prepare('delete from aid_claims where id = ?').run(claimAt(o.k)); break
      case 'moveMembership': sqlite.prepare('update memberships set enterprise_id = ? where id = ?').run(enterpriseIds[o.e], members[o.m].membershipId); break
      case 'moveEnterprise': sqlite.prepare('update enterprises set building_id = ? where id = ?').run(buildingIds[o.b], enterpriseIds[o.e]); break
      case 'rolledBack':
        sqlite.exec('savepoint undone')
        addClaim(o.m, o.status, 0)
        sqlite.prepare('update aid_claims set status = ? where id = ?').run(o.status, claimAt(o.k))
        sqlite.exec('rollback to undone; release undone')
        break
    }
  }

  const scopes: Array<number[] | null> = [[buildingIds[0]], [buildingIds[1]], [buildingIds[0], buildingIds[2]], null]
  fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
    // Each sequence starts from the same claims: its changes are undone afterwards.
    sqlite.exec('savepoint sequence')
    try {
      for (const o of ops) {
        apply(o)
        const s = summary(sqlite)
        const d = direct(sqlite)
        if (JSON.stringify(s) !== JSON.stringify(d)) throw new Error(`after ${JSON.stringify(o)}: summary ${JSON.stringify(s)} ≠ count ${JSON.stringify(d)}`)
      }
      // What the queue asks for: every scope, with and without the reviewer's own claims, and
      // from a date (the index path the summary cannot answer).
      for (const scope of scopes) {
        for (const except of [undefined, members[0].user.id]) {
          for (const fromIso of [undefined, '2026-06-08T00:00:00.000Z']) {
            const got = countByStatus(app.db, { buildingIds: scope, exceptUserId: except, fromIso })
            const want = directCounts(sqlite, scope, except, fromIso)
            if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`countByStatus ${JSON.stringify({ scope, except, fromIso })}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`)
          }
        }
      }
    } finally {
      sqlite.exec('rollback to sequence; release sequence')
    }
  }), { numRuns: 150 })
  t.same(summary(sqlite), direct(sqlite), 'and after every sequence was undone')
})

t.test('the migration counts the claims already there', async (t) => {
  const { sqlite, db } = databaseBefore(t, '_claim_counts')
  const at = '2026-06-15T02:00:00.000Z'
  const one = (sql: string, ...args: unknown[]): number => Number(sqlite.prepare(sql).run(...args).lastInsertRowid)
  insertPlanBefore0006(sqlite, 2026, at)
  const buildingIds = [1, 2].map((i) => one('insert into buildings (name, district, address, enterprises_total, created_at, updated_at) values (?, \'五华区\', \'昆明\', 10, ?, ?)', `楼${i}`, at, at))
  const uid = one('insert into users (phone, name, password_hash, created_at, updated_at) values (\'13800000000\', \'会员\', \'x\', ?, ?)', at, at)
  let claims = 0
  for (const [i, b] of buildingIds.entries()) {
    const e = one(`insert into enterprises (building_id, name, uscc, headcount, liaison_user_id, status, submitted_at, created_at, updated_at)
      values (?, ?, ?, 10, ?, 'enrolled', ?, ?, ?)`, b, `企业${i}`, `91530102MA0000000${i}`, uid, at, at, at)
    const m = one(`insert into memberships (user_id, enterprise_id, name, id_cipher, id_hash, id_masked, gender, birth_date, mobile, member_no, status, joined_on,
      consent_at, applied_at, created_at, updated_at) values (?, ?, '会员', 'x', ?, 'x', 'female', '1990-01-01', '13800000000', ?, 'active', '2025-06-01', ?, ?, ?, ?)`,
    uid, e, `h${i}`, `KM${i}`, at, at, at, at)
    const p = one(`insert into aid_purchases (membership_id, plan_year, shares, amount_fen, status, ordered_by, ordered_on, paid_on, created_at, updated_at)
      values (?, 2026, 1, 10000, 'paid', ?, '2026-01-10', '2026-01-10', ?, ?)`, m, uid, at, at)
    // The statuses a claim could have before 0006 (needs_documents came with it).
    for (const [j, status] of ['submitted', 'awaiting_second_approval', 'approved', 'rejected', 'paid', 'submitted', 'paid', 'paid'].slice(i).entries()) {
      claims++
      one(`insert into aid_claims (membership_id, user_id, building_id, purchase_id, plan_year, admission_date, discharge_date, hospital, invoice_no,
        total_cost_fen, insurance_paid_fen, excluded_fen, base_fen, estimate, status, created_at, updated_at)
        values (?, ?, ?, ?, 2026, '2026-05-01', '2026-05-10', '医院', ?, 400000, 100000, 0, 300000, '{"payableFen":25000}', ?, ?, ?)`, m, uid, b, p, `INV${i}-${j}`, status, at, at)
    }
  }
  t.equal(claims, 15)
  migrate(db, { migrationsFolder: migrationsDir })
  t.same(summary(sqlite), direct(sqlite))
  t.equal(sqlite.prepare('select sum(n) from claim_counts').pluck().get(), 15)
  // And kept from then on.
  sqlite.prepare('update aid_claims set status = \'rejected\' where building_id = ?').run(buildingIds[0])
  t.same(summary(sqlite), direct(sqlite))
  t.same(sqlite.pragma('foreign_key_check'), [])
})
