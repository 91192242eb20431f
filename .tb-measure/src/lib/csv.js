import { Readable } from "node:stream";
const CSV_BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;
const LONG_DIGITS = /^\d{12,}$/;
const NEEDS_QUOTES = /[",\r\n]/;
function csvCell(value) {
  if (value === null || value === void 0) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  let s = value;
  if (LONG_DIGITS.test(s)) return '"=""' + s + '"""';
  if (FORMULA_START.test(s)) s = "'" + s;
  return NEEDS_QUOTES.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}
function csvLine(cells) {
  return cells.map(csvCell).join(",") + "\r\n";
}
function* csvLines(header, rows) {
  yield CSV_BOM + csvLine(header);
  for (const row of rows) yield csvLine(row);
}
const CHUNK_CHARS = 64 * 1024;
function* chunked(lines) {
  let chunk = "";
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}
function csvStream(header, rows) {
  async function* paced() {
    for (const chunk of chunked(csvLines(header, rows))) {
      yield chunk;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return Readable.from(paced(), { objectMode: false });
}
function csvDocument(header, rows) {
  let out = "";
  for (const line of csvLines(header, rows)) out += line;
  return out;
}
function attachmentHeader(fileName) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
function sendCsv(reply, fileName, body) {
  return reply.header("content-type", "text/csv; charset=utf-8").header("content-disposition", attachmentHeader(fileName)).header("cache-control", "private, no-store").send(body);
}
export {
  CSV_BOM,
  attachmentHeader,
  csvCell,
  csvDocument,
  csvLine,
  csvLines,
  csvStream,
  sendCsv
};
//# sourceMappingURL=csv.js.map
