const DISCLOSURE_CATEGORIES = ["pay", "welfare", "safety", "contract", "finance", "rules", "other"];
function quarterStart(date) {
  const month = Number(date.slice(5, 7));
  const first = month - (month - 1) % 3;
  return `${date.slice(0, 4)}-${String(first).padStart(2, "0")}-01`;
}
function quarterOf(date) {
  return { year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 };
}
export {
  DISCLOSURE_CATEGORIES,
  quarterOf,
  quarterStart
};
//# sourceMappingURL=disclosure.js.map
