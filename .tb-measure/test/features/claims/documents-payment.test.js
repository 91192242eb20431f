import t from "tap";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { build, injectAs } from "../../helper.js";
import { aidClaimDocuments, aidClaims, aidPaymentBatches, auditLog } from "../../../src/db/schema/index.js";
import { claimBody, claimWorld, idemKey, insertMember, TINY_JPEG, TINY_PDF, TINY_PNG } from "./fixtures.js";
import { multipart } from "../../multipart.js";
async function newClaim(app, u, patch = {}) {
  const res = await injectAs(app, u, { method: "POST", url: "/api/v1/aid/claims", payload: claimBody(patch), headers: { "idempotency-key": idemKey() } });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}
function upload(app, u, claimId, kind, file, headers = {}) {
  const m = multipart(kind === void 0 ? {} : { kind }, file);
  return injectAs(app, u, { method: "POST", url: `/api/v1/aid/claims/${claimId}/documents`, payload: m.payload, headers: { ...m.headers, ...headers } });
}
function allFiles(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...allFiles(p));
    else out.push(p);
  }
  return out;
}
t.test("documents: real PDF, PNG and JPEG are accepted by their bytes, stored encrypted, served only to the claimant and reviewers", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const id = await newClaim(app, w.member.user);
  const files = [
    { kind: "invoice", name: "\u53D1\u7968.pdf", type: "application/pdf", bytes: TINY_PDF, mime: "application/pdf" },
    // The name and the declared type lie; the bytes decide.
    { kind: "discharge_summary", name: "summary.pdf", type: "application/pdf", bytes: TINY_PNG, mime: "image/png" },
    { kind: "insurance_statement", name: "sheet", type: "application/octet-stream", bytes: TINY_JPEG, mime: "image/jpeg" }
  ];
  const ids = [];
  for (const f of files) {
    const res = await upload(app, w.member.user, id, f.kind, f);
    t2.equal(res.statusCode, 201, res.body);
    t2.equal(res.json().mime, f.mime);
    t2.equal(res.json().kind, f.kind);
    ids.push(res.json().id);
  }
  t2.equal(app.db.select().from(aidClaimDocuments).get().fileName, "\u53D1\u7968.pdf");
  t2.equal(app.db.select().from(aidClaimDocuments).where(eq(aidClaimDocuments.id, ids[1])).get().fileName, "summary.png", "the extension follows the real type");
  const stored = allFiles(app.config.uploadDir);
  t2.equal(stored.length, 3);
  for (const p of stored) {
    const raw = readFileSync(p);
    t2.notOk(raw.includes(TINY_PDF.subarray(0, 20)), "no plain PDF");
    t2.notOk(raw.subarray(0, 8).equals(TINY_PNG.subarray(0, 8)), "no PNG signature");
    t2.not(raw.subarray(0, 3).toString("hex"), "ffd8ff", "no JPEG signature");
  }
  const read = (u, docId) => injectAs(app, u, { method: "GET", url: `/api/v1/aid/claims/${id}/documents/${docId}` });
  const mine = await read(w.member.user, ids[0]);
  t2.equal(mine.statusCode, 200);
  t2.same(mine.rawPayload, TINY_PDF, "decrypted for the claimant");
  t2.equal(mine.headers["content-type"], "application/pdf");
  t2.equal(mine.headers["x-content-type-options"], "nosniff");
  t2.match(mine.headers["content-disposition"], /attachment; filename=/);
  const png = await read(w.staff, ids[1]);
  t2.equal(png.statusCode, 200, "a reviewer reads it");
  t2.equal(png.headers["content-type"], "image/png");
  t2.same(png.rawPayload, TINY_PNG);
  t2.equal((await read(w.admin, ids[2])).statusCode, 200);
  t2.equal((await read(w.stranger, ids[0])).statusCode, 404, "another member cannot read it");
  t2.equal((await read(w.otherStaff, ids[0])).statusCode, 404, "staff of another building cannot read it");
  t2.equal((await read(w.member.user, 9999)).statusCode, 404);
  const other = await insertMember(app, w.enterpriseId);
  const otherClaim = await newClaim(app, other.user);
  t2.equal((await injectAs(app, other.user, { method: "GET", url: `/api/v1/aid/claims/${otherClaim}/documents/${ids[0]}` })).statusCode, 404);
  const view = (await injectAs(app, w.member.user, { method: "GET", url: `/api/v1/aid/claims/${id}` })).json();
  t2.same(view.documents.map((d) => d.kind), ["invoice", "discharge_summary", "insurance_statement"]);
  t2.equal(view.history.filter((h) => h.action === "claim.document.add").length, 3);
});
t.test("documents: a fake PDF, an empty or too-large file, a missing kind are refused with a clear message and nothing is stored", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const id = await newClaim(app, w.member.user);
  const fake = await upload(app, w.member.user, id, "invoice", { name: "invoice.pdf", type: "application/pdf", bytes: Buffer.from("This is only text pretending to be a PDF.\n") });
  t2.equal(fake.statusCode, 400);
  t2.equal(fake.json().error.code, "UNSUPPORTED_FILE_TYPE");
  t2.match(fake.json().error.fields.file, /PDF、JPEG 或 PNG/);
  const en = await upload(app, w.member.user, id, "invoice", { name: "x.pdf", type: "application/pdf", bytes: Buffer.from("<html>") }, { "accept-language": "en" });
  t2.match(en.json().error.message, /Only PDF, JPEG or PNG/);
  const empty = await upload(app, w.member.user, id, "invoice", { name: "e.pdf", type: "application/pdf", bytes: Buffer.alloc(0) });
  t2.equal(empty.statusCode, 400);
  const big = Buffer.concat([TINY_PDF, Buffer.alloc(10 * 1024 * 1024 + 1, 32)]);
  const tooLarge = await upload(app, w.member.user, id, "invoice", { name: "big.pdf", type: "application/pdf", bytes: big });
  t2.equal(tooLarge.statusCode, 413);
  t2.equal(tooLarge.json().error.code, "FILE_TOO_LARGE");
  t2.match(tooLarge.json().error.message, /10 MB/);
  const noKind = await upload(app, w.member.user, id, void 0, { name: "a.pdf", type: "application/pdf", bytes: TINY_PDF });
  t2.equal(noKind.statusCode, 400);
  t2.ok(noKind.json().error.fields.kind);
  const badKind = await upload(app, w.member.user, id, "selfie", { name: "a.pdf", type: "application/pdf", bytes: TINY_PDF });
  t2.equal(badKind.statusCode, 400);
  const noFile = await upload(app, w.member.user, id, "invoice");
  t2.equal(noFile.statusCode, 400);
  t2.ok(noFile.json().error.fields.file);
  const json = await injectAs(app, w.member.user, { method: "POST", url: `/api/v1/aid/claims/${id}/documents`, payload: { kind: "invoice" } });
  t2.equal(json.statusCode, 400);
  t2.equal(app.db.select().from(aidClaimDocuments).all().length, 0);
  t2.equal(allFiles(app.config.uploadDir).length, 0, "no file left on disk");
});
t.test("documents: only the claimant uploads, only while the claim is open", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const id = await newClaim(app, w.member.user);
  const pdf = { name: "a.pdf", type: "application/pdf", bytes: TINY_PDF };
  t2.equal((await upload(app, w.staff, id, "invoice", pdf)).statusCode, 403, "a reviewer does not upload");
  t2.equal((await upload(app, w.stranger, id, "invoice", pdf)).statusCode, 404);
  await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${id}/reject`, payload: { reasonCode: "DOCUMENTS_MISSING" } });
  const closed = await upload(app, w.member.user, id, "invoice", pdf);
  t2.equal(closed.statusCode, 409);
  t2.equal(closed.json().error.code, "CLAIM_CLOSED");
});
t.test("payment: batch the approved claims, download the bank CSV (a read), hand it to the bank (a POST), mark paid with the bank reference; audited", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const m2 = await insertMember(app, w.enterpriseId, { name: '=HYPERLINK("x")' });
  const a = await newClaim(app, w.member.user);
  const b = await newClaim(app, m2.user, { totalCostFen: 4e5, insurancePaidFen: 1e5, excludedFen: 0 });
  const open = await newClaim(app, w.member.user);
  for (const id of [a, b]) t2.equal((await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${id}/approve` })).statusCode, 200);
  t2.equal((await injectAs(app, w.member.user, { method: "POST", url: "/api/v1/aid/payment-batches", payload: {} })).statusCode, 403, "a member cannot");
  t2.equal((await injectAs(app, w.otherStaff, { method: "POST", url: "/api/v1/aid/payment-batches", payload: { claimIds: [a] } })).statusCode, 409, "not in their buildings");
  t2.equal((await injectAs(app, w.staff, { method: "POST", url: "/api/v1/aid/payment-batches", payload: { claimIds: [a, open] } })).statusCode, 409, "an unapproved claim cannot be batched");
  const created = await injectAs(app, w.staff, { method: "POST", url: "/api/v1/aid/payment-batches", payload: {} });
  t2.equal(created.statusCode, 201);
  t2.same(created.json(), { id: created.json().id, status: "open", claimCount: 2, totalFen: 47e4 + 25e3 });
  const batchId = created.json().id;
  const nothing = await injectAs(app, w.staff, { method: "POST", url: "/api/v1/aid/payment-batches", payload: {} });
  t2.equal(nothing.statusCode, 422);
  t2.equal(nothing.json().error.code, "NOTHING_TO_PAY");
  const csv = await injectAs(app, w.staff, { method: "GET", url: `/api/v1/aid/payment-batches/${batchId}/export.csv` });
  t2.equal(csv.statusCode, 200);
  t2.match(csv.headers["content-type"], /text\/csv/);
  const lines = csv.body.replace(/^\uFEFF/, "").trim().split("\r\n");
  t2.equal(lines.length, 3);
  t2.equal(lines[0], "\u5E8F\u53F7,\u6536\u6B3E\u8D26\u53F7,\u6536\u6B3E\u6237\u540D,\u91D1\u989D\uFF08\u5143\uFF09,\u6536\u6B3E\u94F6\u884C,\u7528\u9014,\u5907\u6CE8\uFF08\u62A5\u9500\u5355\u53F7\uFF09");
  t2.match(lines[1], new RegExp(`^1,"=""62220\\d{12}""",\u674E\u5A1F,4700\\.00,\u4E2D\u56FD\u5DE5\u5546\u94F6\u884C\u6606\u660E\u4E94\u534E\u652F\u884C,\u533B\u7597\u4E92\u52A9\u91D1,BX${String(a).padStart(8, "0")}$`));
  t2.match(lines[2], /^2,"=""\d+""","'=HYPERLINK\(""x""\)",250\.00,/, "a formula in a name stays text");
  t2.equal(app.db.select().from(aidPaymentBatches).get().status, "open", "downloading changes nothing");
  t2.equal((await injectAs(app, w.otherStaff, { method: "GET", url: `/api/v1/aid/payment-batches/${batchId}/export.csv` })).statusCode, 403);
  const exported = await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/payment-batches/${batchId}/exported` });
  t2.same(exported.json(), { id: batchId, status: "exported" });
  t2.equal((await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/payment-batches/${batchId}/exported` })).statusCode, 409, "once");
  t2.equal(app.db.select().from(aidPaymentBatches).get().status, "exported");
  const noRef = await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/payment-batches/${batchId}/paid`, payload: {} });
  t2.equal(noRef.statusCode, 400);
  t2.ok(noRef.json().error.fields.bankReference);
  const paid = await injectAs(app, w.staff2, { method: "POST", url: `/api/v1/aid/payment-batches/${batchId}/paid`, payload: { bankReference: "ICBC-20260615-001" } });
  t2.equal(paid.statusCode, 200);
  t2.equal(paid.json().status, "paid");
  t2.equal(paid.json().claimCount, 2);
  for (const id of [a, b]) {
    const c = app.db.select().from(aidClaims).where(eq(aidClaims.id, id)).get();
    t2.equal(c.status, "paid");
    t2.ok(c.paidAt);
  }
  const again = await injectAs(app, w.staff2, { method: "POST", url: `/api/v1/aid/payment-batches/${batchId}/paid`, payload: { bankReference: "again" } });
  t2.equal(again.statusCode, 409);
  const actions = app.db.select().from(auditLog).all().map((e) => e.action);
  for (const action of ["batch.create", "batch.bankfile", "batch.export", "batch.paid", "claim.pay", "claim.batch"]) t2.ok(actions.includes(action), action);
  const view = (await injectAs(app, w.member.user, { method: "GET", url: `/api/v1/aid/claims/${a}` })).json();
  t2.equal(view.status, "paid");
  t2.equal(view.bankReference, "ICBC-20260615-001");
  t2.equal((await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${a}/approve` })).statusCode, 409, "a paid claim cannot be approved");
});
t.test("payment: nobody pays their own claim", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const { attachMembership } = await import("./fixtures.js");
  const sm = await attachMembership(app, w.staff, w.enterpriseId);
  const id = await newClaim(app, sm.user);
  await injectAs(app, w.staff2, { method: "POST", url: `/api/v1/aid/claims/${id}/approve` });
  t2.equal((await injectAs(app, w.staff, { method: "POST", url: "/api/v1/aid/payment-batches", payload: { claimIds: [id] } })).statusCode, 409, "own claim is not offered");
  const batch = (await injectAs(app, w.staff2, { method: "POST", url: "/api/v1/aid/payment-batches", payload: {} })).json();
  t2.equal((await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/payment-batches/${batch.id}/paid`, payload: { bankReference: "R1" } })).statusCode, 403, "the claimant");
  t2.equal((await injectAs(app, w.staff2, { method: "POST", url: `/api/v1/aid/payment-batches/${batch.id}/paid`, payload: { bankReference: "R1" } })).statusCode, 403, "the maker");
  t2.equal((await injectAs(app, w.admin, { method: "POST", url: `/api/v1/aid/payment-batches/${batch.id}/paid`, payload: { bankReference: "R1" } })).statusCode, 200);
});
t.test("fund overview: income, payouts and open liabilities add up per plan year; staff and admin only", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const m2 = await insertMember(app, w.enterpriseId, { share: { shares: 2 } });
  const a = await newClaim(app, w.member.user);
  const b = await newClaim(app, m2.user, { totalCostFen: 5e6, insurancePaidFen: 1e6, excludedFen: 0 });
  const c = await newClaim(app, m2.user, { totalCostFen: 4e5, insurancePaidFen: 1e5, excludedFen: 0 });
  await newClaim(app, w.member.user, { totalCostFen: 4e5, insurancePaidFen: 1e5, excludedFen: 0 });
  const r = await newClaim(app, w.member.user);
  for (const id of [a, b, c]) await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${id}/approve` });
  await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${r}/reject`, payload: { reasonCode: "DOCUMENTS_MISSING" } });
  const batch = (await injectAs(app, w.staff, { method: "POST", url: "/api/v1/aid/payment-batches", payload: { claimIds: [a] } })).json();
  await injectAs(app, w.staff2, { method: "POST", url: `/api/v1/aid/payment-batches/${batch.id}/paid`, payload: { bankReference: "B1" } });
  t2.equal((await injectAs(app, w.member.user, { method: "GET", url: "/api/v1/aid/fund" })).statusCode, 403);
  const f = (await injectAs(app, w.admin, { method: "GET", url: "/api/v1/aid/fund" })).json();
  t2.equal(f.sharesSold, 3);
  t2.equal(f.incomeFen, 36e3);
  t2.same(Object.fromEntries(Object.entries(f.claimsByStatus).map(([k, v]) => [k, v.count])), { submitted: 1, needs_documents: 0, awaiting_second_approval: 1, approved: 1, rejected: 1, paid: 1 });
  const y = f.reconciliation.find((x) => x.planYear === 2026);
  t2.equal(y.incomeFen, 36e3);
  t2.equal(y.payoutsFen, 47e4);
  t2.equal(y.approvedUnpaidFen, 25e3);
  t2.equal(y.awaitingFen, 67e4);
  t2.equal(y.liabilitiesFen, 695e3);
  t2.equal(y.balanceFen, 36e3 - 47e4 - 695e3);
  t2.equal(y.incomeFen, y.payoutsFen + y.liabilitiesFen + y.balanceFen);
  t2.ok(y.addsUp);
  const june = f.monthly.find((m) => m.month === "2026-06");
  t2.equal(june.approvedFen, 47e4 + 25e3);
  t2.equal(june.paidFen, 47e4);
  t2.equal(f.monthly.length, 12);
  const other = (await injectAs(app, w.otherStaff, { method: "GET", url: "/api/v1/aid/fund" })).json();
  t2.equal(other.sharesSold, 0, "staff see their own buildings");
  t2.equal(other.incomeFen, 0);
});
//# sourceMappingURL=documents-payment.test.js.map
