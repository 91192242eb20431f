import { z } from "zod";
import { calendarDate, fen } from "../../lib/validation.js";
import { CLAIM_STATUS_VALUES } from "../../db/schema/index.js";
import { DOCUMENT_KINDS } from "../../domain/claim-documents.js";
const id = () => z.int().min(1);
const quoteAnswer = z.object({
  // The contract's worked example: base 3000 yuan → 250.00.
  baseFen: fen().meta({ example: 3e5 }),
  grossFen: fen().meta({ example: 25e3 }),
  payableFen: fen().meta({ example: 25e3 }),
  limitedBy: z.enum(["none", "admission_cap", "annual_cap"]),
  annualRemainingFen: fen().meta({ example: 2e6 }),
  lines: z.array(z.object({ fromFen: fen(), toFen: fen().nullable(), portionFen: fen(), rateBp: z.int().min(0), amountFen: fen() }))
});
const submitAnswer = z.object({ id: id(), status: z.literal("submitted"), estimate: quoteAnswer });
const claimFacts = {
  admissionDate: calendarDate(),
  dischargeDate: calendarDate(),
  hospital: z.string(),
  invoiceNo: z.string(),
  totalCostFen: fen(),
  insurancePaidFen: fen(),
  excludedFen: fen(),
  baseFen: fen()
};
const claimListItem = z.object({
  id: id(),
  status: z.enum(CLAIM_STATUS_VALUES),
  createdAt: z.string(),
  planYear: z.int(),
  ...claimFacts,
  estimateFen: fen(),
  payableFen: fen().nullable(),
  reasonCode: z.string().nullable(),
  paymentBatchId: id().nullable(),
  resubmissionOf: id().nullable(),
  memberName: z.string(),
  memberNo: z.string().nullable(),
  buildingId: id(),
  buildingName: z.string()
});
const claimListAnswer = z.object({
  items: z.array(claimListItem),
  page: z.int().min(1),
  pages: z.int().min(1),
  total: z.int().min(0),
  counts: z.record(z.enum(CLAIM_STATUS_VALUES), z.int().min(0))
});
const documentAnswer = z.object({
  id: id(),
  claimId: id(),
  kind: z.enum(DOCUMENT_KINDS),
  fileName: z.string(),
  mime: z.string(),
  size: z.int().min(1),
  uploadedAt: z.string()
});
const limitedBy = z.enum(["none", "admission_cap", "annual_cap"]);
const claimAnswer = z.object({
  id: id(),
  status: z.enum(CLAIM_STATUS_VALUES),
  planYear: z.int(),
  membershipId: id(),
  memberName: z.string(),
  memberNo: z.string().nullable(),
  enterpriseName: z.string(),
  buildingId: id(),
  buildingName: z.string(),
  federationName: z.string().nullable(),
  ...claimFacts,
  estimate: quoteAnswer,
  payableFen: fen().nullable(),
  limitedBy: limitedBy.nullable(),
  /** The quote an approval computed, with the figures it was computed from. */
  breakdown: quoteAnswer.extend({
    planYear: z.int(),
    shares: z.int().min(1),
    paidThisYearFen: fen(),
    perAdmissionCapFen: fen(),
    annualCapFen: fen()
  }).nullable(),
  reasonCode: z.string().nullable(),
  reasonNote: z.string().nullable(),
  resubmissionOf: id().nullable(),
  firstApprovedBy: id().nullable(),
  firstApprovedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  paymentBatchId: id().nullable(),
  bankReference: z.string().nullable(),
  paidAt: z.string().nullable(),
  createdAt: z.string(),
  deadline: calendarDate(),
  requiredDocuments: z.array(z.enum(DOCUMENT_KINDS)),
  documentsMissing: z.array(z.enum(DOCUMENT_KINDS)),
  expectedDecisionBy: calendarDate(),
  late: z.boolean(),
  payoutAccount: z.object({ bankName: z.string().nullable(), accountNo: z.string(), accountName: z.string().nullable() }).nullable(),
  documents: z.array(documentAnswer.omit({ claimId: true })),
  history: z.array(z.object({
    at: z.string(),
    action: z.string(),
    actorUserId: id().nullable(),
    actorName: z.string().nullable(),
    status: z.string().nullable(),
    note: z.string().nullable()
  }))
});
export {
  claimAnswer,
  claimListAnswer,
  claimListItem,
  documentAnswer,
  quoteAnswer,
  submitAnswer
};
//# sourceMappingURL=claims-answers.js.map
