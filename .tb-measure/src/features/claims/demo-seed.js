import { addDays, daysBetween, minDate } from "../../domain/dates.js";
import { computeReimbursement, quoteShape } from "../../domain/reimbursement.js";
import { claimDeadline } from "../../domain/cover.js";
import { needsSecondApproval } from "../../domain/claim-lifecycle.js";
import { getPlan } from "../aid/plans-repository.js";
import { hashPassword } from "../../lib/password.js";
import { DEMO_PASSWORD } from "../../cli/seed-demo.js";
import { prng } from "../../lib/prng.js";
const HOSPITALS = ["\u6606\u660E\u533B\u79D1\u5927\u5B66\u7B2C\u4E00\u9644\u5C5E\u533B\u9662", "\u4E91\u5357\u7701\u7B2C\u4E00\u4EBA\u6C11\u533B\u9662", "\u6606\u660E\u5E02\u7B2C\u4E00\u4EBA\u6C11\u533B\u9662", "\u4E91\u5357\u7701\u4E2D\u533B\u533B\u9662", "\u6606\u660E\u5E02\u5EF6\u5B89\u533B\u9662"];
const CYCLE = ["paid", "paid", "approved", "submitted", "rejected", "paid", "submitted", "approved", "paid", "awaiting_second_approval"];
const REASONS = ["DOCUMENTS_MISSING", "OTHER", "DUPLICATE"];
const FUND_BUDGET = 0.7;
async function seedClaims(ctx) {
  const { db, clock } = ctx;
  const sqlite = db.$client;
  const today = clock.today();
  const rnd = prng(20260616);
  const iso = (date, hour = 2) => `${date}T${String(hour).padStart(2, "0")}:00:00.000Z`;
  const shares = sqlite.prepare(`
    select p.id as purchaseId, p.membership_id as membershipId, m.user_id as userId, m.name, p.plan_year as planYear, p.shares,
           p.paid_on as paidOn, p.cover_from as coverFrom, e.building_id as buildingId
    from aid_purchases p join memberships m on m.id = p.membership_id join enterprises e on e.id = m.enterprise_id
    where p.status = 'paid' and p.cover_from is not null and p.paid_on is not null
    order by p.id`).all();
  if (shares.length === 0) {
    ctx.log("claims: no paid shares, no demo claims");
    return;
  }
  const staffByBuilding = /* @__PURE__ */ new Map();
  for (const r of sqlite.prepare("select building_id as b, user_id as u from staff_scopes order by user_id").all()) {
    staffByBuilding.set(r.b, [...staffByBuilding.get(r.b) ?? [], r.u]);
  }
  const adminId = sqlite.prepare("select min(user_id) as u from role_grants where role = 'admin'").get().u;
  const plans = /* @__PURE__ */ new Map();
  const planOf = (y) => {
    if (!plans.has(y)) {
      const p = getPlan(db, y);
      if (p !== void 0) plans.set(y, p);
    }
    return plans.get(y);
  };
  const demoUser = typeof ctx.facts.memberUserId === "number" ? ctx.facts.memberUserId : null;
  const chosen = [
    ...shares.filter((s) => demoUser !== null && s.userId === demoUser),
    ...shares.filter((s, i) => (demoUser === null || s.userId !== demoUser) && i % 8 === 0)
  ].slice(0, 150);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const insertUser = sqlite.prepare("insert into users (phone, name, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?)");
  const linkUser = sqlite.prepare("update memberships set user_id = ? where id = ? and user_id is null");
  const phoneTaken = sqlite.prepare("select 1 from users where phone = ?").pluck();
  const accountFor = /* @__PURE__ */ new Map();
  let phoneSeq = 0;
  const insertClaim = sqlite.prepare(`
    insert into aid_claims (membership_id, user_id, building_id, purchase_id, plan_year, admission_date, discharge_date, hospital, invoice_no,
      total_cost_fen, insurance_paid_fen, excluded_fen, base_fen, estimate, status, first_approved_by, first_approved_at,
      approved_by, approved_at, payable_fen, limited_by, breakdown, rejected_by, rejected_at, reason_code, reason_note,
      resubmission_of, payment_batch_id, paid_at, consent_at, created_at, updated_at)
    values (@membershipId, @userId, @buildingId, @purchaseId, @planYear, @admissionDate, @dischargeDate, @hospital, @invoiceNo,
      @totalCostFen, @insurancePaidFen, @excludedFen, @baseFen, @estimate, @status, @firstApprovedBy, @firstApprovedAt,
      @approvedBy, @approvedAt, @payableFen, @limitedBy, @breakdown, @rejectedBy, @rejectedAt, @reasonCode, @reasonNote,
      null, null, @paidAt, @createdAt, @createdAt, @updatedAt)`);
  const audit = sqlite.prepare("insert into audit_log (at, actor_user_id, action, entity_type, entity_id, before, after, note) values (?, ?, ?, ?, ?, ?, ?, ?)");
  const insertBatch = sqlite.prepare(`insert into aid_payment_batches (status, created_by, created_at, exported_at, bank_reference, paid_at, paid_by, total_fen, claim_count)
    values ('paid', ?, ?, ?, ?, ?, ?, ?, ?)`);
  const setBatch = sqlite.prepare("update aid_claims set payment_batch_id = ?, paid_at = ?, updated_at = ? where id = ?");
  const budgetLeft = /* @__PURE__ */ new Map();
  const income = sqlite.prepare("select plan_year as y, sum(amount_fen) as fen from aid_purchases where status = 'paid' group by plan_year");
  for (const r of income.all()) {
    budgetLeft.set(r.y, Math.floor(r.fen * FUND_BUDGET));
  }
  const counts = { submitted: 0, needs_documents: 0, awaiting_second_approval: 0, approved: 0, rejected: 0, paid: 0 };
  const paidClaims = [];
  let n = 0;
  db.transaction(() => {
    const running = /* @__PURE__ */ new Map();
    for (const s of chosen) {
      if (s.userId === null) {
        let uid = accountFor.get(s.membershipId);
        if (uid === void 0) {
          let phone2;
          do {
            phone2 = `137${String(1e7 + ++phoneSeq).slice(-8)}`;
          } while (phoneTaken.get(phone2) !== void 0);
          uid = Number(insertUser.run(phone2, s.name, passwordHash, iso(today), iso(today)).lastInsertRowid);
          linkUser.run(uid, s.membershipId);
          accountFor.set(s.membershipId, uid);
        }
        s.userId = uid;
      }
      const userId = s.userId;
      const plan = planOf(s.planYear);
      if (plan === void 0) continue;
      const staff = (staffByBuilding.get(s.buildingId) ?? []).filter((u) => u !== userId);
      const approver = staff[0] ?? adminId;
      const second = adminId !== null && adminId !== approver && adminId !== userId ? adminId : staff[1] ?? null;
      if (approver === null || approver === userId) continue;
      const claimsHere = userId === demoUser ? 3 : 1 + Math.floor(rnd() * 2);
      for (let k = 0; k < claimsHere; k++) {
        const lastDischarge = minDate(addDays(today, -3), `${s.planYear}-12-31`);
        const span = daysBetween(s.coverFrom, lastDischarge) - 10;
        if (span < 1) continue;
        const admissionDate = addDays(s.coverFrom, Math.floor(rnd() * span));
        const dischargeDate = addDays(admissionDate, 1 + Math.floor(rnd() * 9));
        const deadline = claimDeadline(s.planYear, dischargeDate, plan.claimDeadlineDays);
        const submittedOn = minDate(minDate(addDays(dischargeDate, 2 + Math.floor(rnd() * 10)), deadline), today);
        let status = userId === demoUser ? ["paid", "submitted", "rejected"][k] : CYCLE[n % CYCLE.length];
        n++;
        const baseFen = 5e4 + Math.floor(rnd() ** 2 * 145e4);
        const excludedFen = Math.floor(rnd() * 3e5);
        const insurancePaidFen = baseFen + Math.floor(rnd() * 3e6);
        const totalCostFen = baseFen + excludedFen + insurancePaidFen;
        const key = `${s.membershipId}:${s.planYear}`;
        const before = running.get(key) ?? 0;
        const r = computeReimbursement({ totalCostFen, insurancePaidFen, excludedFen, shares: s.shares, paidThisYearFen: before }, plan);
        const estimate = JSON.stringify(quoteShape(r));
        const twoPeople = needsSecondApproval(r.payableFen, plan);
        if ((status === "approved" || status === "paid") && twoPeople && second === null) status = "awaiting_second_approval";
        const left = budgetLeft.get(s.planYear) ?? 0;
        if (status !== "submitted" && status !== "rejected") {
          if (r.payableFen > left) status = "submitted";
          else budgetLeft.set(s.planYear, left - r.payableFen);
        }
        const decidedOn = minDate(addDays(submittedOn, 1 + Math.floor(rnd() * 5)), today);
        const counted = status === "approved" || status === "paid";
        const twoStep = twoPeople && (counted || status === "awaiting_second_approval");
        const breakdown = counted || status === "awaiting_second_approval" ? JSON.stringify({ ...quoteShape(r), planYear: s.planYear, shares: s.shares, paidThisYearFen: before, perAdmissionCapFen: plan.perAdmissionCapFen, annualCapFen: plan.annualCapPerShareFen * s.shares }) : null;
        const paidAt = status === "paid" ? iso(minDate(addDays(decidedOn, 3), today), 6) : null;
        const reasonCode = status === "rejected" ? REASONS[n % REASONS.length] : null;
        const row = {
          membershipId: s.membershipId,
          userId,
          buildingId: s.buildingId,
          purchaseId: s.purchaseId,
          planYear: s.planYear,
          admissionDate,
          dischargeDate,
          hospital: HOSPITALS[n % HOSPITALS.length],
          invoiceNo: `5301${s.planYear}${String(1e5 + n).slice(1)}`,
          totalCostFen,
          insurancePaidFen,
          excludedFen,
          baseFen: r.baseFen,
          estimate,
          status,
          firstApprovedBy: twoStep ? approver : null,
          firstApprovedAt: twoStep ? iso(decidedOn, 3) : null,
          approvedBy: counted ? twoStep ? second : approver : null,
          approvedAt: counted ? iso(decidedOn, 5) : null,
          payableFen: breakdown === null ? null : r.payableFen,
          limitedBy: breakdown === null ? null : r.limitedBy,
          breakdown,
          rejectedBy: status === "rejected" ? approver : null,
          rejectedAt: status === "rejected" ? iso(decidedOn, 4) : null,
          reasonCode,
          reasonNote: reasonCode === "OTHER" ? "\u53D1\u7968\u4E0E\u533B\u4FDD\u7ED3\u7B97\u5355\u91D1\u989D\u4E0D\u7B26\uFF0C\u8BF7\u6838\u5BF9\u540E\u91CD\u65B0\u63D0\u4EA4" : null,
          paidAt,
          createdAt: iso(submittedOn),
          updatedAt: paidAt ?? iso(decidedOn, 5)
        };
        const id = Number(insertClaim.run(row).lastInsertRowid);
        if (counted) running.set(key, before + r.payableFen);
        counts[status]++;
        audit.run(row.createdAt, userId, "claim.submit", "aid_claim", String(id), null, JSON.stringify({ status: "submitted", invoiceNo: row.invoiceNo, totalCostFen, estimateFen: r.payableFen }), "demo seed");
        if (twoStep) audit.run(row.firstApprovedAt, approver, "claim.approve.first", "aid_claim", String(id), '{"status":"submitted"}', JSON.stringify({ status: "awaiting_second_approval", payableFen: r.payableFen }), null);
        if (counted) audit.run(row.approvedAt, row.approvedBy, "claim.approve", "aid_claim", String(id), JSON.stringify({ status: twoStep ? "awaiting_second_approval" : "submitted" }), JSON.stringify({ status: "approved", payableFen: r.payableFen }), null);
        if (status === "rejected") audit.run(row.rejectedAt, approver, "claim.reject", "aid_claim", String(id), '{"status":"submitted"}', JSON.stringify({ status: "rejected", reasonCode }), row.reasonNote);
        if (status === "paid") paidClaims.push({ id, payableFen: r.payableFen, paidAt });
      }
    }
    if (paidClaims.length > 0 && adminId !== null) {
      const paidAt = paidClaims.map((c) => c.paidAt).sort().pop();
      const total = paidClaims.reduce((a, c) => a + c.payableFen, 0);
      const batchId = Number(insertBatch.run(adminId, paidAt, paidAt, `ICBC-${paidAt.slice(0, 10).replace(/-/g, "")}-0001`, paidAt, adminId, total, paidClaims.length).lastInsertRowid);
      for (const c of paidClaims) {
        setBatch.run(batchId, paidAt, paidAt, c.id);
        audit.run(paidAt, adminId, "claim.pay", "aid_claim", String(c.id), '{"status":"approved"}', JSON.stringify({ status: "paid", paymentBatchId: batchId }), null);
      }
      audit.run(paidAt, adminId, "batch.paid", "aid_payment_batch", String(batchId), null, JSON.stringify({ status: "paid", totalFen: total, claimIds: paidClaims.map((c) => c.id) }), "demo seed");
    }
  });
  ctx.facts.claimCounts = counts;
  const demoClaimant = demoUser ?? [...accountFor.values()][0];
  const phone = demoClaimant === void 0 ? void 0 : sqlite.prepare("select phone from users where id = ?").pluck().get(demoClaimant);
  if (phone !== void 0) ctx.accounts.push({ role: "member", phone, password: DEMO_PASSWORD, note: "\u533B\u7597\u4E92\u52A9\u62A5\u9500\uFF1A\u67E5\u770B\u62A5\u9500\u7533\u8BF7\u548C\u7ED3\u7B97\u5355\uFF08/aid/claims\uFF09\uFF1B\u5DE5\u4F5C\u4EBA\u5458\u5728 /aid/review \u5BA1\u6838" });
  ctx.log(`claims: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")}; ${paidClaims.length > 0 ? 1 : 0} paid batch`);
}
export {
  FUND_BUDGET,
  seedClaims
};
//# sourceMappingURL=demo-seed.js.map
