import { fenToYuanString } from "../../domain/money.js";
function yuan(fen) {
  return typeof fen === "number" ? fenToYuanString(fen) : "";
}
export {
  yuan as default
};
//# sourceMappingURL=yuan.js.map
