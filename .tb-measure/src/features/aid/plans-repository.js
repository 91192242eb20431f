import { desc, eq, sql } from "drizzle-orm";
import { preparedQuery } from "../../db/prepared.js";
import { aidPlans, users } from "../../db/schema/index.js";
import { defaultPlan, planFromLatest } from "../../domain/aid-plan.js";
import { normaliseRequired } from "../../domain/claim-documents.js";
function rowToTerms(row) {
  return {
    year: row.year,
    shareFeeFen: row.shareFeeFen,
    maxShares: row.maxShares,
    enrolFrom: row.enrolFrom,
    enrolTo: row.enrolTo,
    waitingDays: row.waitingDays,
    tiers: JSON.parse(row.tiers),
    perAdmissionCapFen: row.perAdmissionCapFen,
    annualCapPerShareFen: row.annualCapPerShareFen,
    claimDeadlineDays: row.claimDeadlineDays,
    secondApprovalAboveFen: row.secondApprovalAboveFen,
    requiredDocuments: normaliseRequired(JSON.parse(row.requiredDocuments)),
    processingDays: row.processingDays
  };
}
const planQuery = preparedQuery((db) => db.select().from(aidPlans).where(eq(aidPlans.year, sql.placeholder("year"))).prepare());
function getPlan(db, year) {
  const row = planQuery(db).get({ year });
  return row === void 0 ? void 0 : rowToTerms(row);
}
function latestPlan(db) {
  const row = db.select().from(aidPlans).orderBy(desc(aidPlans.year)).limit(1).get();
  return row === void 0 ? void 0 : rowToTerms(row);
}
function upsertPlan(db, terms, by, at) {
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
  };
  db.insert(aidPlans).values({ year: terms.year, createdAt: at, ...values }).onConflictDoUpdate({ target: aidPlans.year, set: values }).run();
}
function ensurePlan(db, year, at, derive) {
  const existing = getPlan(db, year);
  if (existing !== void 0) return { plan: existing, created: false };
  const latest = latestPlan(db);
  const plan = derive !== void 0 ? derive() : latest === void 0 ? defaultPlan(year) : planFromLatest(latest, year);
  const inserted = db.insert(aidPlans).values({
    year,
    shareFeeFen: plan.shareFeeFen,
    maxShares: plan.maxShares,
    enrolFrom: plan.enrolFrom,
    enrolTo: plan.enrolTo,
    waitingDays: plan.waitingDays,
    tiers: JSON.stringify(plan.tiers),
    perAdmissionCapFen: plan.perAdmissionCapFen,
    annualCapPerShareFen: plan.annualCapPerShareFen,
    claimDeadlineDays: plan.claimDeadlineDays,
    secondApprovalAboveFen: plan.secondApprovalAboveFen,
    requiredDocuments: JSON.stringify(plan.requiredDocuments),
    processingDays: plan.processingDays,
    createdAt: at,
    updatedAt: at,
    updatedBy: null
  }).onConflictDoNothing().run();
  return { plan: getPlan(db, year), created: inserted.changes === 1 };
}
function listPlans(db) {
  return db.select().from(aidPlans).orderBy(desc(aidPlans.year)).all().map(rowToTerms);
}
function personName(db, userId) {
  return db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name;
}
export {
  ensurePlan,
  getPlan,
  latestPlan,
  listPlans,
  personName,
  rowToTerms,
  upsertPlan
};
//# sourceMappingURL=plans-repository.js.map
