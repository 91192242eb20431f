import { attachmentHeader, csvCell, csvLine, CSV_BOM } from "../../lib/csv.js";
import { exceljs } from "../../lib/lazy-require.js";
import { BANK_FILE_HEADER } from "./batch-payments.js";
const ACCOUNT_COLUMN = 1;
function bankFileCsv(file) {
  let out = CSV_BOM + csvLine(BANK_FILE_HEADER);
  for (const row of file.rows) {
    out += row.map((v, i) => i === ACCOUNT_COLUMN && /^\d+$/.test(v) ? `"=""${v}"""` : csvCell(v)).join(",") + "\r\n";
  }
  return out;
}
async function bankFileXlsx(file) {
  const wb = new (exceljs()).Workbook();
  const ws = wb.addWorksheet("\u6279\u91CF\u4EE3\u53D1");
  ws.columns = BANK_FILE_HEADER.map((h, i) => ({ header: h, key: `c${i}`, width: [6, 24, 14, 14, 24, 12, 18][i], style: { numFmt: "@" } }));
  for (const row of file.rows) {
    ws.addRow(row.map((v) => /^[=+\-@]/.test(v) ? `'${v}` : v));
  }
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
function sendBankFile(reply, file, kind, body) {
  const name = `\u6279\u91CF\u4EE3\u53D1-${file.batch.id}.${kind}`;
  return reply.header("content-type", kind === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").header("content-disposition", attachmentHeader(name)).header("cache-control", "private, no-store").header("x-content-type-options", "nosniff").send(body);
}
export {
  bankFileCsv,
  bankFileXlsx,
  sendBankFile
};
//# sourceMappingURL=bank-file.js.map
