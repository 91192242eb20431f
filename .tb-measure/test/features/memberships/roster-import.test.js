import t from "tap";
import { readFileSync, existsSync } from "node:fs";
import { crc32, deflateRawSync, inflateRawSync as inflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { build, createUser, injectAs, PageSession } from "../../helper.js";
import { auditLog, memberships, rosterImports } from "../../../src/db/schema/index.js";
import { MAX_CSV_COLUMNS, MAX_IMPORT_ROWS, readRosterFile } from "../../../src/features/memberships/roster-import.js";
import { excelNumberText } from "../../../src/features/memberships/roster-file.js";
import { member, world } from "./fixtures.js";
import { uniqueResidentId } from "../../factories.js";
import { multipart } from "../../multipart.js";
async function upload(app, user, enterpriseId, name, data, lang) {
  const body = multipart({ enterpriseId: String(enterpriseId) }, { name, bytes: data });
  return await injectAs(app, user, { method: "POST", url: "/api/v1/membership-imports", payload: body.payload, headers: { ...body.headers, ...lang === void 0 ? {} : { "accept-language": lang } } });
}
function roster(existingMemberId, accountPhone) {
  const good = [uniqueResidentId(), uniqueResidentId(), uniqueResidentId()];
  const wrongCheck = uniqueResidentId().slice(0, 17) + "Z";
  const badDigit = (() => {
    const id = uniqueResidentId();
    return id.slice(0, 16) + String((Number(id[16]) + 1) % 10) + id[17];
  })();
  const rows = [
    ["\u59D3\u540D", "\u8EAB\u4EFD\u8BC1\u53F7\u7801", "\u624B\u673A\u53F7\u7801"],
    ["\u5F20\u4E00", good[0], "13800000001"],
    ["\u5F20\u4E8C", good[1].toLowerCase(), ""],
    ["\u5F20\u4E09", good[2], accountPhone],
    ["\u9519\u4E00", badDigit, "13800000004"],
    ["\u9519\u4E8C", "530102202712310011", "13800000005"],
    ["", uniqueResidentId(), "13800000006"],
    ["\u9519\u56DB", uniqueResidentId(), "12345"],
    ["\u9519\u4E94", wrongCheck, ""],
    ["\u91CD\u4E00", good[0], "13800000008"],
    ["\u8001\u4F1A\u5458", existingMemberId, "13800000009"]
  ];
  const csv = Buffer.from("\uFEFF" + rows.map((r) => r.join(",")).join("\r\n") + "\r\n");
  return { csv, rows, good, all: rows.slice(1).map((r) => r[1]) };
}
async function xlsx(rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("\u540D\u518C");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
function zip(files, opts = {}) {
  const method = opts.stored === true ? 0 : 8;
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const given = typeof content === "object" && "packed" in content ? content : null;
    const data = given === null ? Buffer.from(content) : Buffer.alloc(0);
    const packed = given?.packed ?? (method === 0 ? data : deflateRawSync(data));
    const size = given?.size ?? data.length;
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(67324752, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(33639248, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(101010256, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
async function xlsxFiles(rows) {
  const data = await xlsx(rows);
  const files = {};
  let p = data.readUInt32LE(data.length - 22 + 16);
  while (data.readUInt32LE(p) === 33639248) {
    const nameLength = data.readUInt16LE(p + 28);
    const name = data.toString("utf8", p + 46, p + 46 + nameLength);
    const at = data.readUInt32LE(p + 42);
    const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
    const packed = data.subarray(start, start + data.readUInt32LE(p + 20));
    if (!name.endsWith("/")) files[name] = data.readUInt16LE(p + 10) === 8 ? Buffer.from(inflateRaw(packed)) : packed;
    p += 46 + nameLength + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
  }
  return files;
}
t.test("liaison imports a CSV: good rows become applications, bad and duplicate rows come back masked with reasons", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const old = await member(app, w.entA, w.liaisonA, "\u8001\u4F1A\u5458");
  const account = await createUser(app, { name: "\u5F20\u4E09" });
  const r = roster(old.idNumber, account.phone);
  const res = await upload(app, w.liaisonA, w.entA, "\u540D\u518C.csv", r.csv);
  t2.equal(res.statusCode, 201, res.body);
  t2.match(res.json(), { status: "done", totalRows: 10, createdRows: 3, duplicateRows: 2, invalidRows: 5, repeated: false });
  const created = app.db.select().from(memberships).where(eq(memberships.source, "import")).all();
  t2.equal(created.length, 3);
  t2.ok(created.every((m) => m.status === "applied" && m.memberNo === null && m.appliedBy === w.liaisonA.id));
  t2.equal(created.find((m) => m.name === "\u5F20\u4E09").userId, null, "not linked by a phone number alone");
  const zhang = created.find((m) => m.name === "\u5F20\u4E09");
  const idNumber = app.pii.decrypt(zhang.idCipher);
  const wrongName = await injectAs(app, account, { method: "POST", url: "/api/v1/memberships", payload: { enterpriseId: w.entA, name: "\u5F20\u56DB", idNumber } });
  t2.equal(wrongName.statusCode, 409, "the ID number with another name does not claim it");
  const claim = await injectAs(app, account, { method: "POST", url: "/api/v1/memberships", payload: { enterpriseId: w.entA, name: "\u5F20\u4E09", idNumber } });
  t2.equal(claim.statusCode, 201);
  t2.same(claim.json(), { id: zhang.id, status: "applied" });
  t2.equal(app.db.select().from(memberships).where(eq(memberships.id, zhang.id)).get().userId, account.id, "claimed with the ID number and name");
  t2.equal(created.find((m) => m.name === "\u5F20\u4E8C").idMasked.endsWith(r.good[1].slice(14).toUpperCase()), true);
  const report = await injectAs(app, w.liaisonA, { method: "GET", url: `/api/v1/membership-imports/${res.json().id}/errors.csv` });
  t2.equal(report.statusCode, 200);
  t2.ok(report.body.startsWith("\uFEFF\u884C\u53F7,\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801\uFF08\u5DF2\u9690\u53BB\uFF09,\u624B\u673A\u53F7\u7801,\u539F\u56E0"));
  const lines = report.body.trim().split("\r\n");
  t2.equal(lines.length, 1 + 7);
  t2.match(report.body, /^5,错一,\d{6}\*{8}\d{3}[\dX],13800000004,身份证号码校验位不正确/m);
  t2.match(report.body, /出生日期不能晚于今天/);
  t2.match(report.body, /姓名为空/);
  t2.match(report.body, /手机号码/);
  t2.match(report.body, /与文件中前面的行重复/);
  t2.match(report.body, /此人已有待审核或有效的会籍/);
  for (const id of r.all) t2.notMatch(report.body, id, "no plain ID number in the report");
  t2.equal(app.db.select().from(auditLog).where(eq(auditLog.action, "membership.import_errors_download")).all().length, 1);
  t2.equal(app.db.select().from(auditLog).where(eq(auditLog.action, "membership.import_applications")).all().length, 1);
  const again = await upload(app, w.liaisonA, w.entA, "copy.csv", r.csv);
  t2.equal(again.statusCode, 200);
  t2.equal(again.json().repeated, true);
  t2.equal(again.json().id, res.json().id);
  t2.equal(app.db.select().from(memberships).where(eq(memberships.source, "import")).all().length, 3);
  t2.equal(app.db.select().from(rosterImports).all().length, 1);
  const ok = await injectAs(app, w.liaisonA, { method: "POST", url: `/api/v1/memberships/${created[0].id}/approve` });
  t2.equal(ok.statusCode, 200);
});
t.test("staff import an XLSX: good rows become active members with numbers; English reasons", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const old = await member(app, w.entA, w.liaisonA, "\u8001\u4F1A\u5458");
  const r = roster(old.idNumber, "13900000000");
  const file = await xlsx(r.rows);
  const res = await upload(app, w.staffA, w.entA2, "roster.xlsx", file, "en");
  t2.equal(res.statusCode, 201, res.body);
  t2.match(res.json(), { status: "done", totalRows: 10, createdRows: 3, duplicateRows: 2, invalidRows: 5 });
  const created = app.db.select().from(memberships).where(eq(memberships.source, "import")).all();
  t2.same(created.map((m) => m.status), ["active", "active", "active"]);
  t2.same(created.map((m) => m.memberNo).sort(), ["KM2026000002", "KM2026000003", "KM2026000004"]);
  t2.ok(created.every((m) => m.joinedOn === "2026-06-15" && m.decidedBy === w.staffA.id));
  const report = await injectAs(app, w.staffA, { method: "GET", url: `/api/v1/membership-imports/${res.json().id}` });
  t2.match(report.json(), { done: true, processed: 10, total: 10 });
  const csv = await injectAs(app, w.staffA, { method: "GET", url: report.json().errorReportUrl });
  t2.match(csv.body, /The check character of this ID number is wrong/);
  for (const id of r.all) t2.notMatch(csv.body, id);
  t2.equal((await injectAs(app, w.liaisonB, { method: "GET", url: `/api/v1/membership-imports/${res.json().id}` })).statusCode, 403);
});
t.test("import refusals: wrong type, no header, too many rows, too large, wrong enterprise; nothing written", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const header = "\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801,\u624B\u673A\u53F7\u7801\r\n";
  const cases = [
    ["roster.txt", Buffer.from(header + "\u5F20\u4E00," + uniqueResidentId() + ",\r\n"), /CSV 或 Excel/],
    ["roster.xlsx", Buffer.from(header), /CSV 或 Excel/],
    ["roster.csv", Buffer.from([80, 75, 3, 4, 0, 0, 0]), /CSV 或 Excel/],
    ["roster.csv", Buffer.from("a,b,c\r\n1,2,3\r\n"), /表头/],
    ["roster.csv", Buffer.from(header), /没有数据行/],
    ["roster.csv", Buffer.from('\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801\r\n"unclosed,' + uniqueResidentId() + "\r\n"), /无法读取/]
  ];
  for (const [name, data, msg] of cases) {
    const res = await upload(app, w.liaisonA, w.entA, name, data);
    t2.equal(res.statusCode, 400, name);
    t2.match(res.json().error.fields.file, msg, name);
  }
  const id = uniqueResidentId();
  const many = Buffer.from(header + `\u5F20\u4E00,${id},\r
`.repeat(50001));
  const tooMany = await upload(app, w.liaisonA, w.entA, "big.csv", many);
  t2.equal(tooMany.statusCode, 400);
  t2.match(tooMany.json().error.fields.file, /50000 行/);
  const huge = Buffer.concat([Buffer.from(header), Buffer.alloc(10 * 1024 * 1024 + 10, 65)]);
  const tooLarge = await upload(app, w.liaisonA, w.entA, "huge.csv", huge);
  t2.equal(tooLarge.statusCode, 413);
  const okFile = Buffer.from(header + `\u5F20\u4E00,${uniqueResidentId()},\r
`);
  t2.equal((await upload(app, w.liaisonB, w.entA, "r.csv", okFile)).statusCode, 403, "a liaison imports only for their enterprise");
  t2.equal((await upload(app, w.staffB, w.entA, "r.csv", okFile)).statusCode, 403);
  t2.equal((await upload(app, w.liaisonPending, w.entPending, "r.csv", okFile)).statusCode, 422);
  const unknown = await upload(app, w.admin, 98765, "r.csv", okFile);
  t2.equal(unknown.statusCode, 400);
  t2.ok(unknown.json().error.fields.enterpriseId);
  const noFile = multipart({ enterpriseId: String(w.entA) });
  t2.equal((await injectAs(app, w.liaisonA, { method: "POST", url: "/api/v1/membership-imports", payload: noFile.payload, headers: noFile.headers })).statusCode, 400);
  t2.equal(app.db.select().from(memberships).all().length, 0);
  t2.equal(app.db.select().from(rosterImports).all().length, 0);
});
t.test("XLSX: reading stops past the row limit; a file at the limit, blank rows aside, is read", async (t2) => {
  const header = ["\u59D3\u540D", "\u8EAB\u4EFD\u8BC1\u53F7\u7801", "\u624B\u673A\u53F7\u7801"];
  const people = (n) => Array.from({ length: n }, (_, i) => [`\u804C\u5DE5${i}`, "530102199005170011", `186${String(i).padStart(8, "0")}`]);
  const atLimit = await readRosterFile("r.xlsx", await xlsx([[], header, ...people(10), [], ["  ", ""], ...people(MAX_IMPORT_ROWS - 10)]));
  t2.equal(atLimit.rows.length, MAX_IMPORT_ROWS, "blank rows are not counted");
  t2.same(atLimit.columns, { name: 0, idNumber: 1, mobile: 2 });
  const app = await build(t2);
  const w = await world(app);
  const res = await upload(app, w.liaisonA, w.entA, "big.xlsx", await xlsx([header, ...people(MAX_IMPORT_ROWS + 1)]));
  t2.equal(res.statusCode, 400);
  t2.match(res.json().error.fields.file, /50000 行/);
  t2.equal(app.db.select().from(rosterImports).all().length, 0);
});
t.test("XLSX: only the first sheet is read, whichever part of the file holds it", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const wb = new ExcelJS.Workbook();
  const scratch = wb.addWorksheet("\u8349\u7A3F");
  const roster2 = wb.addWorksheet("\u540D\u518C");
  wb.removeWorksheet(scratch.id);
  const notes = wb.addWorksheet("\u8BF4\u660E");
  roster2.addRow(["\u59D3\u540D", "\u8EAB\u4EFD\u8BC1\u53F7\u7801"]);
  roster2.addRow(["\u5F20\u4E00", uniqueResidentId()]);
  roster2.addRow(["\u5F20\u4E8C", uniqueResidentId()]);
  notes.addRow(["\u59D3\u540D", "\u8EAB\u4EFD\u8BC1\u53F7\u7801"]);
  notes.addRow(["\u4E0D\u8BE5\u5BFC\u5165", uniqueResidentId()]);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  t2.ok(data.includes("xl/worksheets/sheet2.xml") && data.includes("xl/worksheets/sheet1.xml"));
  const res = await upload(app, w.liaisonA, w.entA, "two-sheets.xlsx", data);
  t2.equal(res.statusCode, 201, res.body);
  t2.match(res.json(), { totalRows: 2, createdRows: 2, invalidRows: 0 });
  t2.same(app.db.select().from(memberships).all().map((m) => m.name).sort(), ["\u5F20\u4E00", "\u5F20\u4E8C"]);
});
t.test("XLSX cells read as Excel shows them: numbers, rich text, formula results", async (t2) => {
  const ids = [uniqueResidentId(), uniqueResidentId(), uniqueResidentId()];
  while (ids[2].endsWith("X")) ids[2] = uniqueResidentId();
  const rows = [
    ["\u59D3\u540D", "\u8EAB\u4EFD\u8BC1\u53F7\u7801", "\u624B\u673A\u53F7\u7801"],
    [{ richText: [{ text: "\u5F20" }, { font: { bold: true }, text: "\u4E00" }] }, { formula: 'CONCAT("' + ids[0].slice(0, 9) + '","' + ids[0].slice(9) + '")', result: ids[0] }, 13800000001],
    ["\u5F20\u4E8C", ids[1], { formula: "13800000000+2", result: 13800000002 }],
    ["\u5F20\u4E09", ids[2], { sharedFormula: "C3", result: 13800000003 }],
    // An ID typed as a number has lost its last digits before the file was saved: it is read as
    // Excel shows it, never as digits.
    ["\u5F20\u56DB", Number(ids[2]), 1.5]
  ];
  const parsed = await readRosterFile("r.xlsx", await xlsx(rows));
  t2.same(parsed.rows, [
    ["\u5F20\u4E00", ids[0], "13800000001"],
    ["\u5F20\u4E8C", ids[1], "13800000002"],
    ["\u5F20\u4E09", ids[2], "13800000003"],
    ["\u5F20\u56DB", excelNumberText(Number(ids[2])), "1.5"]
  ]);
  const app = await build(t2);
  const w = await world(app);
  const res = await upload(app, w.staffA, w.entA, "cells.xlsx", await xlsx(rows.slice(0, 4)));
  t2.equal(res.statusCode, 201, res.body);
  t2.match(res.json(), { createdRows: 3, invalidRows: 0 });
  const created = app.db.select().from(memberships).all();
  t2.same(created.map((m) => [m.name, app.pii.decrypt(m.idCipher), m.mobile]).sort(), [
    ["\u5F20\u4E00", ids[0], "13800000001"],
    ["\u5F20\u4E8C", ids[1], "13800000002"],
    ["\u5F20\u4E09", ids[2], "13800000003"]
  ].sort());
});
t.test("a corrupt or hostile XLSX is refused with a 400, and nothing is written", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const files = await xlsxFiles([["\u59D3\u540D", "\u8EAB\u4EFD\u8BC1\u53F7\u7801"], ["\u5F20\u4E00", uniqueResidentId()]]);
  const sheetName = Object.keys(files).find((n) => n.startsWith("xl/worksheets/sheet"));
  const good = zip(files);
  t2.equal((await readRosterFile("r.xlsx", good)).rows.length, 1, "the same files, zipped here, are read");
  const sheetXml = (rows) => '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>\u59D3\u540D</t></is></c><c r="B1" t="inlineStr"><is><t>\u8EAB\u4EFD\u8BC1\u53F7\u7801</t></is></c></row>' + rows + "</sheetData></worksheet>";
  const emptyRow = '<row r="2"/>' + " ".repeat(4e3);
  const cases = [
    ["a zip that is not a workbook", zip({ "hello.txt": "hello" }), /没有数据行/],
    ["cut in half", good.subarray(0, Math.floor(good.length / 2)), /无法读取/],
    ["the sheet is not XML", zip({ ...files, [sheetName]: "this is not <xml" }), /无法读取/],
    ["the sheet is not deflate data", zip({ ...files, [sheetName]: { packed: Buffer.from("not deflate data at all"), size: 5e3 } }), /无法读取/],
    ["the sheet is bigger than it says", zip({ ...files, [sheetName]: { packed: deflateRawSync(sheetXml(emptyRow.repeat(1e4))), size: 1e3 } }), /无法读取/],
    ["65 MiB of sheet (a zip bomb)", zip({ ...files, [sheetName]: sheetXml(emptyRow.repeat(Math.ceil(65 * 1024 * 1024 / emptyRow.length))) }), /无法读取/],
    ["more rows than Excel allows", zip({ ...files, [sheetName]: sheetXml('<row r="2"/>'.repeat(1048577)) }), /无法读取/],
    ["a cell of 2 MiB", zip({ ...files, [sheetName]: sheetXml(`<row r="2"><c r="A2" t="inlineStr"><is><t>${"\u5F20".repeat(7e5)}</t></is></c></row>`) }), /无法读取/],
    ["cells far to the right", zip({ ...files, [sheetName]: sheetXml('<row r="2"><c r="XFD2"/></row>'.repeat(2e3)) }), /无法读取/],
    ["40 MiB of shared strings", zip({ ...files, "xl/sharedStrings.xml": { packed: deflateRawSync("<sst/>"), size: 40 * 1024 * 1024 } }), /无法读取/]
  ];
  for (const [name, data, msg] of cases) {
    const res = await upload(app, w.liaisonA, w.entA, "r.xlsx", data);
    t2.equal(res.statusCode, 400, name);
    t2.match(res.json().error.fields.file, msg, name);
  }
  t2.equal(app.db.select().from(rosterImports).all().length, 0);
  t2.equal(app.db.select().from(memberships).all().length, 0);
});
t.test("XLSX: every character of every name survives the streaming read, however the parts are cut", async (t2) => {
  const names = Array.from({ length: 3e3 }, (_, i) => String.fromCodePoint(19968 + i, 24576 + i * 7 % 4e3) + (i % 5 === 0 ? String.fromCodePoint(131072 + i) : "") + String(i));
  const rows = [["\u59D3\u540D", "\u8EAB\u4EFD\u8BC1\u53F7\u7801"], ...names.map((n, i) => [n, `ID${i}`])];
  const deflated = await xlsx(rows);
  const files = await xlsxFiles(rows);
  const storedZip = zip(files, { stored: true });
  for (const [how, data] of [["deflated", deflated], ["stored", storedZip]]) {
    const parsed2 = await readRosterFile("r.xlsx", data);
    const got = parsed2.rows.map((r) => r[parsed2.columns.name]);
    const wrong2 = got.filter((n, i) => n !== names[i]);
    t2.same(wrong2, [], `${how}: no name changed (${wrong2.length} of ${names.length} were)`);
    t2.same(parsed2.rows.map((r) => r[parsed2.columns.idNumber]), names.map((_, i) => `ID${i}`), `${how}: the IDs too`);
  }
  const sheetName = Object.keys(files).find((n) => n.startsWith("xl/worksheets/sheet"));
  const inline = (r, col, text) => `<c r="${col}${r}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${inline(1, "A", "\u59D3\u540D")}${inline(1, "B", "\u8EAB\u4EFD\u8BC1\u53F7\u7801")}</row>` + names.map((n, i) => `<row r="${i + 2}">${inline(i + 2, "A", n)}${inline(i + 2, "B", `ID${i}`)}</row>`).join("") + "</sheetData></worksheet>";
  const { "xl/sharedStrings.xml": _strings, ...noStrings } = files;
  const parsed = await readRosterFile("r.xlsx", zip({ ...noStrings, [sheetName]: sheet }));
  const wrong = parsed.rows.map((r) => r[parsed.columns.name]).filter((n, i) => n !== names[i]);
  t2.same(wrong, [], `inline strings: no name changed (${wrong.length} were)`);
});
t.test("XLSX: far-right columns cost no memory per row (only the columns read are kept)", async (t2) => {
  const files = await xlsxFiles([["\u59D3\u540D", "\u8EAB\u4EFD\u8BC1\u53F7\u7801"], ["\u5F20\u4E00", uniqueResidentId()]]);
  const sheetName = Object.keys(files).find((n) => n.startsWith("xl/worksheets/sheet"));
  const inline = (r, col, text) => `<c r="${col}${r}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${inline(1, "XFC", "\u59D3\u540D")}${inline(1, "XFD", "\u8EAB\u4EFD\u8BC1\u53F7\u7801")}</row>` + Array.from({ length: 1e3 }, (_, i) => `<row r="${i + 2}">${inline(i + 2, "XFC", `\u804C\u5DE5${i}`)}${inline(i + 2, "XFD", `ID${i}`)}</row>`).join("") + "</sheetData></worksheet>";
  const data = zip({ ...files, [sheetName]: sheet });
  t2.ok(data.length < 1e5, `a small upload (${data.length} bytes)`);
  const parsed = await readRosterFile("r.xlsx", data);
  t2.equal(parsed.rows.length, 1e3);
  t2.equal(parsed.rows[999][parsed.columns.name], "\u804C\u5DE5999");
  t2.equal(parsed.rows[999][parsed.columns.idNumber], "ID999");
  t2.ok(parsed.rows.every((r) => r.length <= 3), `rows hold the columns read only (the longest: ${Math.max(...parsed.rows.map((r) => r.length))})`);
});
t.test("CSV: a line wider than the column limit is refused (10 MB of commas would be millions of fields)", async (t2) => {
  const wide = Buffer.from("\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801\n\u5F20\u4E00," + ",".repeat(MAX_CSV_COLUMNS) + "\n");
  const refusal = async (data) => await readRosterFile("r.csv", data).then(() => "read", (err) => err.fields);
  const tooWide = { file: { key: "memberships.import.tooManyColumns", params: { max: MAX_CSV_COLUMNS } } };
  t2.same(await refusal(wide), tooWide);
  const atLimit = Buffer.from("\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801" + ",".repeat(MAX_CSV_COLUMNS - 2) + "\n\u5F20\u4E00,110101199003071234\n");
  t2.equal((await readRosterFile("r.csv", atLimit)).rows.length, 1, `${MAX_CSV_COLUMNS} columns are read`);
  const commas = Buffer.from("\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801\n" + (",".repeat(6e4) + "\n").repeat(160));
  t2.same(await refusal(commas), tooWide, "a file of commas: refused at its first line");
  const app = await build(t2);
  const w = await world(app);
  const res = await upload(app, w.liaisonA, w.entA, "wide.csv", wide);
  t2.equal(res.statusCode, 400);
  t2.match(res.json().error.fields.file, `\u8D85\u8FC7 ${MAX_CSV_COLUMNS} \u5217`, "the reason beside the file field, in Chinese");
  t2.equal(app.db.select().from(memberships).all().length, 0, "nothing written");
});
t.test("GB18030 CSV (as saved by a Chinese Excel) is read", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const gbHeader = Buffer.from([208, 213, 195, 251, 44, 201, 237, 183, 221, 214, 164, 186, 197, 194, 235, 13, 10]);
  const gbName = Buffer.from([213, 197, 210, 187]);
  const data = Buffer.concat([gbHeader, gbName, Buffer.from("," + uniqueResidentId() + "\r\n")]);
  const res = await upload(app, w.liaisonA, w.entA, "gb.csv", data);
  t2.equal(res.statusCode, 201, res.body);
  t2.equal(res.json().createdRows, 1);
  t2.equal(app.db.select().from(memberships).get().name, "\u5F20\u4E00");
});
t.test("a large file runs in the background with progress, and lands in one piece", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  let body = "\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801,\u624B\u673A\u53F7\u7801\r\n";
  for (let i = 0; i < 2500; i++) body += `\u804C\u5DE5${i},${uniqueResidentId("1980-01-01")},\r
`;
  const res = await upload(app, w.staffA, w.entA, "big.csv", Buffer.from(body));
  t2.equal(res.statusCode, 202);
  t2.equal(res.json().status, "running");
  let status = res.json();
  for (let i = 0; i < 200 && !status.done; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    status = (await injectAs(app, w.staffA, { method: "GET", url: `/api/v1/membership-imports/${res.json().id}` })).json();
  }
  t2.match(status, { done: true, status: "done", processed: 2500, total: 2500, createdRows: 2500 });
  t2.equal(app.db.select().from(memberships).all().length, 2500);
});
t.test("the import page: consent and file required beside the fields; upload with the CSRF token in the query", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const s = new PageSession(app);
  await s.login(w.liaisonA.phone);
  const page = await s.get("/memberships/import");
  t2.equal(page.statusCode, 200);
  t2.match(page.body, 'enctype="multipart/form-data"');
  const cookie = [...s.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const send = async (fields, file) => {
    const m = multipart(fields, file);
    return await app.inject({ method: "POST", url: `/memberships/import?_csrf=${encodeURIComponent(s.csrf)}`, payload: m.payload, headers: { ...m.headers, cookie, accept: "text/html" } });
  };
  const noConsent = await send({ enterpriseId: String(w.entA) }, { name: "r.csv", bytes: Buffer.from("\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801\r\n\u5F20\u4E00," + uniqueResidentId() + "\r\n") });
  t2.equal(noConsent.statusCode, 400);
  t2.match(noConsent.body, "f-consent-error");
  const badType = await send({ enterpriseId: String(w.entA), consent: "on" }, { name: "r.pdf", bytes: Buffer.from("%PDF-1.4") });
  t2.equal(badType.statusCode, 400);
  t2.match(badType.body, /id="f-file-error">只能上传 CSV 或 Excel/);
  const ok = await send({ enterpriseId: String(w.entA), consent: "on" }, { name: "r.csv", bytes: Buffer.from("\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801\r\n\u5F20\u4E00," + uniqueResidentId() + "\r\n") });
  t2.equal(ok.statusCode, 302);
  const status = await s.get(ok.headers.location);
  t2.match(status.body, "\u65B0\u589E\uFF1A1 \u884C");
  const noToken = multipart({ enterpriseId: String(w.entA), consent: "on" });
  t2.equal((await app.inject({ method: "POST", url: "/memberships/import", payload: noToken.payload, headers: { ...noToken.headers, cookie, accept: "text/html" } })).statusCode, 403);
  const plain = await createUser(app);
  const ps = new PageSession(app);
  await ps.login(plain.phone);
  t2.equal((await ps.get("/memberships/import")).statusCode, 403);
});
t.test("no file or column the portal writes holds a resident ID number in plain text", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const ids = [];
  for (let i = 0; i < 3; i++) {
    const m = await member(app, w.entA, w.liaisonA, "\u6210\u5458" + i);
    ids.push(m.idNumber);
  }
  const pendingOne = await member(app, w.entB);
  ids.push(pendingOne.idNumber);
  const r = roster(ids[0], "13700000000");
  ids.push(...r.all.filter((x) => /^\d{17}[\dXx]$/.test(x)));
  const res = await upload(app, w.staffA, w.entA2, "r.csv", r.csv);
  t2.equal(res.statusCode, 201);
  await injectAs(app, w.staffA, { method: "POST", url: `/api/v1/memberships/${ids.length > 0 ? 1 : 0}/leave` });
  const staff = new PageSession(app);
  await staff.login(w.staffA.phone);
  await staff.get("/memberships/export.csv");
  const report = app.db.select().from(rosterImports).get().errorReport;
  const files = [app.config.databasePath, app.config.databasePath + "-wal"].filter(existsSync).map((f) => readFileSync(f).toString("latin1"));
  t2.ok(files.join("").length > 1e4, "the database files were read");
  for (const id of ids) {
    for (const variant of [id.toUpperCase(), id.toLowerCase()]) {
      t2.notOk(files.some((bytes) => bytes.includes(variant)), `database files hold no ${variant.slice(0, 6)}\u2026`);
      t2.notOk(report.includes(variant), "error report holds no full ID");
    }
  }
});
//# sourceMappingURL=roster-import.test.js.map
