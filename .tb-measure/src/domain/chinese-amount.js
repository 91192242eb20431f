import { isFen } from "./money.js";
const DIGITS = ["\u96F6", "\u58F9", "\u8D30", "\u53C1", "\u8086", "\u4F0D", "\u9646", "\u67D2", "\u634C", "\u7396"];
const PLACES = ["", "\u62FE", "\u4F70", "\u4EDF"];
const SECTIONS = ["", "\u4E07", "\u4EBF", "\u4E07\u4EBF"];
function yuanInCapitals(yuan) {
  const digits = String(yuan);
  let out = "";
  let zero = false;
  let sectionHasDigit = false;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    const pos = digits.length - 1 - i;
    if (d === 0) {
      zero = true;
    } else {
      if (zero && out !== "") out += "\u96F6";
      zero = false;
      sectionHasDigit = true;
      out += DIGITS[d] + PLACES[pos % 4];
    }
    if (pos % 4 === 0) {
      if (sectionHasDigit) {
        out += SECTIONS[pos / 4];
        zero = false;
      }
      sectionHasDigit = false;
    }
  }
  return out;
}
function fenInChineseCapitals(fen) {
  if (!isFen(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  const whole = yuanInCapitals(yuan);
  if (jiao === 0 && cents === 0) return `${whole === "" ? "\u96F6" : whole}\u5143\u6574`;
  let out = whole === "" ? "" : `${whole}\u5143`;
  if (jiao !== 0) out += `${DIGITS[jiao]}\u89D2`;
  else if (whole !== "") out += "\u96F6";
  if (cents !== 0) out += `${DIGITS[cents]}\u5206`;
  return out;
}
export {
  fenInChineseCapitals
};
//# sourceMappingURL=chinese-amount.js.map
