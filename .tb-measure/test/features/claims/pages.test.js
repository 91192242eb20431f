import t from "tap";
import { build, PageSession } from "../../helper.js";
import { aidClaims, aidClaimDocuments } from "../../../src/db/schema/index.js";
import { claimWorld, TINY_PDF } from "./fixtures.js";
import { multipart } from "../../multipart.js";
const form = (o = {}) => ({
  admissionDate: "2026-05-01",
  dischargeDate: "2026-05-10",
  hospital: "\u4E91\u5357\u7701\u7B2C\u4E00\u4EBA\u6C11\u533B\u9662",
  invoiceNo: "P-001",
  totalCost: "50000",
  insurancePaid: "15000.00",
  excluded: "5000",
  consent: "on",
  idempotencyKey: "page-key-0001",
  ...o
});
t.test("the claim form: yuan, consent, hidden token; errors beside the fields; refusals explained; a double submit stores one claim", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const s = new PageSession(app);
  await s.login(w.member.user.phone);
  const page = await s.get("/aid/claims/new");
  t2.equal(page.statusCode, 200);
  t2.match(page.body, /name="idempotencyKey" value="[0-9a-f-]{36}"/);
  t2.match(page.body, /name="consent"/);
  t2.match(page.body, /仅申请人本人和负责审核的工作人员可以查看/);
  const bad = await s.post("/aid/claims", form({ totalCost: "12.345", consent: "", dischargeDate: "2026-04-30" }));
  t2.equal(bad.statusCode, 400);
  t2.match(bad.body, /id="f-totalCost-error"[^>]*>请填写金额/);
  t2.match(bad.body, /id="f-consent-error"[^>]*>请阅读并勾选同意/);
  t2.match(bad.body, /出院日期不能早于入院日期/);
  t2.match(bad.body, /value="云南省第一人民医院"/, "values kept");
  const waiting = await s.post("/aid/claims", form({ admissionDate: "2026-04-01", idempotencyKey: "page-key-0002" }));
  t2.equal(waiting.statusCode, 422);
  t2.match(waiting.body, /等待期内.*2026-04-10/);
  const ok = await s.post("/aid/claims", form());
  t2.equal(ok.statusCode, 303);
  const again = await s.post("/aid/claims", form());
  t2.equal(again.statusCode, 303);
  t2.equal(again.headers.location, ok.headers.location, "the same token leads to the same claim");
  t2.equal(app.db.select().from(aidClaims).all().length, 1);
  const claim = app.db.select().from(aidClaims).get();
  t2.equal(claim.totalCostFen, 5e6);
  t2.equal(claim.insurancePaidFen, 15e5);
  const view = await s.get(ok.headers.location);
  t2.equal(view.statusCode, 200);
  t2.match(view.body, /报销申请已提交/);
  t2.match(view.body, /¥4,700\.00/);
  t2.match(view.body, /enctype="multipart\/form-data"/);
  const m = multipart({ kind: "invoice" }, { name: "inv.pdf", type: "application/pdf", bytes: TINY_PDF });
  const cookie = [...s.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const up = await app.inject({ method: "POST", url: `/aid/claims/${claim.id}/documents?_csrf=${encodeURIComponent(s.csrf)}`, payload: m.payload, headers: { ...m.headers, cookie, accept: "text/html" } });
  t2.equal(up.statusCode, 303, up.body.slice(0, 300));
  t2.equal(app.db.select().from(aidClaimDocuments).all().length, 1);
  const noCsrf = await app.inject({ method: "POST", url: `/aid/claims/${claim.id}/documents`, payload: m.payload, headers: { ...m.headers, cookie, accept: "text/html" } });
  t2.equal(noCsrf.statusCode, 403);
  const fake = multipart({ kind: "invoice" }, { name: "fake.pdf", type: "application/pdf", bytes: Buffer.from("just text") });
  const refused = await app.inject({ method: "POST", url: `/aid/claims/${claim.id}/documents?_csrf=${encodeURIComponent(s.csrf)}`, payload: fake.payload, headers: { ...fake.headers, cookie, accept: "text/html" } });
  t2.equal(refused.statusCode, 400);
  t2.match(refused.body, /id="f-file-error"[^>]*>只接受 PDF、JPEG 或 PNG/);
  const list = await s.get("/aid/claims");
  t2.match(list.body, new RegExp(`/aid/claims/${claim.id}`));
  t2.match(list.body, /已提交/);
});
t.test("review pages: the queue with counts, approve and reject forms, settlement sheet, payment and fund pages", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const member = new PageSession(app);
  await member.login(w.member.user.phone);
  await member.get("/aid/claims/new");
  const first = await member.post("/aid/claims", form());
  const id1 = Number(first.headers.location.split("/").pop());
  await member.get("/aid/claims/new");
  const second = await member.post("/aid/claims", form({ invoiceNo: "P-002", idempotencyKey: "page-key-0003" }));
  const id2 = Number(second.headers.location.split("/").pop());
  const staff = new PageSession(app);
  await staff.login(w.staff.phone);
  const queue = await staff.get("/aid/review");
  t2.equal(queue.statusCode, 200);
  t2.match(queue.body, /已提交 2/);
  t2.match(queue.body, /李娟/);
  t2.ok(queue.body.indexOf(`#${id1}`) < queue.body.indexOf(`#${id2}`), "oldest first");
  t2.equal((await staff.get(`/aid/review?building=${w.otherBuildingId}`)).statusCode, 403);
  t2.equal((await staff.get("/aid/review?status=bogus")).statusCode, 400);
  const claimPage = await staff.get(`/aid/claims/${id1}`);
  t2.match(claimPage.body, /action="\/aid\/claims\/\d+\/approve"/);
  const approved = await staff.post(`/aid/claims/${id1}/approve`, {});
  t2.equal(approved.statusCode, 303);
  const twice = await staff.post(`/aid/claims/${id1}/approve`, {});
  t2.equal(twice.statusCode, 303, "a state that moved on is explained on the claim page");
  t2.match((await staff.get(`/aid/claims/${id1}`)).body, /状态已经改变/);
  await staff.get(`/aid/claims/${id2}`);
  const noNote = await staff.post(`/aid/claims/${id2}/reject`, { reasonCode: "OTHER", note: "" });
  t2.equal(noNote.statusCode, 400);
  t2.match(noNote.body, /id="f-note-error"/);
  t2.equal((await staff.post(`/aid/claims/${id2}/reject`, { reasonCode: "DOCUMENTS_MISSING" })).statusCode, 303);
  const rejectedView = await member.get(`/aid/claims/${id2}`);
  t2.match(rejectedView.body, /材料不全/);
  t2.match(rejectedView.body, new RegExp(`/aid/claims/new\\?from=${id2}`));
  const corrected = await member.get(`/aid/claims/new?from=${id2}`);
  t2.match(corrected.body, /name="resubmissionOf" value="\d+"/);
  t2.match(corrected.body, /value="P-002"/);
  const payouts = await staff.get("/aid/payouts");
  t2.match(payouts.body, new RegExp(`name="claimIds" value="${id1}"`));
  const batch = await staff.post("/aid/payouts", { claimIds: String(id1) });
  t2.equal(batch.statusCode, 303);
  const batchPage = await staff.get(batch.headers.location);
  t2.match(batchPage.body, /bank-file\.xlsx/);
  t2.match(batchPage.body, /须由另一位工作人员确认已支付/, "the maker is told a second person marks it paid");
  const csv = await staff.get(`${batch.headers.location}/bank-file.csv`);
  t2.match(csv.body, /李娟/);
  t2.equal((await staff.post(`${batch.headers.location}/paid`, { bankReference: "BOC-778899" })).statusCode, 403, "not by its maker");
  const checker = new PageSession(app);
  await checker.login(w.staff2.phone);
  await checker.get(batch.headers.location);
  t2.equal((await checker.post(`${batch.headers.location}/paid`, { bankReference: "" })).statusCode, 400);
  t2.equal((await checker.post(`${batch.headers.location}/paid`, { bankReference: "BOC-778899" })).statusCode, 303);
  const sheet = await member.get(`/aid/claims/${id1}/settlement`);
  t2.equal(sheet.statusCode, 200);
  t2.match(sheet.body, /职工医疗互助金结算单/);
  for (const text of ["\xA550,000.00", "\xA515,000.00", "\xA55,000.00", "\xA530,000.00", "\xA54,700.00", "10%", "15%", "20%", "BOC-778899", "\u672A\u89E6\u53CA\u4E0A\u9650", "data-print"]) t2.match(sheet.body, text);
  t2.notMatch(sheet.body, /尚未核准/);
  const sheetEn = await member.get(`/aid/claims/${id1}/settlement`, { "accept-language": "en" });
  t2.match(sheetEn.body, /settlement sheet/i);
  t2.equal((await new PageSession(app).get(`/aid/claims/${id1}/settlement`)).statusCode, 302, "signed out: to the sign-in page");
  const fund = await staff.get("/aid/fund");
  t2.equal(fund.statusCode, 200);
  t2.match(fund.body, /<svg[^>]*class="chart"/);
  t2.notMatch(fund.body, /style=/, "no inline style (CSP)");
  t2.match(fund.body, /赤字 ¥4,580.00/, 'payouts above income: the deficit shown plainly, never "balanced"');
  t2.notMatch(fund.body, /收支平衡/);
  t2.equal((await member.get("/aid/fund")).statusCode, 403);
  t2.equal((await member.get("/aid/review")).statusCode, 403);
});
//# sourceMappingURL=pages.test.js.map
