import { addDays } from "./dates.js";
const CONTRACT_STAGES = ["draft", "adopted", "signed", "filed", "renewed", "expired"];
const CONTRACT_STEPS = {
  adopt: { from: ["draft"], to: "adopted" },
  sign: { from: ["adopted"], to: "signed" },
  file: { from: ["signed"], to: "filed" },
  // The labour administration's approval makes it effective on that date (stays 'filed', dated).
  approve: { from: ["filed"], to: "filed" },
  renew: { from: ["effective", "expiring", "expired"], to: "renewed" },
  expire: { from: ["expiring"], to: "expired" }
};
const FILING_DAYS = 10;
const NO_OBJECTION_DAYS = 15;
const EXPIRY_NOTICE_MONTHS = 3;
const MIN_TERM_YEARS = 1;
const MAX_TERM_YEARS = 3;
function canTake(step, status) {
  return CONTRACT_STEPS[step].from.includes(status);
}
function addMonths(date, months) {
  const [y, m, d] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
function filingDueOn(signedOn) {
  return addDays(signedOn, FILING_DAYS);
}
function isLateFiling(signedOn, filedOn) {
  return filedOn > filingDueOn(signedOn);
}
function effectiveOn(filedOn, approvedOn) {
  return approvedOn ?? addDays(filedOn, NO_OBJECTION_DAYS);
}
function termEndsOn(from, years) {
  return addDays(addMonths(from, years * 12), -1);
}
function expiringFrom(endsOn) {
  return addMonths(endsOn, -EXPIRY_NOTICE_MONTHS);
}
function contractStatusOn(c, today) {
  if (c.stage !== "filed" || c.filedOn === null) return c.stage;
  const from = effectiveOn(c.filedOn, c.approvedOn);
  if (today < from) return "filed";
  const ends = termEndsOn(from, c.termYears);
  if (today > ends) return "expired";
  if (today >= expiringFrom(ends)) return "expiring";
  return "effective";
}
export {
  CONTRACT_STAGES,
  CONTRACT_STEPS,
  EXPIRY_NOTICE_MONTHS,
  FILING_DAYS,
  MAX_TERM_YEARS,
  MIN_TERM_YEARS,
  NO_OBJECTION_DAYS,
  addMonths,
  canTake,
  contractStatusOn,
  effectiveOn,
  expiringFrom,
  filingDueOn,
  isLateFiling,
  termEndsOn
};
//# sourceMappingURL=collective-contract.js.map
