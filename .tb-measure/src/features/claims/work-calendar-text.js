import { isRealDate } from "../../domain/dates.js";
import { badRequest, fieldError } from "../../lib/errors.js";
const KINDS = {
  \u4F11: "holiday",
  \u5047: "holiday",
  \u653E\u5047: "holiday",
  \u4F11\u606F: "holiday",
  off: "holiday",
  holiday: "holiday",
  \u73ED: "workday",
  \u4E0A\u73ED: "workday",
  \u8C03\u4F11: "workday",
  \u8C03\u4F11\u4E0A\u73ED: "workday",
  work: "workday",
  workday: "workday"
};
const MAX_DAYS = 120;
const MAX_NOTE = 50;
function normaliseDate(s) {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m === null ? s : `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
}
function parseCalendarText(year, text) {
  const wrong = (key, params) => badRequest({ days: fieldError(`calendar.v.${key}`, params) });
  const days = [];
  const lineOf = /* @__PURE__ */ new Map();
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const [dateText, kindText, ...rest] = trimmed.split(/[\s,，、;；]+/);
    if (kindText === void 0) throw wrong("lineFormat", { line });
    const date = normaliseDate(dateText);
    if (!isRealDate(date)) throw wrong("lineDate", { line, value: dateText });
    const kind = KINDS[kindText.toLowerCase()];
    if (kind === void 0) throw wrong("lineKind", { line, value: kindText });
    if (!date.startsWith(`${year}-`)) throw wrong("lineOtherYear", { line, value: date, year });
    const first = lineOf.get(date);
    if (first !== void 0) throw wrong("lineTwice", { line, value: date, first });
    const note = rest.join(" ");
    if ([...note].length > MAX_NOTE) throw wrong("lineNote", { line });
    lineOf.set(date, line);
    days.push(note === "" ? { date, kind } : { date, kind, note });
  }
  if (days.length > MAX_DAYS) throw wrong("tooMany", { count: days.length });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
function calendarText(lang, days) {
  const word = (kind) => kind === "holiday" ? lang === "zh" ? "\u4F11" : "off" : lang === "zh" ? "\u73ED" : "work";
  return days.map((d) => [d.date, word(d.kind), d.note ?? ""].join(" ").trim()).join("\n");
}
export {
  calendarText,
  parseCalendarText
};
//# sourceMappingURL=work-calendar-text.js.map
