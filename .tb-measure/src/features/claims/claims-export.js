import { csvStream, sendCsv } from "../../lib/csv.js";
import { sendXlsx, xlsxStream } from "../../lib/xlsx-writer.js";
import datetime from "../../views/helpers/datetime.js";
import { statusBadge } from "./claims-display.js";
import { EXPORT_HEADER } from "./queue.js";
const SUBMITTED = 1;
const STATUS = 2;
const REASON = 17;
const TEXT_COLUMNS = [4, 10];
const CLAIMS_EXPORT_HEADER = EXPORT_HEADER.map((h, i) => i === SUBMITTED ? "\u63D0\u4EA4\u65F6\u95F4 Submitted (Asia/Shanghai)" : h);
function* shown(req, rows) {
  for (const row of rows) {
    const out = [...row];
    out[SUBMITTED] = datetime(row[SUBMITTED]);
    out[STATUS] = statusBadge(req, row[STATUS]).label;
    out[REASON] = row[REASON] === null || row[REASON] === void 0 || row[REASON] === "" ? "" : req.t(`claims.reason.${String(row[REASON])}`);
    yield out;
  }
}
function sendClaimsExport(req, reply, rows, day, format) {
  const lines = shown(req, rows);
  if (format === "csv") return sendCsv(reply, `claims-${day}.csv`, csvStream(CLAIMS_EXPORT_HEADER, lines));
  return sendXlsx(reply, `claims-${day}.xlsx`, xlsxStream("claims", CLAIMS_EXPORT_HEADER, lines, { textColumns: TEXT_COLUMNS }));
}
export {
  CLAIMS_EXPORT_HEADER,
  sendClaimsExport
};
//# sourceMappingURL=claims-export.js.map
