import { z } from "zod";
import { consent, mobile, optionalText, residentId, text } from "../../lib/validation.js";
const bodyId = (message) => z.preprocess(
  (v) => typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v,
  z.number({ error: message }).int(message).positive(message).max(2 ** 31, message)
);
const optionalMobile = () => z.preprocess(
  (v) => typeof v === "string" && v.trim() === "" ? void 0 : v,
  mobile().optional()
);
const applyForm = (today) => z.object({
  enterpriseId: bodyId("memberships.v.enterprise"),
  name: text(50),
  idNumber: residentId(today),
  mobile: mobile(),
  consent: consent()
});
const applyApi = (today) => z.object({
  enterpriseId: bodyId("memberships.v.enterprise"),
  name: text(50),
  idNumber: residentId(today),
  mobile: optionalMobile(),
  consent: z.literal(true, { error: "v.consent" }).optional()
});
const rejectInput = z.object({ reason: optionalText(500) });
const MAX_BULK_IDS = 500;
const idList = z.preprocess(
  (v) => v === void 0 ? [] : Array.isArray(v) ? v : [v],
  z.array(z.preprocess((v) => typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v, z.number().int().positive().max(2 ** 31)), { error: "memberships.v.ids" }).refine((a) => a.length > 0, "memberships.v.ids").refine((a) => a.length <= MAX_BULK_IDS, "memberships.v.idsMax")
);
const bulkApproveInput = z.object({ ids: idList });
const bulkRejectInput = z.object({ ids: idList, reason: optionalText(500) });
const leaveInput = z.object({ note: optionalText(500) });
const transferInput = z.object({ enterpriseId: bodyId("memberships.v.enterprise") });
const optionalId = z.preprocess((v) => v === "" || v === void 0 ? void 0 : v, z.coerce.number().int().positive().max(2 ** 31).optional());
const rosterQuery = z.object({
  q: optionalText(50),
  /** A search by resident ID number as its keyed hash (so the number is never in a URL). */
  idh: z.preprocess((v) => v === "" ? void 0 : v, z.string().regex(/^[0-9a-f]{64}$/, "v.invalidValue").optional()),
  status: z.preprocess((v) => v === "" ? void 0 : v, z.enum(["applied", "active", "rejected", "left"]).optional()),
  enterpriseId: optionalId,
  buildingId: optionalId,
  page: z.coerce.number().int().min(1).max(1e6).default(1)
});
const importTarget = z.object({
  enterpriseId: bodyId("memberships.v.enterprise"),
  // How to read a CSV without a byte order mark, when the portal asked (ENCODING_AMBIGUOUS).
  encoding: z.preprocess(
    (v) => v === "" ? void 0 : typeof v === "string" ? v.toLowerCase() : v,
    z.enum(["auto", "utf-8", "utf8", "gb18030", "gbk"], { error: "memberships.v.encoding" }).optional()
  ).transform((v) => v === "utf8" ? "utf-8" : v === "gbk" ? "gb18030" : v ?? "auto")
});
export {
  applyApi,
  applyForm,
  bodyId,
  bulkApproveInput,
  bulkRejectInput,
  importTarget,
  leaveInput,
  rejectInput,
  rosterQuery,
  transferInput
};
//# sourceMappingURL=memberships-schemas.js.map
