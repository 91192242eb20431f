import { addDays, shanghaiDate } from "../../domain/dates.js";
import { addWorkingDays } from "../../domain/working-days.js";
import { DEFAULT_PROCESSING_DAYS } from "../../domain/aid-plan.js";
import { CLAIM_TO_DECIDE } from "../../domain/claim-lifecycle.js";
import { getPlan } from "../aid/plans-repository.js";
import { calendarDays } from "./payout-repository.js";
function calendarFrom(db, from) {
  const days = calendarDays(db, from, addDays(from, 800));
  return {
    holidays: new Set(days.filter((d) => d.kind === "holiday").map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === "workday").map((d) => d.date))
  };
}
function decisionDates(db, earliestIso) {
  const cal = earliestIso === void 0 ? void 0 : calendarFrom(db, shanghaiDate(new Date(earliestIso)));
  const days = /* @__PURE__ */ new Map();
  const processingDays = (year) => {
    let n = days.get(year);
    if (n === void 0) {
      n = getPlan(db, year)?.processingDays ?? DEFAULT_PROCESSING_DAYS;
      days.set(year, n);
    }
    return n;
  };
  return {
    expectedBy(createdAtIso, planYear) {
      const submitted = shanghaiDate(new Date(createdAtIso));
      return addWorkingDays(submitted, processingDays(planYear), cal ?? calendarFrom(db, submitted));
    }
  };
}
function isLate(status, expectedBy, today) {
  return CLAIM_TO_DECIDE.includes(status) && today > expectedBy;
}
export {
  calendarFrom,
  decisionDates,
  isLate
};
//# sourceMappingURL=decision-dates.js.map
