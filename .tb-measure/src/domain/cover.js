import { addDays, maxDate, minDate } from "./dates.js";
function coverWindow(planYear, paidOn, waitingDays, renewal) {
  const start = renewal ? paidOn : addDays(paidOn, waitingDays);
  const coverFrom = maxDate(start, `${planYear}-01-01`);
  const coverTo = `${planYear}-12-31`;
  return coverFrom > coverTo ? null : { coverFrom, coverTo };
}
function claimDeadline(planYear, dischargeDate, claimDeadlineDays) {
  return minDate(addDays(dischargeDate, claimDeadlineDays), `${planYear + 1}-03-31`);
}
export {
  claimDeadline,
  coverWindow
};
//# sourceMappingURL=cover.js.map
