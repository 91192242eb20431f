import t from "tap";
import { build, injectAs, PageSession } from "../../helper.js";
import { member, world } from "./fixtures.js";
import { uniqueResidentId } from "../../factories.js";
import { multipart } from "../../multipart.js";
async function apiUpload(app, user, fields, file, lang = "zh") {
  const m = multipart(fields, file);
  return await injectAs(app, user, { method: "POST", url: "/api/v1/membership-imports", payload: m.payload, headers: { ...m.headers, "accept-language": lang } });
}
async function pageSession(app, user) {
  const s = new PageSession(app);
  await s.login(user.phone);
  await s.get("/memberships/import");
  const cookie = [...s.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const send = async (fields, file) => {
    const m = multipart(fields, file);
    return await app.inject({ method: "POST", url: `/memberships/import?_csrf=${encodeURIComponent(s.csrf)}`, payload: m.payload, headers: { ...m.headers, cookie, accept: "text/html" } });
  };
  return { s, send };
}
t.test("an import without a file says to choose one (API and page)", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const target = { enterpriseId: String(w.entA) };
  for (const [what, file] of [["no file part", void 0], ["the form's empty file input", { name: "", bytes: Buffer.alloc(0) }]]) {
    const zh = await apiUpload(app, w.liaisonA, target, file);
    t2.equal(zh.statusCode, 400, what);
    t2.match(zh.json().error.fields.file, /请选择要上传的文件/, what);
    const en = await apiUpload(app, w.liaisonA, target, file, "en");
    t2.match(en.json().error.fields.file, /Choose a file/, `${what}, English`);
  }
  const empty = await apiUpload(app, w.liaisonA, target, { name: "r.csv", bytes: Buffer.alloc(0) });
  t2.equal(empty.statusCode, 400);
  t2.match(empty.json().error.fields.file, /所选文件是空的.*请选择/, "a 0-byte file: choose the filled-in one");
  const { send } = await pageSession(app, w.liaisonA);
  const page = await send({}, { name: "", bytes: Buffer.alloc(0) });
  t2.equal(page.statusCode, 400);
  t2.match(page.body, 'id="f-file-error"');
  t2.match(page.body, "\u8BF7\u9009\u62E9\u8981\u4E0A\u4F20\u7684\u6587\u4EF6");
  t2.match(page.body, "f-consent-error", "the consent is asked for at the same time");
  t2.match(page.body, "f-enterpriseId-error", "and the enterprise");
});
t.test('the import list: \u884C\u6570, status in words; the status page never shows "done"', async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const { s, send } = await pageSession(app, w.liaisonA);
  const ok = await send({ enterpriseId: String(w.entA), consent: "on" }, { name: "r.csv", bytes: Buffer.from(`\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801\r
\u5F20\u4E00,${uniqueResidentId()}\r
`) });
  t2.equal(ok.statusCode, 302, ok.body);
  const status = await s.get(ok.headers.location);
  t2.notMatch(status.body, />\s*done\s*</);
  const list = await s.get("/memberships/import");
  t2.match(list.body, /<th class="num">行数<\/th>/);
  t2.match(list.body, /<td>已完成<\/td>/);
  t2.notMatch(list.body, />\s*(done|running|failed|queued)\s*</);
  const en = await s.get("/memberships/import", { "accept-language": "en" });
  t2.match(en.body, /<td>Finished<\/td>/);
});
t.test("a membership's history in words: step, who, what changed; no codes", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const rejected = await member(app, w.entA, void 0, "\u5B59\u4E3D");
  t2.equal((await injectAs(app, w.liaisonA, { method: "POST", url: `/api/v1/memberships/${rejected.id}/reject`, payload: { reason: "\u4E0D\u662F\u672C\u4F01\u4E1A\u5458\u5DE5" } })).statusCode, 200);
  const m = await member(app, w.entA, w.liaisonA, "\u94B1\u591A");
  const req = await injectAs(app, m.user, { method: "POST", url: `/api/v1/memberships/${m.id}/transfers`, payload: { enterpriseId: w.entB } });
  t2.equal((await injectAs(app, w.liaisonB, { method: "POST", url: `/api/v1/membership-transfers/${req.json().id}/confirm` })).statusCode, 200);
  const s = new PageSession(app);
  await s.login(w.admin.phone);
  const one = (await s.get(`/memberships/${rejected.id}`)).body;
  t2.match(one, /入会申请未通过 · 联络员甲 · 原因：不是本企业员工/);
  t2.match(one, /申请入会 · 孙丽/);
  const two = (await s.get(`/memberships/${m.id}`)).body;
  t2.match(two, new RegExp(`\u5165\u4F1A\u7533\u8BF7\u901A\u8FC7 \xB7 \u8054\u7EDC\u5458\u7532 \xB7 \u4F1A\u5458\u53F7 ${m.memberNo}`));
  t2.match(two, /申请转会 · 钱多 · 转往 盘龙物流有限公司/);
  t2.match(two, /转会已确认 · 联络员乙 · 已转入 盘龙物流有限公司/);
  const en = (await s.get(`/memberships/${m.id}`, { "accept-language": "en" })).body;
  t2.match(en, /Transfer confirmed · 联络员乙 · now at 盘龙物流有限公司/);
  for (const body of [one, two, en]) t2.notMatch(body, /membership\.[a-z_]+|\{"/, "no action code or JSON");
});
//# sourceMappingURL=words-and-empty-upload.test.js.map
