import { t } from "../../i18n/index.js";
import { formatFen } from "../../domain/money.js";
import { auditHistory } from "../audit/audit-repository.js";
import { bpToPercent } from "./percent.js";
import { personName } from "./plans-repository.js";
const FIELDS = [
  "shareFeeFen",
  "maxShares",
  "enrolFrom",
  "enrolTo",
  "waitingDays",
  "tiers",
  "perAdmissionCapFen",
  "annualCapPerShareFen",
  "claimDeadlineDays",
  "secondApprovalAboveFen",
  "requiredDocuments",
  "processingDays"
];
function termInWords(lang, field, value) {
  if (value === void 0 || value === null) return t(lang, "common.none");
  switch (field) {
    case "shareFeeFen":
    case "perAdmissionCapFen":
    case "annualCapPerShareFen":
    case "secondApprovalAboveFen":
      return typeof value === "number" ? formatFen(value) : String(value);
    case "waitingDays":
    case "claimDeadlineDays":
      return t(lang, "aid.plan.days", { n: value });
    case "processingDays":
      return t(lang, "aid.planHistory.workingDays", { n: value });
    case "tiers":
      return Array.isArray(value) ? value.map((x) => t(lang, "aid.planHistory.tier", { from: formatFen(x.fromFen), rate: bpToPercent(x.rateBp) })).join(t(lang, "aid.planHistory.listSep")) : String(value);
    case "requiredDocuments":
      return Array.isArray(value) && value.length > 0 ? value.map((k) => t(lang, `claims.kind.${String(k)}`)).join(t(lang, "aid.planHistory.listSep")) : t(lang, "aid.planHistory.noDocuments");
    default:
      return String(value);
  }
}
function parse(s) {
  if (s === null) return void 0;
  try {
    return JSON.parse(s);
  } catch {
    return void 0;
  }
}
function planHistory(db, year, lang) {
  return auditHistory(db, "aid_plan", year).reverse().map((h) => {
    const who = h.actorUserId === null ? void 0 : personName(db, h.actorUserId);
    const created = h.action === "aid_plan.create";
    const text = who === void 0 ? t(lang, created ? "aid.planHistory.createdAuto" : "aid.planHistory.changedAuto") : t(lang, created ? "aid.planHistory.created" : "aid.planHistory.changed", { who });
    const before = parse(h.before);
    const after = parse(h.after);
    const changes = created || before === void 0 || after === void 0 ? [] : FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((f) => ({
      label: t(lang, `aid.planHistory.field.${f}`),
      from: termInWords(lang, f, before[f]),
      to: termInWords(lang, f, after[f])
    }));
    return { at: h.at, text, changes };
  });
}
export {
  planHistory,
  termInWords
};
//# sourceMappingURL=plan-history.js.map
