import { sqliteTable, integer, text, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { users } from "./accounts.js";
import { buildings, enterprises } from "./buildings.js";
import { memberships } from "./memberships.js";
const aidPlans = sqliteTable("aid_plans", {
  year: integer("year").primaryKey(),
  shareFeeFen: integer("share_fee_fen").notNull(),
  maxShares: integer("max_shares").notNull(),
  enrolFrom: text("enrol_from").notNull(),
  enrolTo: text("enrol_to").notNull(),
  waitingDays: integer("waiting_days").notNull(),
  tiers: text("tiers").notNull(),
  perAdmissionCapFen: integer("per_admission_cap_fen").notNull(),
  annualCapPerShareFen: integer("annual_cap_per_share_fen").notNull(),
  claimDeadlineDays: integer("claim_deadline_days").notNull(),
  secondApprovalAboveFen: integer("second_approval_above_fen").notNull(),
  /** JSON list of the document kinds a claim needs before approval ([] : none). */
  requiredDocuments: text("required_documents").notNull().default('["invoice","itemised_bill","discharge_summary","insurance_statement"]'),
  /** Working days the federation promises to decide a claim in. */
  processingDays: integer("processing_days").notNull().default(15),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  updatedBy: integer("updated_by").references(() => users.id)
});
const aidGroupOrders = sqliteTable("aid_group_orders", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  enterpriseId: integer("enterprise_id").notNull().references(() => enterprises.id),
  planYear: integer("plan_year").notNull().references(() => aidPlans.year),
  orderedBy: integer("ordered_by").notNull().references(() => users.id),
  createdAt: text("created_at").notNull()
});
const aidFederationAccounts = sqliteTable("aid_federation_accounts", {
  buildingId: integer("building_id").primaryKey().references(() => buildings.id),
  accountName: text("account_name").notNull(),
  bankName: text("bank_name").notNull(),
  accountNo: text("account_no").notNull(),
  updatedAt: text("updated_at").notNull(),
  updatedBy: integer("updated_by").references(() => users.id)
});
const aidPurchases = sqliteTable("aid_purchases", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  membershipId: integer("membership_id").notNull().references(() => memberships.id),
  planYear: integer("plan_year").notNull().references(() => aidPlans.year),
  shares: integer("shares").notNull(),
  amountFen: integer("amount_fen").notNull(),
  status: text("status", { enum: ["pending_payment", "paid", "cancelled"] }).notNull(),
  groupOrderId: integer("group_order_id").references(() => aidGroupOrders.id),
  orderedBy: integer("ordered_by").notNull().references(() => users.id),
  orderedOn: text("ordered_on").notNull(),
  receiptNo: text("receipt_no"),
  paidOn: text("paid_on"),
  confirmedVia: text("confirmed_via", { enum: ["staff", "webhook"] }),
  confirmedBy: integer("confirmed_by").references(() => users.id),
  confirmedAt: text("confirmed_at"),
  /** Renewal = a paid share in the previous plan year; first-time joiners wait. */
  firstTime: integer("first_time", { mode: "boolean" }),
  coverFrom: text("cover_from"),
  coverTo: text("cover_to"),
  cancelledAt: text("cancelled_at"),
  cancelReason: text("cancel_reason"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull()
}, (t) => [
  uniqueIndex("purchases_one_open_per_member_plan").on(t.membershipId, t.planYear).where(sql`status in ('pending_payment', 'paid')`),
  // A receipt pays one order, or every order of one group order (one company transfer), so
  // the index holds for orders outside a group; the service checks the rest inside its
  // write transaction (SQLite serialises those).
  uniqueIndex("purchases_receipt_per_plan").on(t.planYear, t.receiptNo).where(sql`receipt_no is not null and group_order_id is null`),
  index("purchases_status_created").on(t.status, t.createdAt),
  index("purchases_plan_status").on(t.planYear, t.status),
  // Covers the fund overview's income per plan year (status, year, shares and amount only).
  index("purchases_income").on(t.status, t.planYear, t.shares, t.amountFen),
  // A member's shares (home page, cover checks, claims): without it every look-up by member
  // scanned a plan year's purchases (found by the benchmark: 200,000 shares, ~300 ms a page).
  index("purchases_membership_year").on(t.membershipId, t.planYear, t.status)
]);
const aidPaymentBatches = sqliteTable("aid_payment_batches", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  status: text("status", { enum: ["open", "exported", "paid"] }).notNull(),
  createdBy: integer("created_by").notNull().references(() => users.id),
  createdAt: text("created_at").notNull(),
  exportedAt: text("exported_at"),
  bankReference: text("bank_reference"),
  paidAt: text("paid_at"),
  paidBy: integer("paid_by").references(() => users.id),
  totalFen: integer("total_fen").notNull().default(0),
  claimCount: integer("claim_count").notNull().default(0)
});
const CLAIM_STATUS_VALUES = ["submitted", "needs_documents", "awaiting_second_approval", "approved", "rejected", "paid"];
const aidClaims = sqliteTable("aid_claims", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  membershipId: integer("membership_id").notNull().references(() => memberships.id),
  userId: integer("user_id").notNull().references(() => users.id),
  /**
   * The building of the enterprise the membership belongs to NOW (after a transfer: the new
   * one): whose staff review the claim. Set at submission and kept current by the database
   * (triggers on memberships.enterprise_id and enterprises.building_id, migration
   * 0003_claims_building), so the review queue reads one building's claims from an index
   * instead of every claim through memberships and enterprises.
   */
  buildingId: integer("building_id").notNull().references(() => buildings.id),
  purchaseId: integer("purchase_id").notNull().references(() => aidPurchases.id),
  planYear: integer("plan_year").notNull().references(() => aidPlans.year),
  admissionDate: text("admission_date").notNull(),
  dischargeDate: text("discharge_date").notNull(),
  hospital: text("hospital").notNull(),
  invoiceNo: text("invoice_no").notNull(),
  totalCostFen: integer("total_cost_fen").notNull(),
  insurancePaidFen: integer("insurance_paid_fen").notNull(),
  excludedFen: integer("excluded_fen").notNull(),
  baseFen: integer("base_fen").notNull(),
  /** The estimate at submission (JSON of the quote). */
  estimate: text("estimate").notNull(),
  status: text("status", { enum: CLAIM_STATUS_VALUES }).notNull(),
  firstApprovedBy: integer("first_approved_by").references(() => users.id),
  firstApprovedAt: text("first_approved_at"),
  approvedBy: integer("approved_by").references(() => users.id),
  approvedAt: text("approved_at"),
  /** The amount approved, computed again at the final approval; counts toward the annual cap. */
  payableFen: integer("payable_fen"),
  limitedBy: text("limited_by"),
  /** JSON of the breakdown at approval. */
  breakdown: text("breakdown"),
  rejectedBy: integer("rejected_by").references(() => users.id),
  rejectedAt: text("rejected_at"),
  reasonCode: text("reason_code"),
  reasonNote: text("reason_note"),
  resubmissionOf: integer("resubmission_of"),
  paymentBatchId: integer("payment_batch_id").references(() => aidPaymentBatches.id),
  paidAt: text("paid_at"),
  /** The member's payout account, frozen onto the claim at the final approval: the bank file
   *  pays this one even if the member changes theirs later. The number is encrypted (app.pii). */
  payoutBankName: text("payout_bank_name"),
  payoutAccountNo: text("payout_account_no"),
  payoutAccountLast4: text("payout_account_last4"),
  payoutAccountName: text("payout_account_name"),
  consentAt: text("consent_at"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull()
}, (t) => [
  uniqueIndex("claims_invoice_per_member").on(t.membershipId, t.invoiceNo).where(sql`status <> 'rejected'`),
  // The queue: one building's claims of a status, oldest first, from the index alone (the user
  // is there so the reviewer's own claims are left out without reading each claim).
  index("claims_building_status_created").on(t.buildingId, t.status, t.createdAt, t.id, t.userId),
  // The same across every building (admin).
  index("claims_status_created").on(t.status, t.createdAt, t.id, t.userId),
  index("claims_membership_year").on(t.membershipId, t.planYear),
  // The fund overview for every building, from indexes alone: claims and amounts per plan year
  // and status (the amount approved, or the estimate while open: the same expression as the
  // query), and the amounts approved and paid per month.
  index("claims_year_status_amount").on(t.planYear, t.status, sql`coalesce(${t.payableFen}, json_extract(${t.estimate}, '$.payableFen'))`),
  index("claims_status_approved_paid").on(t.status, t.approvedAt, t.payableFen, t.paidAt),
  index("claims_user").on(t.userId),
  index("claims_batch").on(t.paymentBatchId)
]);
const claimCounts = sqliteTable("claim_counts", {
  buildingId: integer("building_id").notNull().references(() => buildings.id),
  status: text("status", { enum: CLAIM_STATUS_VALUES }).notNull(),
  n: integer("n").notNull()
}, (t) => [primaryKey({ columns: [t.buildingId, t.status] })]);
const aidClaimDocuments = sqliteTable("aid_claim_documents", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  claimId: integer("claim_id").notNull().references(() => aidClaims.id),
  // 'settlement_sheet' was the first release's name of insurance_statement (renamed by 0006).
  kind: text("kind", { enum: ["invoice", "itemised_bill", "discharge_summary", "insurance_statement", "other"] }).notNull(),
  fileName: text("file_name").notNull(),
  mime: text("mime").notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  /** Path of the encrypted file under UPLOAD_DIR, outside the web root. */
  storagePath: text("storage_path").notNull(),
  uploadedBy: integer("uploaded_by").notNull().references(() => users.id),
  uploadedAt: text("uploaded_at").notNull()
}, (t) => [index("claim_documents_claim").on(t.claimId)]);
const payoutAccounts = sqliteTable("payout_accounts", {
  userId: integer("user_id").primaryKey().references(() => users.id),
  bankName: text("bank_name").notNull(),
  accountNo: text("account_no").notNull(),
  accountLast4: text("account_last4").notNull(),
  accountName: text("account_name").notNull(),
  updatedAt: text("updated_at").notNull()
});
const workCalendarDays = sqliteTable("work_calendar_days", {
  date: text("date").primaryKey(),
  kind: text("kind", { enum: ["holiday", "workday"] }).notNull(),
  note: text("note")
});
const fundClaimFigures = sqliteTable("fund_claim_figures", {
  planYear: integer("plan_year").notNull(),
  status: text("status", { enum: CLAIM_STATUS_VALUES }).notNull(),
  n: integer("n").notNull(),
  amountFen: integer("amount_fen").notNull()
}, (t) => [primaryKey({ columns: [t.planYear, t.status] })]);
const fundIncomeFigures = sqliteTable("fund_income_figures", {
  planYear: integer("plan_year").primaryKey(),
  shares: integer("shares").notNull(),
  purchases: integer("purchases").notNull(),
  incomeFen: integer("income_fen").notNull()
});
export {
  CLAIM_STATUS_VALUES,
  aidClaimDocuments,
  aidClaims,
  aidFederationAccounts,
  aidGroupOrders,
  aidPaymentBatches,
  aidPlans,
  aidPurchases,
  claimCounts,
  fundClaimFigures,
  fundIncomeFigures,
  payoutAccounts,
  workCalendarDays
};
//# sourceMappingURL=aid.js.map
