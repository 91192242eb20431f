// Fixture rows for the reliability tests, inserted directly (as the benchmark generator does):
// a building with two staff, an enrolled enterprise, members with accounts, active memberships
// and a paid share covering `today` (a renewal: last year's share was paid too, so cover runs
// from 1 January and no waiting period applies whatever the date).
import { addDays, maxDate } from '../../src/domain/dates.js'
import { coverWindow } from '../../src/domain/cover.js'
import { defaultPlan } from '../../src/domain/aid-plan.js'
import { maskResidentId, residentIdFacts } from '../../src/domain/identity.js'
import { formatMemberNo } from '../../src/domain/memberships.js'
import type { Db } from '../../src/db/index.js'
import type { Pii } from '../../src/lib/pii.js'
import { hashPassword } from '../../src/lib/password.js'
import { upsertPlan } from '../../src/features/aid/plans-repository.js'
import {
  aidPurchases, buildings, counters, enterprises, memberships, payoutAccounts, roleGrants, staffScopes, users
} from '../../src/db/schema/index.js'
import { uniqueResidentId, uniqueUscc } from '../factories.js'

export const FIXTURE_PASSWORD = 'fixture-pass-2026'

export interface Fixture {
  buildingId: number
  enterpriseId: number
  staffIds: [number, number]
  adminId: number
  members: Array<{ userId: number, membershipId: number, purchaseId: number, phone: string }>
  /** Dates a claim may use: inside cover, not after today. */
  admissionDate: string
  dischargeDate: string
}

let seq = 0

export async function seedCoveredMembers (db: Db, pii: Pii, opts: { today: string, members: number }): Promise<Fixture> {
  const today = opts.today
  const Y = Number(today.slice(0, 4))
  const hash = await hashPassword(FIXTURE_PASSWORD)
  const at = `${addDays(today, -1)}T02:00:00.000Z`
  const run = ++seq
  return db.transaction((tx) => {
    const user = (name: string, phone: string): number =>
      tx.insert(users).values({ phone, name, passwordHash: hash, createdAt: at, updatedAt: at }).returning({ id: users.id }).get().id
    const phoneBase = 16_000_000_000 + run * 10_000 + Math.floor(Math.random() * 900) * 1_000_000
    const adminId = user('管理员', String(phoneBase + 9_999))
    tx.insert(roleGrants).values({ userId: adminId, role: 'admin', grantedAt: at }).run()
    const buildingId = tx.insert(buildings).values({ name: `可靠性测试大厦${run}`, district: '五华区', address: '昆明市五华区', enterprisesTotal: 10, createdAt: at, updatedAt: at }).returning({ id: buildings.id }).get().id
    const staffIds: [number, number] = [user('审核员甲', String(phoneBase + 9_998)), user('审核员乙', String(phoneBase + 9_997))]
    for (const id of staffIds) {
      tx.insert(roleGrants).values({ userId: id, role: 'staff', grantedAt: at }).run()
      tx.insert(staffScopes).values({ userId: id, buildingId, grantedAt: at }).run()
    }
    // No required documents: these tests race approvals, not uploads.
    for (const year of [Y - 1, Y]) upsertPlan(tx, { ...defaultPlan(year), requiredDocuments: [] }, null, at)
    const members: Fixture['members'] = []
    let enterpriseId = 0
    const counter = tx.select().from(counters).all().find((c) => c.name === 'membership_no')?.value ?? 0
    for (let i = 0; i < opts.members; i++) {
      const phone = String(phoneBase + i)
      const userId = user(`职工${i}`, phone)
      if (i === 0) {
        enterpriseId = tx.insert(enterprises).values({
          buildingId, name: `可靠性测试有限公司${run}`, uscc: uniqueUscc(), headcount: opts.members + 5,
          liaisonUserId: userId, status: 'enrolled', submittedAt: at, decidedAt: at, decidedBy: staffIds[0], createdAt: at, updatedAt: at
        }).returning({ id: enterprises.id }).get().id
      }
      const idNumber = uniqueResidentId('1980-01-01')
      const facts = residentIdFacts(idNumber)
      const joined = `${Y - 2}-03-01`
      const membershipId = tx.insert(memberships).values({
        userId, enterpriseId, name: `职工${i}`, idCipher: pii.encrypt(idNumber), idHash: pii.hash(idNumber), idMasked: maskResidentId(idNumber),
        gender: facts.gender, birthDate: facts.birthDate, mobile: phone, memberNo: formatMemberNo(Y - 2, counter + i + 1), status: 'active',
        joinedOn: joined, consentAt: at, appliedAt: at, appliedBy: userId, decidedAt: at, decidedBy: staffIds[0], createdAt: at, updatedAt: at
      }).returning({ id: memberships.id }).get().id
      let purchaseId = 0
      for (const year of [Y - 1, Y]) {
        const paidOn = `${year}-01-01`
        const cover = coverWindow(year, paidOn, 90, year === Y)!
        purchaseId = tx.insert(aidPurchases).values({
          membershipId, planYear: year, shares: 1, amountFen: 12000, status: 'paid', orderedBy: userId, orderedOn: paidOn,
          receiptNo: `FX${run}-${year}-${i}`, paidOn, confirmedVia: 'staff', confirmedBy: staffIds[0], confirmedAt: `${paidOn}T02:00:00.000Z`,
          firstTime: year !== Y, coverFrom: cover.coverFrom, coverTo: cover.coverTo, createdAt: `${paidOn}T01:00:00.000Z`, updatedAt: `${paidOn}T02:00:00.000Z`
        }).returning({ id: aidPurchases.id }).get().id
      }
      tx.insert(payoutAccounts).values({ userId, bankName: '中国工商银行', accountNo: pii.encrypt(`6222020000${String(i).padStart(9, '0')}`), accountLast4: String(i).padStart(4, '0').slice(-4), accountName: `职工${i}`, updatedAt: at }).run()
      members.push({ userId, membershipId, purchaseId, phone })
    }
    tx.insert(counters).values({ name: 'membership_no', value: counter + opts.members })
      .onConflictDoUpdate({ target: counters.name, set: { value: counter + opts.members } }).run()
    const admissionDate = maxDate(`${Y}-01-01`, addDays(today, -6))
    return { buildingId, enterpriseId, staffIds, adminId, members, admissionDate, dischargeDate: maxDate(admissionDate, addDays(today, -1)) }
  })
}
