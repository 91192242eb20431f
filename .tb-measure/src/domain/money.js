const MAX_FEN = 1e11;
function isFen(v) {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0 && v <= MAX_FEN;
}
function parseYuanToFen(input) {
  const s = input.trim().replace(/^[¥￥]\s*/, "").replace(/,/g, "");
  const m = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(s);
  if (m === null) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return fen <= MAX_FEN ? fen : null;
}
function fenToYuanString(fen) {
  const sign = fen < 0 ? "-" : "";
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}
function formatFen(fen) {
  const sign = fen < 0 ? "-" : "";
  const a = Math.abs(fen);
  const yuan = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}\xA5${yuan}.${String(a % 100).padStart(2, "0")}`;
}
export {
  MAX_FEN,
  fenToYuanString,
  formatFen,
  isFen,
  parseYuanToFen
};
//# sourceMappingURL=money.js.map
