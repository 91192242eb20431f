import { addDays, isRealDate, yearOf } from "./dates.js";
import { tiersProblem } from "./reimbursement.js";
import { DEFAULT_REQUIRED_DOCUMENTS, REQUIRABLE_KINDS } from "./claim-documents.js";
const DEFAULT_PROCESSING_DAYS = 15;
const DEFAULT_TIERS = [
  { fromFen: 0, rateBp: 0 },
  { fromFen: 5e4, rateBp: 1e3 },
  { fromFen: 5e5, rateBp: 1500 },
  { fromFen: 2e6, rateBp: 2e3 }
];
const MAX_SHARES_LIMIT = 3;
function defaultPlan(year) {
  return {
    year,
    shareFeeFen: 12e3,
    maxShares: 1,
    enrolFrom: `${year}-01-01`,
    enrolTo: `${year}-12-31`,
    waitingDays: 90,
    tiers: DEFAULT_TIERS.map((t) => ({ ...t })),
    perAdmissionCapFen: 1e6,
    annualCapPerShareFen: 2e6,
    claimDeadlineDays: 90,
    secondApprovalAboveFen: 5e5,
    requiredDocuments: [...DEFAULT_REQUIRED_DOCUMENTS],
    processingDays: DEFAULT_PROCESSING_DAYS
  };
}
function planFromLatest(latest, year) {
  const shift = year - latest.year;
  const move = (d) => {
    const moved = `${yearOf(d) + shift}${d.slice(4)}`;
    return isRealDate(moved) ? moved : addDays(`${yearOf(d) + shift}-03-01`, -1);
  };
  return { ...latest, year, tiers: latest.tiers.map((t) => ({ ...t })), requiredDocuments: [...latest.requiredDocuments], enrolFrom: move(latest.enrolFrom), enrolTo: move(latest.enrolTo) };
}
const NEXT_YEAR_ENROL_OPENS = "11-01";
function nextYearPlan(current, year) {
  const p = planFromLatest(current, year);
  const opens = `${year - 1}-${NEXT_YEAR_ENROL_OPENS}`;
  return { ...p, enrolFrom: p.enrolFrom < opens ? p.enrolFrom : opens };
}
function enrolmentOpen(plan, today) {
  return today >= plan.enrolFrom && today <= plan.enrolTo;
}
const MIN_PLAN_YEAR = 2e3;
const MAX_PLAN_YEAR = 2100;
function planProblems(p) {
  const f = {};
  const intIn = (v, min, max) => Number.isSafeInteger(v) && v >= min && v <= max;
  const MAX = 1e11;
  if (!intIn(p.year, MIN_PLAN_YEAR, MAX_PLAN_YEAR)) f.year = "aid.plan.v.year";
  if (!intIn(p.shareFeeFen, 1, MAX)) f.shareFeeFen = "aid.plan.v.positiveFen";
  if (!intIn(p.maxShares, 1, MAX_SHARES_LIMIT)) f.maxShares = "aid.plan.v.maxShares";
  if (!isRealDate(p.enrolFrom)) f.enrolFrom = "v.date";
  if (!isRealDate(p.enrolTo)) f.enrolTo = "v.date";
  if (f.enrolFrom === void 0 && f.enrolTo === void 0 && f.year === void 0) {
    if (p.enrolFrom < `${p.year - 1}-01-01`) f.enrolFrom = "aid.plan.v.enrolFromEarly";
    if (p.enrolTo > `${p.year}-12-31`) f.enrolTo = "aid.plan.v.enrolToLate";
    else if (p.enrolFrom > p.enrolTo) f.enrolTo = "aid.plan.v.enrolOrder";
  }
  if (!intIn(p.waitingDays, 0, 365)) f.waitingDays = "aid.plan.v.waitingDays";
  if (!intIn(p.claimDeadlineDays, 1, 365)) f.claimDeadlineDays = "aid.plan.v.claimDeadlineDays";
  if (!intIn(p.perAdmissionCapFen, 1, MAX)) f.perAdmissionCapFen = "aid.plan.v.positiveFen";
  if (!intIn(p.annualCapPerShareFen, 1, MAX)) f.annualCapPerShareFen = "aid.plan.v.positiveFen";
  if (!intIn(p.secondApprovalAboveFen, 0, MAX)) f.secondApprovalAboveFen = "v.fen";
  if (!Array.isArray(p.requiredDocuments) || p.requiredDocuments.some((k) => !REQUIRABLE_KINDS.includes(k))) {
    f.requiredDocuments = "aid.plan.v.requiredDocuments";
  }
  if (!intIn(p.processingDays, 1, 365)) f.processingDays = "aid.plan.v.processingDays";
  const tp = tiersShapeProblem(p.tiers);
  if (tp !== null) f.tiers = "aid.plan.v.tiers." + tp;
  return f;
}
function tiersShapeProblem(tiers) {
  if (!Array.isArray(tiers)) return "shape";
  if (tiers.length === 0) return "empty";
  if (tiers.length > MAX_TIERS) return "tooMany";
  for (const t of tiers) {
    if (t === null || typeof t !== "object") return "shape";
    const { fromFen, rateBp } = t;
    if (typeof fromFen !== "number" || typeof rateBp !== "number") return "shape";
    if (!Number.isSafeInteger(fromFen) || !Number.isSafeInteger(rateBp)) return "notInteger";
    if (fromFen < 0 || fromFen > 1e11) return "fenRange";
  }
  return tiersProblem(tiers);
}
const MAX_TIERS = 10;
export {
  DEFAULT_PROCESSING_DAYS,
  DEFAULT_TIERS,
  MAX_PLAN_YEAR,
  MAX_SHARES_LIMIT,
  MAX_TIERS,
  MIN_PLAN_YEAR,
  NEXT_YEAR_ENROL_OPENS,
  defaultPlan,
  enrolmentOpen,
  nextYearPlan,
  planFromLatest,
  planProblems,
  tiersShapeProblem
};
//# sourceMappingURL=aid-plan.js.map
