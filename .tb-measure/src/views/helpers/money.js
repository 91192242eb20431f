import { formatFen } from "../../domain/money.js";
function money(fen) {
  return typeof fen === "number" ? formatFen(fen) : "";
}
export {
  money as default
};
//# sourceMappingURL=money.js.map
