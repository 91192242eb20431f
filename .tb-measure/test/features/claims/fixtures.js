import { defaultPlan } from "../../../src/domain/aid-plan.js";
import { eq } from "drizzle-orm";
import { aidPlans, aidPurchases, memberships, payoutAccounts } from "../../../src/db/schema/index.js";
import { ensurePlan } from "../../../src/features/aid/plans-repository.js";
import { createUser, insertBuilding } from "../../helper.js";
import { insertEnterprise, insertMembership } from "../../factories.js";
let seq = 0;
const next = () => ++seq;
async function insertMember(app, enterpriseId, opts = {}) {
  const user = await createUser(app, { name: opts.name ?? "\u4F1A\u5458" });
  return await attachMembership(app, user, enterpriseId, opts);
}
async function attachMembership(app, user, enterpriseId, opts = {}) {
  const status = opts.status ?? "active";
  const membershipId = insertMembership(app, enterpriseId, { userId: user.id, name: opts.name ?? user.name, mobile: user.phone, status, joinedOn: "2025-06-01" });
  let purchaseId = null;
  if (opts.share !== null && status !== "applied") purchaseId = insertPaidShare(app, membershipId, opts.share ?? {});
  if (opts.payoutAccount !== false && status !== "applied") insertPayoutAccount(app, user.id, opts.name ?? user.name);
  return { user, membershipId, purchaseId };
}
function insertPayoutAccount(app, userId, name, accountNo = `62220${String(1e11 + next()).slice(-12)}`) {
  app.db.insert(payoutAccounts).values({ userId, bankName: "\u4E2D\u56FD\u5DE5\u5546\u94F6\u884C\u6606\u660E\u4E94\u534E\u652F\u884C", accountNo: app.pii.encrypt(accountNo), accountLast4: accountNo.slice(-4), accountName: name, updatedAt: app.clock.iso() }).onConflictDoNothing().run();
  return accountNo;
}
function insertPaidShare(app, membershipId, o = {}) {
  const planYear = o.planYear ?? 2026;
  const at = app.clock.iso();
  const plan = ensurePlan(app.db, planYear, at).plan;
  const shares = o.shares ?? 1;
  const paidOn = o.paidOn ?? `${planYear}-01-10`;
  const orderedBy = app.db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.id, membershipId)).get().userId;
  return app.db.insert(aidPurchases).values({
    membershipId,
    planYear,
    shares,
    amountFen: plan.shareFeeFen * shares,
    status: "paid",
    orderedBy,
    orderedOn: paidOn,
    receiptNo: `R${next()}`,
    paidOn,
    confirmedVia: "staff",
    confirmedAt: at,
    firstTime: true,
    coverFrom: o.coverFrom ?? `${planYear}-04-10`,
    coverTo: `${planYear}-12-31`,
    createdAt: at,
    updatedAt: at
  }).returning({ id: aidPurchases.id }).get().id;
}
function setPlanTerms(app, year, patch) {
  ensurePlan(app.db, year, app.clock.iso());
  app.db.update(aidPlans).set(patch).where(eq(aidPlans.year, year)).run();
}
async function claimWorld(app) {
  const buildingId = insertBuilding(app);
  const otherBuildingId = insertBuilding(app, "\u7B2C\u4E8C\u5927\u53A6", 20);
  const enterpriseId = await insertEnterprise(app, buildingId);
  const member = await insertMember(app, enterpriseId, { name: "\u674E\u5A1F" });
  const staff = await createUser(app, { role: "staff", buildingIds: [buildingId], name: "\u5BA1\u6838\u5458\u7532" });
  const staff2 = await createUser(app, { role: "staff", buildingIds: [buildingId], name: "\u5BA1\u6838\u5458\u4E59" });
  const otherStaff = await createUser(app, { role: "staff", buildingIds: [otherBuildingId], name: "\u522B\u697C\u5DE5\u4F5C\u4EBA\u5458" });
  const admin = await createUser(app, { role: "admin", name: "\u5E02\u603B\u7BA1\u7406\u5458" });
  const stranger = await createUser(app, { name: "\u8DEF\u4EBA" });
  setPlanTerms(app, 2026, { requiredDocuments: "[]" });
  return { buildingId, otherBuildingId, enterpriseId, member, staff, staff2, otherStaff, admin, stranger };
}
function claimBody(o = {}) {
  return {
    admissionDate: "2026-05-01",
    dischargeDate: "2026-05-10",
    hospital: "\u6606\u660E\u533B\u79D1\u5927\u5B66\u7B2C\u4E00\u9644\u5C5E\u533B\u9662",
    invoiceNo: `INV-${next()}`,
    totalCostFen: 5e6,
    insurancePaidFen: 15e5,
    excludedFen: 5e5,
    ...o
  };
}
function idemKey() {
  return `key-${next()}-${Math.random().toString(36).slice(2)}`;
}
const TINY_PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "latin1");
const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const TINY_JPEG = Buffer.from("/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=", "base64");
function insertPlanBefore0006(sqlite, year, at) {
  const p = defaultPlan(year);
  sqlite.prepare(`insert into aid_plans (year, share_fee_fen, max_shares, enrol_from, enrol_to, waiting_days, tiers, per_admission_cap_fen,
    annual_cap_per_share_fen, claim_deadline_days, second_approval_above_fen, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    year,
    p.shareFeeFen,
    p.maxShares,
    p.enrolFrom,
    p.enrolTo,
    p.waitingDays,
    JSON.stringify(p.tiers),
    p.perAdmissionCapFen,
    p.annualCapPerShareFen,
    p.claimDeadlineDays,
    p.secondApprovalAboveFen,
    at,
    at
  );
  return p;
}
export {
  TINY_JPEG,
  TINY_PDF,
  TINY_PNG,
  attachMembership,
  claimBody,
  claimWorld,
  idemKey,
  insertMember,
  insertPaidShare,
  insertPayoutAccount,
  insertPlanBefore0006,
  setPlanTerms
};
//# sourceMappingURL=fixtures.js.map
