import { residentIdCheckChar } from "./identity.js";
function formatMemberNo(year, seq) {
  return `KM${year}${String(seq).padStart(6, "0")}`;
}
function maskName(name) {
  const chars = [...name.trim()];
  if (chars.length === 0) return "";
  return chars[0] + "*".repeat(Math.max(1, chars.length - 1));
}
function makeResidentId(area, birthDate, seq) {
  const first17 = area + birthDate.replace(/-/g, "") + String(seq % 1e3).padStart(3, "0");
  return first17 + residentIdCheckChar(first17);
}
export {
  formatMemberNo,
  makeResidentId,
  maskName
};
//# sourceMappingURL=memberships.js.map
