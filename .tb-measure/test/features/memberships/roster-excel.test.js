import t from "tap";
import ExcelJS from "exceljs";
import { build, injectAs, PageSession } from "../../helper.js";
import { memberships, rosterImports } from "../../../src/db/schema/index.js";
import { decodeCsv, excelNumberText, isExcelNumber, plausibleName } from "../../../src/features/memberships/roster-file.js";
import { rosterLimitForHeadcount } from "../../../src/features/memberships/roster-rows.js";
import { applyAs, world } from "./fixtures.js";
import { uniqueResidentId } from "../../factories.js";
import { multipart } from "../../multipart.js";
async function upload(app, user, enterpriseId, name, data, extra = {}, lang) {
  const body = multipart({ enterpriseId: String(enterpriseId), ...extra }, { name, bytes: data });
  return await injectAs(app, user, { method: "POST", url: "/api/v1/membership-imports", payload: body.payload, headers: { ...body.headers, ...lang === void 0 ? {} : { "accept-language": lang } } });
}
const GB = (() => {
  const map = /* @__PURE__ */ new Map();
  const decoder = new TextDecoder("gb18030");
  for (let lead = 161; lead <= 247; lead++) {
    for (let trail = 161; trail <= 254; trail++) {
      const c = decoder.decode(Uint8Array.from([lead, trail]));
      if (c.length === 1 && c !== "\uFFFD" && !map.has(c)) map.set(c, [lead, trail]);
    }
  }
  return map;
})();
function gbk(text) {
  const out = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 128) out.push(c.charCodeAt(0));
    else out.push(...GB.get(c));
  }
  return Buffer.from(out);
}
async function xlsx(rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("\u540D\u518C");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
t.test("Excel numbers: how an ID stored as a number looks, and what counts as one", async (t2) => {
  t2.equal(excelNumberText(110105199003078130), "1.10105199003078E+17");
  t2.equal(excelNumberText(12345), "1.2345E+4");
  for (const s of ["1.10105199003078E+17", "1.10105E+17", "1.1E17", "4.40524188001E+17"]) t2.ok(isExcelNumber(s), s);
  for (const s of ["11010519491231002X", "110105199003078123", "13800000001", "E+17", ""]) t2.notOk(isExcelNumber(s), s);
});
t.test("an ID that Excel stored as a number is refused with how to fix it, never imported as digits", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const holder = uniqueResidentId();
  const asNumber = excelNumberText(Number(holder));
  t2.equal(asNumber.endsWith("E+17"), true);
  const csv = Buffer.from(`\uFEFF\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801,\u624B\u673A\u53F7\u7801\r
\u738B\u4E00,${asNumber},13800000001\r
\u738B\u4E8C,1.10105E+17,\r
`);
  const res = await upload(app, w.liaisonA, w.entA, "r.csv", csv);
  t2.equal(res.statusCode, 201, res.body);
  t2.match(res.json(), { createdRows: 0, invalidRows: 2 });
  const report = await injectAs(app, w.liaisonA, { method: "GET", url: res.json().errorReportUrl });
  t2.match(report.body, /Excel 把身份证号码存成了数字.*“文本”格式/);
  t2.notMatch(report.body, holder.slice(2, 15), "the digits Excel kept are not in the report");
  const good = uniqueResidentId();
  const book = await xlsx([["name", "ID number", "mobile"], ["\u674E\u4E00", Number(holder), 13800000002], ["\u674E\u4E8C", good, 13800000003]]);
  const res2 = await upload(app, w.staffA, w.entA, "r.xlsx", book, {}, "en");
  t2.equal(res2.statusCode, 201, res2.body);
  t2.match(res2.json(), { createdRows: 1, invalidRows: 1 });
  const report2 = await injectAs(app, w.staffA, { method: "GET", url: res2.json().errorReportUrl, headers: { "accept-language": "en" } });
  t2.match(report2.body, /Excel stored the ID number as a number.*Format the column as Text/);
  const created = app.db.select().from(memberships).all();
  t2.same(created.map((m) => [m.name, app.pii.decrypt(m.idCipher), m.mobile]), [["\u674E\u4E8C", good, "13800000003"]], "the phone stored as a number is exact");
  const real = await applyAs(app, w.liaisonB, { enterpriseId: w.entA, name: "\u738B\u4E00", idNumber: holder });
  t2.equal(real.statusCode, 201, real.body);
});
t.test("a GBK CSV whose bytes are also valid UTF-8 (\u90D1\u4F1F, \u53F6\u840D, an English header) is read as GBK", async (t2) => {
  const data = Buffer.concat([Buffer.from("name,idNumber\r\n"), gbk("\u90D1\u4F1F"), Buffer.from("," + uniqueResidentId() + "\r\n"), gbk("\u53F6\u840D"), Buffer.from("," + uniqueResidentId() + "\r\n")]);
  const asUtf8 = new TextDecoder("utf-8", { fatal: true }).decode(data);
  t2.notMatch(asUtf8, /郑伟|叶萍/, `valid UTF-8 too, and garbled so: ${asUtf8.split("\r\n")[1]}`);
  t2.match(decodeCsv(data), /郑伟.*\r\n叶萍/s);
  const app = await build(t2);
  const w = await world(app);
  const res = await upload(app, w.liaisonA, w.entA, "gb.csv", data);
  t2.equal(res.statusCode, 201, res.body);
  t2.equal(res.json().createdRows, 2);
  t2.same(app.db.select().from(memberships).all().map((m) => m.name).sort(), ["\u53F6\u840D", "\u90D1\u4F1F"].sort());
  const utf8 = Buffer.from("\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801\r\n\u5F20\u4F1F," + uniqueResidentId() + "\r\n");
  t2.match(decodeCsv(utf8), "\u5F20\u4F1F");
});
t.test("a CSV that reads plausibly neither way (or both) is not guessed: the uploader chooses", async (t2) => {
  const name = Buffer.from([216, 161, 216, 162]);
  const gbName = new TextDecoder("gb18030").decode(name);
  const utf8Name = new TextDecoder("utf-8").decode(name);
  t2.notOk(plausibleName(gbName));
  t2.notOk(plausibleName(utf8Name));
  const data = Buffer.concat([Buffer.from("name,idNumber\r\n"), name, Buffer.from("," + uniqueResidentId() + "\r\n")]);
  const app = await build(t2);
  const w = await world(app);
  const asked = await upload(app, w.liaisonA, w.entA, "r.csv", data);
  t2.equal(asked.statusCode, 400, asked.body);
  t2.equal(asked.json().error.code, "ENCODING_AMBIGUOUS");
  t2.match(asked.json().error.fields.encoding, gbName, "the names as GBK");
  t2.match(asked.json().error.fields.encoding, utf8Name, "the names as UTF-8");
  t2.equal(app.db.select().from(rosterImports).all().length, 0, "nothing written");
  const chosen = await upload(app, w.liaisonA, w.entA, "r.csv", data, { encoding: "gbk" });
  t2.equal(chosen.statusCode, 201, chosen.body);
  t2.equal(app.db.select().from(memberships).get().name, gbName);
  const bad = await upload(app, w.liaisonA, w.entA, "r2.csv", data, { encoding: "latin1" });
  t2.equal(bad.statusCode, 400);
  t2.ok(bad.json().error.fields.encoding);
  const s = new PageSession(app);
  await s.login(w.liaisonA.phone);
  await s.get("/memberships/import");
  const cookie = [...s.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const m = multipart({ enterpriseId: String(w.entA2), consent: "on" }, { name: "r.csv", bytes: data });
  const page = await app.inject({ method: "POST", url: `/memberships/import?_csrf=${encodeURIComponent(s.csrf)}`, payload: m.payload, headers: { ...m.headers, cookie, accept: "text/html" } });
  t2.equal(page.statusCode, 400);
  t2.match(page.body, 'id="f-encoding-error"');
  t2.match(page.body, 'name="encoding" value="gb18030"');
  t2.match(page.body, gbName);
});
t.test("headcount limit: max(2 \xD7 headcount, headcount + 20) rows for a liaison; staff may import more", async (t2) => {
  for (const [headcount, max] of [[0, 20], [10, 30], [20, 40], [21, 42], [100, 200]]) t2.equal(rosterLimitForHeadcount(headcount), max, `headcount ${headcount}`);
  const app = await build(t2);
  const w = await world(app);
  const csv = (n) => Buffer.from("\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801\r\n" + Array.from({ length: n }, (_, i) => `\u804C\u5DE5${i},${uniqueResidentId()}\r
`).join(""));
  const over = await upload(app, w.liaisonA, w.entA, "r.csv", csv(41));
  t2.equal(over.statusCode, 422, over.body);
  t2.equal(over.json().error.code, "ROSTER_EXCEEDS_HEADCOUNT");
  t2.match(over.json().error.message, /41 行.*20 人.*40 行/);
  const en = await upload(app, w.liaisonA, w.entA, "r.csv", csv(41), {}, "en");
  t2.match(en.json().error.message, /41 rows.*40 allowed.*headcount of 20/);
  t2.equal(app.db.select().from(rosterImports).all().length, 0, "nothing written");
  t2.equal(app.db.select().from(memberships).all().length, 0);
  t2.equal((await upload(app, w.liaisonA, w.entA, "r.csv", csv(40))).statusCode, 201, "at the limit");
  t2.equal((await upload(app, w.staffA, w.entA2, "r.csv", csv(60))).statusCode, 201, "staff: larger");
  t2.equal((await upload(app, w.admin, w.entB, "r.csv", csv(60))).statusCode, 201, "admin: larger");
  t2.equal(app.db.$client.pragma("synchronous", { simple: true }), 2, "imports leave the connection at synchronous FULL");
});
t.test("the XLSX template keeps IDs as text, and reads back as a roster; the roster exports as XLSX with text numbers", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const s = new PageSession(app);
  await s.login(w.staffA.phone);
  const tpl = await s.get("/memberships/import/template.xlsx");
  t2.equal(tpl.statusCode, 200);
  t2.match(tpl.headers["content-type"], "spreadsheetml");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(tpl.rawPayload);
  const sheet = book.worksheets[0];
  t2.same(sheet.getRow(1).values.slice(1), ["\u59D3\u540D", "\u8EAB\u4EFD\u8BC1\u53F7\u7801", "\u624B\u673A\u53F7\u7801"]);
  t2.equal(sheet.getCell("B2").numFmt, "@", "the ID column is Text");
  t2.equal(sheet.getCell("C2").numFmt, "@", "the mobile column is Text");
  const id = uniqueResidentId();
  sheet.getCell("A2").value = "\u8D75\u4E00";
  sheet.getCell("B2").value = id;
  sheet.getCell("C2").value = "13800000009";
  const filled = Buffer.from(await book.xlsx.writeBuffer());
  const res = await upload(app, w.staffA, w.entA, "filled.xlsx", filled);
  t2.equal(res.statusCode, 201, res.body);
  t2.equal(res.json().createdRows, 1);
  const exp = await s.get("/memberships/export.xlsx");
  t2.equal(exp.statusCode, 200);
  t2.match(exp.headers["content-disposition"], /members-.*\.xlsx/);
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(exp.rawPayload);
  const rows = out.worksheets[0].getSheetValues().filter(Boolean);
  t2.equal(rows.length, 2, "header and one member");
  t2.equal(rows[0][2], "\u59D3\u540D");
  t2.equal(typeof rows[1][1], "string", "the member number is text");
  t2.equal(rows[1][5], "13800000009", "the mobile is text, every digit");
  t2.equal(out.worksheets[0].getCell("A2").numFmt, "@");
});
//# sourceMappingURL=roster-excel.test.js.map
