import { unreadable, XlsxReadError, zipDirectory, zipStream } from "./xlsx-zip.js";
import { exceljs } from "./lazy-require.js";
import { XlsxReadError as XlsxReadError2 } from "./xlsx-zip.js";
const MiB = 1024 * 1024;
const PART_LIMIT = { rels: 1 * MiB, workbook: 4 * MiB, styles: 8 * MiB, sharedStrings: 32 * MiB, sheet: 64 * MiB };
const MAX_SHEET_ROWS = 1048576;
const MAX_CELL_SLOTS = 16 * MiB;
const XLSX_READ = { sharedStrings: "emit", hyperlinks: "ignore", styles: "cache", worksheets: "emit", entries: "ignore" };
async function readFirstSheet(data, opts) {
  try {
    const parts = zipDirectory(data);
    const rels = parts.get("xl/_rels/workbook.xml.rels");
    const book = parts.get("xl/workbook.xml");
    if (rels === void 0 || book === void 0) throw new XlsxReadError("noSheet");
    if (rels.size > PART_LIMIT.rels || book.size > PART_LIMIT.workbook) throw unreadable();
    const head = [{ part: rels, limit: PART_LIMIT.rels, guard: false }, {
      part: book,
      limit: PART_LIMIT.workbook,
      guard: false
    }];
    const sheet = await withReader(data, head, async (reader) => {
      for await (const _ of reader) {
      }
      const { model, workbookRels } = reader;
      for (const s of model?.sheets ?? []) {
        const target = workbookRels?.find((r) => r.Id === s.rId)?.Target;
        if (typeof target !== "string") continue;
        const name = `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;
        const part = parts.get(name);
        if (part !== void 0 && /xl\/worksheets\/sheet\d+[.]xml/.test(name)) return part;
      }
      return void 0;
    });
    if (sheet === void 0) throw new XlsxReadError("noSheet");
    const styles = parts.get("xl/styles.xml");
    const strings = parts.get("xl/sharedStrings.xml");
    if (strings !== void 0 && strings.size > PART_LIMIT.sharedStrings) throw unreadable();
    const all = [
      ...head,
      // Styles tell dates from numbers; a file with an oversized style sheet is read without.
      ...styles !== void 0 && styles.size <= PART_LIMIT.styles ? [{ part: styles, limit: PART_LIMIT.styles, guard: false }] : [],
      ...strings !== void 0 ? [{ part: strings, limit: PART_LIMIT.sharedStrings, guard: true }] : [],
      { part: sheet, limit: PART_LIMIT.sheet, guard: true }
    ];
    return await withReader(data, all, async (reader) => await readSheet(reader, opts));
  } catch (err) {
    if (err instanceof XlsxReadError) throw err;
    throw unreadable();
  }
}
async function readSheet(reader, opts) {
  const strings = [];
  reader.sharedStrings = strings;
  const items = { [Symbol.asyncIterator]: () => reader.parse() };
  let header;
  let picked = null;
  const rows = [];
  for await (const item of items) {
    if (item.eventType === void 0) strings[item.index] = sharedText(item.text);
    if (item.eventType !== "worksheet") continue;
    let pick = null;
    let seen = 0;
    let all = 0;
    let slots = 0;
    for await (const row of item.value) {
      if (++all > MAX_SHEET_ROWS || (slots += row.cellCount) > MAX_CELL_SLOTS) throw unreadable();
      const cells = rowCells(row, pick);
      if (cells === null) continue;
      if (++seen > opts.maxRows + 1) throw new XlsxReadError("tooManyRows");
      if (header === void 0) {
        header = cells.map(String);
        picked = opts.pick(header);
        pick = picked ?? [];
      } else if (picked !== null) {
        rows.push(cells);
      }
    }
    break;
  }
  return { header, rows, picked };
}
function sharedText(value) {
  if (typeof value === "string") return value;
  const runs = value?.richText;
  if (!Array.isArray(runs)) return "";
  return runs.map((r) => typeof r?.text === "string" ? r.text : "").join("");
}
function rowCells(row, pick) {
  const cells = pick === null ? [] : pick.map(() => "");
  let blank = true;
  row.eachCell((cell, col) => {
    const value = cellValue(cell);
    if (value === "") return;
    blank = false;
    if (pick === null) cells[col - 1] = value;
    else for (let k = 0; k < pick.length; k++) if (pick[k] === col - 1) cells[k] = value;
  });
  return blank ? null : pick === null ? Array.from(cells, (c) => c ?? "") : cells;
}
function cellValue(cell) {
  const v = cell.value;
  if (v === null || v === void 0) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    const result = v.result;
    if (typeof result === "number") return Number.isFinite(result) ? result : "";
    return result ? String(result).trim() : "";
  }
  try {
    const text = cell.text;
    return typeof text === "string" ? text.trim() : "";
  } catch {
    return "";
  }
}
async function withReader(data, parts, use) {
  let fail = () => {
  };
  const failed = new Promise((_resolve, reject) => {
    fail = reject;
  });
  failed.catch(() => {
  });
  const input = zipStream(data, parts, (err) => fail(err));
  try {
    return await Promise.race([use(new (exceljs()).stream.xlsx.WorkbookReader(input, XLSX_READ)), failed]);
  } finally {
    input.destroy();
  }
}
export {
  XlsxReadError2 as XlsxReadError,
  readFirstSheet
};
//# sourceMappingURL=xlsx-reader.js.map
