import { z } from "zod";
import { calendarDate, consent, fen, optionalText, text, yuan } from "../../lib/validation.js";
import { CLAIM_CHECK_CODES } from "../../domain/claim-checks.js";
import { DOCUMENT_KINDS } from "./documents.js";
import { CLAIM_STATUSES } from "./claims-repository.js";
const optionalId = z.preprocess((v) => v === "" || v === null ? void 0 : v, z.coerce.number({ error: "v.positiveInt" }).int("v.positiveInt").positive("v.positiveInt").optional());
const notAfter = (today) => calendarDate().refine((d) => d <= today(), "v.dateFuture");
const datePair = (today) => z.object({ admissionDate: notAfter(today), dischargeDate: notAfter(today) });
const inOrder = (v) => v.dischargeDate >= v.admissionDate;
const inOrderParams = (today) => {
  const pair = datePair(today);
  return {
    message: "claims.v.dischargeBeforeAdmission",
    path: ["dischargeDate"],
    when: (payload) => pair.safeParse(payload.value).success
  };
};
const common = (today) => ({
  admissionDate: notAfter(today),
  dischargeDate: notAfter(today),
  hospital: text(100),
  invoiceNo: z.string({ error: "v.required" }).trim().min(1, "v.required").max(60, "v.tooLong").regex(/^[\p{L}\p{N}\-_/.#]+$/u, "claims.v.invoiceNo"),
  resubmissionOf: optionalId
});
const claimInput = (today) => z.object({
  ...common(today),
  totalCostFen: fen(),
  insurancePaidFen: fen(),
  excludedFen: fen()
}).refine(inOrder, inOrderParams(today));
const claimForm = (today) => z.object({
  ...common(today),
  totalCost: yuan(),
  insurancePaid: yuan(),
  excluded: yuan(),
  consent: consent(),
  idempotencyKey: z.string({ error: "error.idempotencyKeyRequired" }).min(8, "error.idempotencyKeyRequired").max(100)
}).refine(inOrder, inOrderParams(today)).transform((v) => ({
  input: {
    admissionDate: v.admissionDate,
    dischargeDate: v.dischargeDate,
    hospital: v.hospital,
    invoiceNo: v.invoiceNo,
    totalCostFen: v.totalCost,
    insurancePaidFen: v.insurancePaid,
    excludedFen: v.excluded,
    resubmissionOf: v.resubmissionOf
  },
  idempotencyKey: v.idempotencyKey
}));
const REJECT_CODES = ["DOCUMENTS_MISSING", "OTHER", ...CLAIM_CHECK_CODES];
const rejectInput = z.object({
  reasonCode: z.enum(REJECT_CODES, { error: "claims.v.reasonCode" }),
  note: optionalText(500)
}).superRefine((v, ctx) => {
  if (v.reasonCode === "OTHER" && v.note === void 0) ctx.addIssue({ code: "custom", path: ["note"], message: "claims.v.noteRequired" });
});
const documentKindInput = z.object({ kind: z.enum(DOCUMENT_KINDS, { error: "claims.v.kind" }) });
const emptyToUndefined = (v) => v === "" ? void 0 : v;
const queueQuery = z.object({
  building: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
  status: z.preprocess(emptyToUndefined, z.enum(["open", "all", ...CLAIM_STATUSES]).default("open")),
  from: z.preprocess(emptyToUndefined, calendarDate().optional()),
  to: z.preprocess(emptyToUndefined, calendarDate().optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1e5).default(1))
});
const listQuery = z.object({
  mine: z.preprocess(emptyToUndefined, z.enum(["1", "true", "0", "false"]).optional()),
  status: z.preprocess(emptyToUndefined, z.enum(CLAIM_STATUSES).optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1e5).default(1))
});
const batchInput = z.object({
  claimIds: z.preprocess(
    (v) => v === void 0 || v === "" ? void 0 : Array.isArray(v) ? v : [v],
    z.array(z.coerce.number().int().positive(), { error: "v.invalidType" }).min(1).max(1e3).optional()
  )
});
const batchPaidInput = z.object({
  bankReference: z.string({ error: "v.required" }).trim().min(1, "v.required").max(80, "v.tooLong")
});
const returnInput = z.object({ note: text(500) });
const failedItemInput = z.object({ reason: text(200) });
const payoutAccountInput = z.object({
  bankName: text(60),
  accountNo: z.string({ error: "v.required" }).transform((s) => s.replace(/[\s-]/g, "")).pipe(z.string().regex(/^\d{12,19}$/, "payout.v.accountNo")),
  accountName: text(50)
});
const docParams = z.object({ id: z.coerce.number().int().positive(), docId: z.coerce.number().int().positive() });
export {
  REJECT_CODES,
  batchInput,
  batchPaidInput,
  claimForm,
  claimInput,
  docParams,
  documentKindInput,
  failedItemInput,
  listQuery,
  payoutAccountInput,
  queueQuery,
  rejectInput,
  returnInput
};
//# sourceMappingURL=claims-schemas.js.map
