// Aid plans: one row per plan year. Shared by shares/payments (aid) and claims.
import { desc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { preparedQuery } from '../../db/prepared.js'
import { aidPlans, users } from '../../db/schema/index.js'
import { defaultPlan, planFromLatest, type PlanTerms } from '../../domain/aid-plan.js'
import type { Tier } from '../../domain/reimbursement.js'
import { normaliseRequired } from '../../domain/claim-documents.js'

type PlanRow = typeof aidPlans.$inferSelect

export function rowToTerms (row: PlanRow): PlanTerms {
  return {
    year: row.year,
    shareFeeFen: row.shareFeeFen,
    maxShares: row.maxShares,
    enrolFrom: row.enrolFrom,
    enrolTo: row.enrolTo,
    waitingDays: row.waitingDays,
    tiers: JSON.parse(row.tiers) as Tier[],
    perAdmissionCapFen: row.perAdmissionCapFen,
    annualCapPerShareFen: row.annualCapPerShareFen,
    claimDeadlineDays: row.claimDeadlineDays,
    secondApprovalAboveFen: row.secondApprovalAboveFen,
    requiredDocuments: normaliseRequired(JSON.parse(row.requiredDocuments) as string[]),
    processingDays: row.processingDays
  }
}

const planQuery = preparedQuery((db) => db.select().from(aidPlans).where(eq(aidPlans.year, sql.placeholder('year'))).prepare())

/** The plan of a year (read by every member's home page and claim: prepared once). */
export function getPlan (db: DbOrTx, year: number): PlanTerms | undefined {
  const row = planQuery(db).get({ year })
  return row === undefined ? undefined : rowToTerms(row)
}

export function latestPlan (db: DbOrTx): PlanTerms | undefined {
  const row = db.select().from(aidPlans).orderBy(desc(aidPlans.year)).limit(1).get()
  return row === undefined ? undefined : rowToTerms(row)
}

/** Inserts or replaces the terms of a plan year. */
export function upsertPlan (db: DbOrTx, terms: PlanTerms, by: number | null, at: string): void {
  const values = {
    shareFeeFen: terms.shareFeeFen,
    maxShares: terms.maxShares,
    enrolFrom: terms.enrolFrom,
    enrolTo: terms.enrolTo,
    waitingDays: terms.waitingDays,
    tiers: JSON.stringify(terms.tiers),
    perAdmissionCapFen: terms.perAdmissionCapFen,
    annualCapPerShareFen: terms.annualCapPerShareFen,
    claimDeadlineDays: terms.claimDeadlineDays,
    secondApprovalAboveFen: terms.secondApprovalAboveFen,
    requiredDocuments: JSON.stringify(normaliseRequired(terms.requiredDocuments)),
    processingDays: terms.processingDays,
    updatedAt: at,
    updatedBy: by
  }
  db.insert(aidPlans).values({ year: terms.year, createdAt: at, ...values })
    .onConflictDoUpdate({ target: aidPlans.year, set: values }).run()
}

/**
 * The plan of `year`; when none exists it is created from the latest plan's terms (the
 * defaults on a fresh database). Returns whether it was created, so the caller can audit it.
 */
export function ensurePlan (db: DbOrTx, year: number, at: string, derive?: () => PlanTerms): { plan: PlanTerms, created: boolean } {
  const existing = getPlan(db, year)
  if (existing !== undefined) return { plan: existing, created: false }
  const latest = latestPlan(db)
  const plan = derive !== undefined ? derive() : latest === undefined ? defaultPlan(year) : planFromLatest(latest, year)
  // Another request (or the command line) may have created it meanwhile: only the insert that
  // happened reports `created`, so the creation is audited exactly once.
  const inserted = db.insert(aidPlans).values({
    year, shareFeeFen: plan.shareFeeFen, maxShares: plan.maxShares, enrolFrom: plan.enrolFrom, enrolTo: plan.enrolTo,
    waitingDays: plan.waitingDays, tiers: JSON.stringify(plan.tiers), perAdmissionCapFen: plan.perAdmissionCapFen,
    annualCapPerShareFen: plan.annualCapPerShareFen, claimDeadlineDays: plan.claimDeadlineDays,
    secondApprovalAboveFen: plan.secondApprovalAboveFen, requiredDocuments: JSON.stringify(plan.requiredDocuments),
    processingDays: plan.processingDays, createdAt: at, updatedAt: at, updatedBy: null
  }).onConflictDoNothing().run()
  return { plan: getPlan(db, year)!, created: inserted.changes === 1 }
}

/** Every plan, newest year first (the admin's list). */
export function listPlans (db: DbOrTx): PlanTerms[] {
  return db.select().from(aidPlans).orderBy(desc(aidPlans.year)).all().map(rowToTerms)
}

/** The name of whoever changed a plan (for its history). */
export function personName (db: DbOrTx, userId: number): string | undefined {
  return db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name
}
