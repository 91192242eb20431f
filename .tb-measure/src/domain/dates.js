const shanghai = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
const FIXED_OFFSET_SINCE_MS = Date.UTC(1991, 11, 31, 16);
const OFFSET_MS = 8 * 36e5;
function shanghaiWallClock(ms) {
  return ms >= FIXED_OFFSET_SINCE_MS ? new Date(ms + OFFSET_MS).toISOString().slice(0, 23) : null;
}
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
function shanghaiDate(now) {
  return shanghaiWallClock(now.getTime())?.slice(0, 10) ?? shanghai.format(now);
}
function isRealDate(s) {
  if (!DATE_RE.test(s)) return false;
  const d = /* @__PURE__ */ new Date(s + "T00:00:00Z");
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
function addDays(date, days) {
  const d = /* @__PURE__ */ new Date(date + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function daysBetween(a, b) {
  return Math.round((Date.parse(b + "T00:00:00Z") - Date.parse(a + "T00:00:00Z")) / 864e5);
}
function yearOf(date) {
  return Number(date.slice(0, 4));
}
function maxDate(a, b) {
  return a > b ? a : b;
}
function minDate(a, b) {
  return a < b ? a : b;
}
export {
  DATE_RE,
  FIXED_OFFSET_SINCE_MS,
  addDays,
  daysBetween,
  isRealDate,
  maxDate,
  minDate,
  shanghaiDate,
  shanghaiWallClock,
  yearOf
};
//# sourceMappingURL=dates.js.map
