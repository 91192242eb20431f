import { addDays } from "./dates.js";
const BARGAINING_TOPICS = ["pay", "hours", "rest", "welfare", "training", "safety", "women"];
const SIDES = ["workers", "employers"];
const ANSWER_DAYS = 20;
const MIN_NEGOTIATORS = 3;
const MAX_NEGOTIATORS = 10;
function answerDueOn(proposedOn) {
  return addDays(proposedOn, ANSWER_DAYS);
}
function proposalState(proposedOn, answeredOn, today) {
  const due = answerDueOn(proposedOn);
  if (answeredOn !== null) return answeredOn > due ? "answered_late" : "answered";
  return today > due ? "overdue" : "waiting";
}
function negotiatorProblems(sides) {
  const out = [];
  for (const side of SIDES) {
    const s = sides[side];
    if (s.n < MIN_NEGOTIATORS) out.push({ rule: "SIDE_TOO_SMALL", side, params: { n: s.n, min: MIN_NEGOTIATORS } });
    if (s.n > MAX_NEGOTIATORS) out.push({ rule: "SIDE_TOO_LARGE", side, params: { n: s.n, max: MAX_NEGOTIATORS } });
    if (s.chiefs === 0) out.push({ rule: "CHIEF_MISSING", side, params: {} });
    if (s.chiefs > 1) out.push({ rule: "TWO_CHIEFS", side, params: { n: s.chiefs } });
  }
  if (sides.workers.n !== sides.employers.n) out.push({ rule: "SIDES_UNEQUAL", params: { workers: sides.workers.n, employers: sides.employers.n } });
  return out;
}
export {
  ANSWER_DAYS,
  BARGAINING_TOPICS,
  MAX_NEGOTIATORS,
  MIN_NEGOTIATORS,
  SIDES,
  answerDueOn,
  negotiatorProblems,
  proposalState
};
//# sourceMappingURL=bargaining.js.map
