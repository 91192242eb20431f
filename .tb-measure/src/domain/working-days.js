import { addDays } from "./dates.js";
const NO_CALENDAR = { holidays: /* @__PURE__ */ new Set(), workdays: /* @__PURE__ */ new Set() };
function isWorkingDay(date, cal) {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const dow = (/* @__PURE__ */ new Date(date + "T00:00:00Z")).getUTCDay();
  return dow !== 0 && dow !== 6;
}
function addWorkingDays(from, n, cal) {
  if (!Number.isSafeInteger(n) || n < 0 || n > 3660) throw new RangeError(`working days out of range: ${n}`);
  if (n === 0) return from;
  const { holidays, workdays } = dayNumbers(cal);
  let day = Date.parse(from + "T00:00:00Z") / DAY_MS;
  let left = n;
  while (left > 0) {
    day++;
    const dow = (day + 4) % 7;
    const working = workdays.has(day) || !holidays.has(day) && dow !== 0 && dow !== 6;
    if (working) left--;
  }
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
const DAY_MS = 864e5;
const numbered = /* @__PURE__ */ new WeakMap();
function dayNumbers(cal) {
  let d = numbered.get(cal);
  if (d === void 0) {
    const toDays = (dates) => new Set([...dates].map((s) => Date.parse(s + "T00:00:00Z") / DAY_MS));
    d = { holidays: toDays(cal.holidays), workdays: toDays(cal.workdays) };
    numbered.set(cal, d);
  }
  return d;
}
function workingDaysBetween(from, to, cal) {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}
export {
  NO_CALENDAR,
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween
};
//# sourceMappingURL=working-days.js.map
