import { isRealDate } from "./dates.js";
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";
function normaliseResidentId(raw) {
  return raw.trim().toUpperCase();
}
function residentIdCheckChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}
function residentIdProblem(raw, today) {
  const id = normaliseResidentId(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return "format";
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birth) || birth < "1800-01-01") return "birthDate";
  if (birth > today) return "futureBirthDate";
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return "checksum";
  return null;
}
function residentIdFacts(id) {
  const n = normaliseResidentId(id);
  return {
    birthDate: `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`,
    gender: Number(n[16]) % 2 === 1 ? "male" : "female"
  };
}
function maskResidentId(id) {
  const n = normaliseResidentId(id);
  return n.length === 18 ? n.slice(0, 6) + "********" + n.slice(14) : "*".repeat(n.length);
}
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function normaliseUscc(raw) {
  return raw.trim().toUpperCase();
}
function usccCheckChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - sum % 31) % 31];
}
function usccProblem(raw) {
  const code = normaliseUscc(raw);
  if (code.length !== 18) return "format";
  for (const ch of code) if (!USCC_CHARS.includes(ch)) return "format";
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : "checksum";
}
function normaliseMobile(raw) {
  let s = raw.trim().replace(/[\s-]/g, "");
  if (s.startsWith("+86")) s = s.slice(3);
  else if (s.startsWith("86") && s.length === 13) s = s.slice(2);
  return /^1[3-9]\d{9}$/.test(s) ? s : null;
}
function maskMobile(m) {
  return m.length === 11 ? m.slice(0, 3) + "****" + m.slice(7) : m;
}
export {
  maskMobile,
  maskResidentId,
  normaliseMobile,
  normaliseResidentId,
  normaliseUscc,
  residentIdCheckChar,
  residentIdFacts,
  residentIdProblem,
  usccCheckChar,
  usccProblem
};
//# sourceMappingURL=identity.js.map
