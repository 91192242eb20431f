import { parse as parseCsv } from "csv-parse/sync";
import { AppError, badRequest, fieldError } from "../../lib/errors.js";
import { readFirstSheet, XlsxReadError } from "../../lib/xlsx-reader.js";
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_IMPORT_ROWS = 5e4;
const MAX_CSV_COLUMNS = 64;
const HEADERS = {
  name: ["\u59D3\u540D", "\u540D\u5B57", "\u804C\u5DE5\u59D3\u540D", "\u5458\u5DE5\u59D3\u540D", "name", "fullname"],
  idNumber: ["\u8EAB\u4EFD\u8BC1\u53F7", "\u8EAB\u4EFD\u8BC1\u53F7\u7801", "\u8EAB\u4EFD\u8BC1", "\u516C\u6C11\u8EAB\u4EFD\u53F7\u7801", "\u8BC1\u4EF6\u53F7\u7801", "idnumber", "id", "residentid", "idno"],
  mobile: ["\u624B\u673A", "\u624B\u673A\u53F7", "\u624B\u673A\u53F7\u7801", "\u8054\u7CFB\u7535\u8BDD", "\u7535\u8BDD", "mobile", "phone", "mobilephone", "mobilenumber", "phonenumber"]
};
const normHeader = (h) => h.replace(/^\uFEFF/, "").replace(/[\s_*（）()\-:：]/g, "").toLowerCase();
function findColumns(header) {
  const names = header.map(normHeader);
  const find = (known) => names.findIndex((h) => known.includes(h));
  const name = find(HEADERS.name);
  const idNumber = find(HEADERS.idNumber);
  const mobile = find(HEADERS.mobile);
  if (name === -1 || idNumber === -1) return null;
  return { name, idNumber, mobile: mobile === -1 ? null : mobile };
}
const isBlank = (row) => !row.some((c) => c.trim() !== "");
const tooManyRows = () => badRequest({ file: fieldError("memberships.import.tooManyRows", { max: MAX_IMPORT_ROWS }) });
const unreadable = () => badRequest({ file: "memberships.import.unreadable" });
async function readRosterFile(fileName, data, encoding = "auto") {
  if (data.length === 0) throw badRequest({ file: "memberships.import.emptyFile" });
  if (data.length > MAX_IMPORT_BYTES) throw badRequest({ file: "memberships.import.tooLarge" });
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? "").toLowerCase();
  const isZip = data.length > 4 && data.readUInt32LE(0) === 67324752;
  if (ext === "xlsx" && isZip) return await readXlsx(data);
  if (ext !== "csv" || isZip || !hasUtf16Bom(data) && data.subarray(0, 8192).includes(0)) throw badRequest({ file: "memberships.import.badType" });
  const all = readCsv(decodeCsv(data, encoding));
  const headerIndex = all.findIndex((r) => !isBlank(r));
  if (headerIndex === -1) throw badRequest({ file: "memberships.import.empty" });
  const columns = findColumns(all[headerIndex]);
  const rows = all.slice(headerIndex + 1).filter((r) => !isBlank(r));
  if (columns === null) throw badRequest({ file: "memberships.import.noHeader" });
  if (rows.length === 0) throw badRequest({ file: "memberships.import.empty" });
  if (rows.length > MAX_IMPORT_ROWS) throw tooManyRows();
  return { rows, columns };
}
async function readXlsx(data) {
  let sheet;
  try {
    sheet = await readFirstSheet(data, {
      maxRows: MAX_IMPORT_ROWS,
      pick: (header) => {
        const c = findColumns(header);
        return c === null ? null : [c.name, c.idNumber, ...c.mobile === null ? [] : [c.mobile]];
      }
    });
  } catch (err) {
    if (!(err instanceof XlsxReadError)) throw err;
    if (err.reason === "tooManyRows") throw tooManyRows();
    if (err.reason === "noSheet") throw badRequest({ file: "memberships.import.empty" });
    throw unreadable();
  }
  if (sheet.header === void 0) throw badRequest({ file: "memberships.import.empty" });
  if (sheet.picked === null) throw badRequest({ file: "memberships.import.noHeader" });
  if (sheet.rows.length === 0) throw badRequest({ file: "memberships.import.empty" });
  const columns = { name: 0, idNumber: 1, mobile: sheet.picked.length > 2 ? 2 : null };
  return { rows: sheet.rows.map((r) => r.map((cell, i) => cellText(cell, i === columns.idNumber))), columns };
}
function cellText(cell, idColumn) {
  if (typeof cell === "string") return cell;
  if (idColumn) return excelNumberText(cell);
  return Number.isInteger(cell) ? BigInt(cell).toString() : String(cell);
}
function excelNumberText(n) {
  const [mantissa, exponent] = n.toExponential(14).split("e");
  const digits = mantissa.replace(/\.?0+$/, "");
  return `${digits}E${exponent.startsWith("-") ? exponent : "+" + exponent.replace(/^\+/, "")}`;
}
function isExcelNumber(raw) {
  return /^[+-]?\d+(\.\d+)?E[+-]?\d+$/i.test(raw.trim());
}
function readCsv(text) {
  let wide = false;
  try {
    return parseCsv(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: 64 * 1024,
      to: MAX_IMPORT_ROWS + 2,
      on_record: (record) => {
        if (record.length > MAX_CSV_COLUMNS) {
          wide = true;
          throw new Error("too many columns");
        }
        return record;
      }
    });
  } catch {
    throw wide ? badRequest({ file: fieldError("memberships.import.tooManyColumns", { max: MAX_CSV_COLUMNS }) }) : unreadable();
  }
}
const hasUtf16Bom = (data) => data.length >= 2 && (data[0] === 255 && data[1] === 254 || data[0] === 254 && data[1] === 255);
const decode = (label, data) => {
  try {
    return new TextDecoder(label, { fatal: true }).decode(data);
  } catch {
    return null;
  }
};
function decodeCsv(data, choice = "auto") {
  if (data[0] === 239 && data[1] === 187 && data[2] === 191) return decode("utf-8", data.subarray(3)) ?? badUtf8();
  if (data[0] === 255 && data[1] === 254) return new TextDecoder("utf-16le").decode(data.subarray(2));
  if (data[0] === 254 && data[1] === 255) return new TextDecoder("utf-16be").decode(data.subarray(2));
  if (choice === "utf-8") return decode("utf-8", data) ?? badUtf8();
  if (choice === "gb18030") return decode("gb18030", data) ?? unreadableAs();
  const utf8 = decode("utf-8", data);
  const gb = decode("gb18030", data);
  if (utf8 === null && gb === null) throw unreadable();
  if (gb === null || utf8 === gb) return utf8;
  if (utf8 === null) return gb;
  const a = judge(utf8);
  const b = judge(gb);
  if (a.header !== b.header) return a.header ? utf8 : gb;
  if (!a.header) return gb;
  if (a.score >= 0.7 && b.score < 0.3) return utf8;
  if (b.score >= 0.7 && a.score < 0.3) return gb;
  throw new AppError(400, "ENCODING_AMBIGUOUS", "memberships.import.encodingAsk", {}, {
    encoding: fieldError("memberships.import.encodingAsk", { gb18030: b.sample, utf8: a.sample })
  });
}
const badUtf8 = () => {
  throw badRequest({ file: "memberships.import.notUtf8" });
};
const unreadableAs = () => {
  throw badRequest({ file: "memberships.import.notGb18030" });
};
function judge(text) {
  let rows;
  try {
    rows = parseCsv(
      text.slice(0, 64 * 1024),
      { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, to: 201 }
    );
  } catch {
    return { header: false, score: 0, sample: "" };
  }
  const start = rows.findIndex((r) => !isBlank(r));
  const columns = start === -1 ? null : findColumns(rows[start]);
  if (columns === null) return { header: false, score: 0, sample: "" };
  const names = rows.slice(start + 1).map((r) => (r[columns.name] ?? "").trim()).filter((n) => n !== "");
  const score = names.length === 0 ? 0 : names.filter(plausibleName).length / names.length;
  return { header: true, score, sample: names.slice(0, 3).join("\u3001") };
}
const COMMON = (() => {
  const bytes = [];
  for (let lead = 176; lead <= 215; lead++) for (let trail = 161; trail <= 254; trail++) bytes.push(lead, trail);
  return new Set(new TextDecoder("gb18030").decode(Uint8Array.from(bytes)));
})();
function plausibleName(name) {
  if (/^[A-Za-z][A-Za-z .'-]{0,49}$/.test(name)) return true;
  const chars = [...name];
  return chars.length >= 2 && chars.length <= 20 && chars.every((c) => COMMON.has(c) || c === "\xB7" || c === "\u2022");
}
export {
  MAX_CSV_COLUMNS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  decodeCsv,
  excelNumberText,
  findColumns,
  isExcelNumber,
  plausibleName,
  readRosterFile
};
//# sourceMappingURL=roster-file.js.map
