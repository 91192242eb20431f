// Test data for claims, inserted directly into the database: a building, an enrolled
// enterprise, members with an active membership (ID number encrypted and hashed) and a PAID
// share with its cover dates, staff of the building, staff of another building and an admin.
import type { FastifyInstance } from 'fastify'
import type Database from 'better-sqlite3'
import { defaultPlan, type PlanTerms } from '../../../src/domain/aid-plan.js'
import { eq } from 'drizzle-orm'
import { aidPlans, aidPurchases, memberships, payoutAccounts } from '../../../src/db/schema/index.js'
import { ensurePlan } from '../../../src/features/aid/plans-repository.js'
import type { UserRow } from '../../../src/features/accounts/accounts-repository.js'
import { createUser, insertBuilding, type TestClock } from '../../helper.js'
import { insertEnterprise, insertMembership } from '../../factories.js'

type App = FastifyInstance & { testClock: TestClock }

let seq = 0
const next = (): number => ++seq

export interface ShareOpts {
  planYear?: number
  paidOn?: string
  coverFrom?: string
  shares?: number
}

/** A member user with an active membership of the enterprise and (unless share: null) a paid share. */
export async function insertMember (app: App, enterpriseId: number, opts: { name?: string, share?: ShareOpts | null, status?: 'active' | 'applied' | 'left', payoutAccount?: boolean } = {}) {
  const user = await createUser(app, { name: opts.name ?? '会员' })
  return await attachMembership(app, user, enterpriseId, opts)
}

/** Gives an existing user (e.g. a staff member who is also a member) a membership and share. */
export async function attachMembership (app: App, user: UserRow, enterpriseId: number, opts: { name?: string, share?: ShareOpts | null, status?: 'active' | 'applied' | 'left', payoutAccount?: boolean } = {}) {
  const status = opts.status ?? 'active'
  const membershipId = insertMembership(app, enterpriseId, { userId: user.id, name: opts.name ?? user.name, mobile: user.phone, status, joinedOn: '2025-06-01' })
  let purchaseId: number | null = null
  if (opts.share !== null && status !== 'applied') purchaseId = insertPaidShare(app, membershipId, opts.share ?? {})
  if (opts.payoutAccount !== false && status !== 'applied') insertPayoutAccount(app, user.id, opts.name ?? user.name)
  return { user, membershipId, purchaseId }
}

/** A payout account on file (approval needs one), the number encrypted as the service stores it. */
export function insertPayoutAccount (app: App, userId: number, name: string, accountNo = `62220${String(100000000000 + next()).slice(-12)}`): string {
  app.db.insert(payoutAccounts).values({ userId, bankName: '中国工商银行昆明五华支行', accountNo: app.pii.encrypt(accountNo), accountLast4: accountNo.slice(-4), accountName: name, updatedAt: app.clock.iso() })
    .onConflictDoNothing().run()
  return accountNo
}

/** A PAID share: by default first-time, paid 2026-01-10, covered from 2026-04-10 (90 days). */
export function insertPaidShare (app: App, membershipId: number, o: ShareOpts = {}): number {
  const planYear = o.planYear ?? 2026
  const at = app.clock.iso()
  const plan = ensurePlan(app.db, planYear, at).plan
  const shares = o.shares ?? 1
  const paidOn = o.paidOn ?? `${planYear}-01-10`
  const orderedBy = app.db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.id, membershipId)).get()!.userId!
  return app.db.insert(aidPurchases).values({
    membershipId, planYear, shares, amountFen: plan.shareFeeFen * shares, status: 'paid', orderedBy, orderedOn: paidOn,
    receiptNo: `R${next()}`, paidOn, confirmedVia: 'staff', confirmedAt: at, firstTime: true,
    coverFrom: o.coverFrom ?? `${planYear}-04-10`, coverTo: `${planYear}-12-31`, createdAt: at, updatedAt: at
  }).returning({ id: aidPurchases.id }).get().id
}

/** Changes terms of a plan year (e.g. the second-approval threshold) for a test. */
export function setPlanTerms (app: App, year: number, patch: Partial<typeof aidPlans.$inferInsert>): void {
  ensurePlan(app.db, year, app.clock.iso())
  app.db.update(aidPlans).set(patch).where(eq(aidPlans.year, year)).run()
}

/** The usual cast: a building with an enterprise and a covered member; staff there, staff elsewhere, an admin. */
export async function claimWorld (app: App) {
  const buildingId = insertBuilding(app)
  const otherBuildingId = insertBuilding(app, '第二大厦', 20)
  const enterpriseId = await insertEnterprise(app, buildingId)
  const member = await insertMember(app, enterpriseId, { name: '李娟' })
  const staff = await createUser(app, { role: 'staff', buildingIds: [buildingId], name: '审核员甲' })
  const staff2 = await createUser(app, { role: 'staff', buildingIds: [buildingId], name: '审核员乙' })
  const otherStaff = await createUser(app, { role: 'staff', buildingIds: [otherBuildingId], name: '别楼工作人员' })
  const admin = await createUser(app, { role: 'admin', name: '市总管理员' })
  const stranger = await createUser(app, { name: '路人' })
  // Documents are their own tests (documents-required.test.ts): here a plan that requires none.
  setPlanTerms(app, 2026, { requiredDocuments: '[]' })
  return { buildingId, otherBuildingId, enterpriseId, member, staff, staff2, otherStaff, admin, stranger }
}

/** A valid claim body (fen): base 30000 yuan → 4700 yuan payable on the default plan. */
export function claimBody (o: Partial<Record<string, unknown>> = {}) {
  return {
    admissionDate: '2026-05-01',
    dischargeDate: '2026-05-10',
    hospital: '昆明医科大学第一附属医院',
    invoiceNo: `INV-${next()}`,
    totalCostFen: 5_000_000,
    insurancePaidFen: 1_500_000,
    excludedFen: 500_000,
    ...o
  }
}

export function idemKey (): string {
  return `key-${next()}-${Math.random().toString(36).slice(2)}`
}

// Tiny real files, recognised by their bytes.
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1')
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
export const TINY_JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64')

/** A plan row as the first migrations knew it (a database before 0006 has no later plan columns). */
export function insertPlanBefore0006 (sqlite: Database.Database, year: number, at: string): PlanTerms {
  const p = defaultPlan(year)
  sqlite.prepare(`insert into aid_plans (year, share_fee_fen, max_shares, enrol_from, enrol_to, waiting_days, tiers, per_admission_cap_fen,
    annual_cap_per_share_fen, claim_deadline_days, second_approval_above_fen, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(year, p.shareFeeFen, p.maxShares, p.enrolFrom, p.enrolTo, p.waitingDays, JSON.stringify(p.tiers), p.perAdmissionCapFen,
      p.annualCapPerShareFen, p.claimDeadlineDays, p.secondApprovalAboveFen, at, at)
  return p
}
