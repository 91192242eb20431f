import { z } from "zod";
import { calendarDate, fen, text, yuan } from "../../lib/validation.js";
import { MAX_PLAN_YEAR, MAX_SHARES_LIMIT, MAX_TIERS, MIN_PLAN_YEAR } from "../../domain/aid-plan.js";
import { DEFAULT_REQUIRED_DOCUMENTS, REQUIRABLE_KINDS } from "../../domain/claim-documents.js";
import { DEFAULT_PROCESSING_DAYS } from "../../domain/aid-plan.js";
import { parseYuanToFen } from "../../domain/money.js";
const int = (min, max, key) => z.number({ error: key }).int(key).min(min, key).max(max, key);
const formInt = (min, max, key) => z.string({ error: "v.required" }).trim().min(1, "v.required").regex(/^\d{1,9}$/, key).transform(Number).pipe(z.number().min(min, key).max(max, key));
const planYear = () => int(MIN_PLAN_YEAR, MAX_PLAN_YEAR, "aid.plan.v.year");
const yearParam = z.object({ year: z.coerce.number({ error: "aid.plan.v.year" }).int("aid.plan.v.year").min(MIN_PLAN_YEAR, "aid.plan.v.year").max(MAX_PLAN_YEAR, "aid.plan.v.year") });
const requiredKinds = () => z.array(z.string({ error: "aid.plan.v.requiredDocuments" }), { error: "aid.plan.v.requiredDocuments" }).max(REQUIRABLE_KINDS.length * 2, "aid.plan.v.requiredDocuments").refine((a) => a.every((k) => REQUIRABLE_KINDS.includes(k)), "aid.plan.v.requiredDocuments").transform((a) => a);
const planBody = z.object({
  shareFeeFen: fen(),
  maxShares: int(1, MAX_SHARES_LIMIT, "aid.plan.v.maxShares"),
  enrolFrom: calendarDate(),
  enrolTo: calendarDate(),
  waitingDays: int(0, 365, "aid.plan.v.waitingDays"),
  tiers: z.unknown(),
  perAdmissionCapFen: fen(),
  annualCapPerShareFen: fen(),
  claimDeadlineDays: int(1, 365, "aid.plan.v.claimDeadlineDays"),
  secondApprovalAboveFen: fen(),
  // Left out: the four usual kinds; [] : none required.
  requiredDocuments: requiredKinds().default([...DEFAULT_REQUIRED_DOCUMENTS]),
  processingDays: int(1, 365, "aid.plan.v.processingDays").default(DEFAULT_PROCESSING_DAYS)
});
function planFromBody(year, b) {
  return { year, ...b, tiers: b.tiers ?? [] };
}
function percentToBp(s) {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s.trim().replace(/%$/, ""));
  if (m === null) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}
const planForm = z.object({
  shareFee: yuan(),
  maxShares: formInt(1, MAX_SHARES_LIMIT, "aid.plan.v.maxShares"),
  enrolFrom: calendarDate(),
  enrolTo: calendarDate(),
  waitingDays: formInt(0, 365, "aid.plan.v.waitingDays"),
  perAdmissionCap: yuan(),
  annualCapPerShare: yuan(),
  claimDeadlineDays: formInt(1, 365, "aid.plan.v.claimDeadlineDays"),
  secondApprovalAbove: yuan(),
  requiredDocuments: z.preprocess(
    (v) => v === void 0 || v === "" ? [] : Array.isArray(v) ? v : [v],
    requiredKinds()
  ),
  processingDays: z.preprocess((v) => v === void 0 || v === "" ? String(DEFAULT_PROCESSING_DAYS) : v, formInt(1, 365, "aid.plan.v.processingDays"))
});
function tiersFromForm(body) {
  const tiers = [];
  for (let i = 0; i < MAX_TIERS; i++) {
    const from = String(body[`tierFrom${i}`] ?? "").trim();
    const rate = String(body[`tierRate${i}`] ?? "").trim();
    if (from === "" && rate === "") continue;
    const fromFen = parseYuanToFen(from);
    const rateBp = percentToBp(rate);
    if (fromFen === null || rateBp === null) return { problem: "aid.plan.v.tiers.row" };
    tiers.push({ fromFen, rateBp });
  }
  return { tiers };
}
const sharesField = z.number({ error: "aid.v.shares" }).int("aid.v.shares").min(1, "aid.v.shares").max(MAX_SHARES_LIMIT, "aid.v.shares");
const quoteBody = z.object({
  totalCostFen: fen(),
  insurancePaidFen: fen(),
  excludedFen: fen(),
  shares: sharesField.optional(),
  paidThisYearFen: fen().optional()
});
const blankToUndefined = (v) => typeof v === "string" && v.trim() === "" ? void 0 : v;
const quoteForm = z.object({
  total: yuan(),
  insurance: yuan(),
  excluded: z.preprocess(blankToUndefined, yuan().optional()),
  shares: z.preprocess(blankToUndefined, z.coerce.number({ error: "aid.v.shares" }).int("aid.v.shares").min(1, "aid.v.shares").max(MAX_SHARES_LIMIT, "aid.v.shares").optional()),
  paidThisYear: z.preprocess(blankToUndefined, yuan().optional())
});
const orderBody = z.object({ shares: sharesField, year: planYear().optional() });
const formYear = z.preprocess(blankToUndefined, z.coerce.number({ error: "aid.plan.v.year" }).int("aid.plan.v.year").min(MIN_PLAN_YEAR, "aid.plan.v.year").max(MAX_PLAN_YEAR, "aid.plan.v.year").optional());
const orderForm = z.object({
  shares: z.coerce.number({ error: "aid.v.shares" }).int("aid.v.shares").min(1, "aid.v.shares").max(MAX_SHARES_LIMIT, "aid.v.shares").default(1),
  year: formYear,
  idempotencyKey: text(200)
});
const groupOrderBody = z.object({
  enterpriseId: z.number({ error: "v.positiveInt" }).int("v.positiveInt").positive("v.positiveInt"),
  membershipIds: z.array(z.number().int().positive(), { error: "aid.v.membershipIds" }).refine((a) => a.length > 0, "aid.v.membershipIds").refine((a) => a.length <= 2e3, "aid.v.membershipIds"),
  shares: sharesField.default(1),
  year: planYear().optional()
});
const groupOrderForm = z.object({
  enterpriseId: z.coerce.number().int().positive(),
  membershipIds: z.preprocess(
    (v) => v === void 0 ? [] : Array.isArray(v) ? v : [v],
    z.array(z.coerce.number().int().positive()).refine((a) => a.length > 0, "aid.v.membershipIds").refine((a) => a.length <= 2e3, "aid.v.membershipIds")
  ),
  shares: z.coerce.number({ error: "aid.v.shares" }).int("aid.v.shares").min(1, "aid.v.shares").max(MAX_SHARES_LIMIT, "aid.v.shares").default(1),
  year: formYear,
  idempotencyKey: text(200)
});
const receiptNo = () => text(64).pipe(z.string().regex(/^[\x21-\x7e]+$/, "aid.v.receiptNo"));
const paymentBody = z.object({ receiptNo: receiptNo(), paidOn: calendarDate() });
const webhookBody = z.object({
  purchaseId: z.number({ error: "v.positiveInt" }).int("v.positiveInt").positive("v.positiveInt"),
  receiptNo: receiptNo(),
  paidOn: calendarDate(),
  /** What the provider collected: must be the order's amount (else 422 AMOUNT_MISMATCH). */
  amountFen: z.number({ error: "v.fen" }).int("v.fen").min(0, "v.fen").max(1e11, "v.fen")
});
const statuses = ["pending_payment", "paid", "cancelled"];
const ordersQuery = z.object({
  buildingId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
  status: z.preprocess(blankToUndefined, z.enum(statuses).optional()),
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(MIN_PLAN_YEAR).max(MAX_PLAN_YEAR).optional()),
  page: z.coerce.number().int().min(1).max(1e5).default(1)
});
export {
  groupOrderBody,
  groupOrderForm,
  orderBody,
  orderForm,
  ordersQuery,
  paymentBody,
  percentToBp,
  planBody,
  planForm,
  planFromBody,
  planYear,
  quoteBody,
  quoteForm,
  receiptNo,
  tiersFromForm,
  webhookBody,
  yearParam
};
//# sourceMappingURL=aid-schemas.js.map
