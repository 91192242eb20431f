import { PassThrough } from "node:stream";
import { attachmentHeader } from "./csv.js";
import { exceljs } from "./lazy-require.js";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ROWS_PER_TURN = 200;
const turn = async () => await new Promise((resolve) => setImmediate(resolve));
function xlsxCell(value) {
  if (value === null || value === void 0) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  return value;
}
function xlsxStream(sheetName, header, rows, opts = {}) {
  const out = new PassThrough();
  const book = new (exceljs()).stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = book.addWorksheet(sheetName.slice(0, 31) || "Sheet1");
  sheet.columns = header.map((h, i) => ({
    header: h,
    width: Math.min(40, Math.max(10, [...h].length * 2 + 2)),
    ...opts.textColumns?.includes(i) === true ? { style: { numFmt: "@" } } : {}
  }));
  const fill = async () => {
    let n = 0;
    for await (const row of rows) {
      sheet.addRow(row.map(xlsxCell)).commit();
      if (++n % ROWS_PER_TURN === 0) {
        if (out.writableNeedDrain) await new Promise((resolve) => out.once("drain", resolve));
        await turn();
      }
      if (out.destroyed) return;
    }
    sheet.commit();
    await book.commit();
  };
  fill().catch((err) => {
    out.destroy(err);
  });
  return out;
}
async function xlsxBuffer(sheetName, header, rows, opts = {}) {
  const book = new (exceljs()).Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31) || "Sheet1");
  sheet.columns = header.map((h) => ({ header: h, width: Math.min(40, Math.max(12, [...h].length * 2 + 4)) }));
  for (const r of rows) sheet.addRow(r.map(xlsxCell));
  for (const c of opts.textColumns ?? []) {
    const column = sheet.getColumn(c + 1);
    column.numFmt = "@";
    for (let r = 2; r <= (opts.textRows ?? 0) + 1; r++) sheet.getCell(r, c + 1).numFmt = "@";
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
function sendXlsx(reply, fileName, body) {
  return reply.header("content-type", XLSX_TYPE).header("content-disposition", attachmentHeader(fileName)).header("cache-control", "private, no-store").send(body);
}
export {
  XLSX_TYPE,
  sendXlsx,
  xlsxBuffer,
  xlsxStream
};
//# sourceMappingURL=xlsx-writer.js.map
