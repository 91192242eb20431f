import { maskResidentId, normaliseMobile, normaliseResidentId, residentIdProblem } from "../../domain/identity.js";
import { isExcelNumber } from "./roster-file.js";
function maskAnyId(raw) {
  const s = raw.trim();
  if (isExcelNumber(s)) return s.replace(/^([+-]?\d\.?\d?)([\d.]*)(E.*)$/i, (_m, a, b, e) => a + "*".repeat(b.length) + e);
  if (s.length === 18) return maskResidentId(s);
  if (s.length >= 12) return s.slice(0, 4) + "*".repeat(s.length - 6) + s.slice(-2);
  return "*".repeat(s.length);
}
function checkRows(parsed, today, seen, from = 0, to = parsed.rows.length) {
  const { columns } = parsed;
  const out = { valid: [], refused: [], duplicates: 0 };
  for (let i = from; i < to; i++) {
    const cells = parsed.rows[i];
    const row = i + 2;
    const name = (cells[columns.name] ?? "").trim();
    const rawId = (cells[columns.idNumber] ?? "").trim();
    const rawMobile = columns.mobile === null ? "" : (cells[columns.mobile] ?? "").trim();
    const refuse = (reason) => {
      out.refused.push({ row, name: name.slice(0, 50), idMasked: maskAnyId(rawId), mobile: rawMobile.slice(0, 20), reason });
    };
    if (name === "") {
      refuse("memberships.import.reason.name");
      continue;
    }
    if ([...name].length > 50) {
      refuse("memberships.import.reason.nameTooLong");
      continue;
    }
    if (rawId === "") {
      refuse("memberships.import.reason.idMissing");
      continue;
    }
    if (isExcelNumber(rawId)) {
      refuse("memberships.import.reason.idStoredAsNumber");
      continue;
    }
    const problem = residentIdProblem(rawId, today);
    if (problem !== null) {
      refuse("v.idNumber." + problem);
      continue;
    }
    let mobile = null;
    if (rawMobile !== "") {
      mobile = normaliseMobile(rawMobile);
      if (mobile === null) {
        refuse("v.phone");
        continue;
      }
    }
    const id = normaliseResidentId(rawId);
    if (seen.has(id)) {
      out.duplicates++;
      refuse("memberships.import.reason.duplicateInFile");
      continue;
    }
    seen.add(id);
    out.valid.push({ row, name, id, mobile });
  }
  return out;
}
function rosterLimitForHeadcount(headcount) {
  return Math.max(2 * headcount, headcount + 20);
}
export {
  checkRows,
  maskAnyId,
  rosterLimitForHeadcount
};
//# sourceMappingURL=roster-rows.js.map
