import t from "tap";
import { eq } from "drizzle-orm";
import { build, createUser, injectAs, smsSent, tokenFor } from "../helper.js";
import { memberships } from "../../src/db/schema/index.js";
import { applyAs, world } from "../features/memberships/fixtures.js";
import { uniqueResidentId } from "../factories.js";
async function importRows(app, by, enterpriseId, rows) {
  const boundary = "----sec" + Math.random().toString(16).slice(2);
  const csv = "\uFEFF\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801,\u624B\u673A\u53F7\u7801\r\n" + rows.map((r) => r.join(",")).join("\r\n") + "\r\n";
  const payload = Buffer.from(
    `--${boundary}\r
Content-Disposition: form-data; name="enterpriseId"\r
\r
${enterpriseId}\r
--${boundary}\r
Content-Disposition: form-data; name="file"; filename="r.csv"\r
Content-Type: text/csv\r
\r
${csv}\r
--${boundary}--\r
`
  );
  const res = await injectAs(app, by, { method: "POST", url: "/api/v1/membership-imports", payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
  if (res.statusCode !== 201) throw new Error(res.body);
}
async function verifyPhone(app, user) {
  const token = tokenFor(app, user);
  await app.inject({ method: "POST", url: "/api/v1/me/phone-verification", headers: { authorization: `Bearer ${token}` } });
  const code = smsSent(app).filter((m) => m.to === user.phone).at(-1).params.code;
  const ok = await app.inject({ method: "POST", url: "/api/v1/me/phone-verification/confirm", payload: { code }, headers: { authorization: `Bearer ${token}` } });
  if (ok.statusCode !== 200) throw new Error(ok.body);
}
const byHash = (app, idNumber) => app.db.select().from(memberships).where(eq(memberships.idHash, app.pii.hash(idNumber))).all();
t.test("a liaison who imports and approves themselves cannot take the membership over as approved", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const idNumber = uniqueResidentId();
  await importRows(app, w.liaisonA, w.entA, [["\u8054\u7EDC\u5458\u7532", idNumber, w.liaisonA.phone]]);
  const row = byHash(app, idNumber)[0];
  t2.equal((await injectAs(app, w.liaisonA, { method: "POST", url: `/api/v1/memberships/${row.id}/approve` })).statusCode, 200);
  await verifyPhone(app, w.liaisonA);
  const claim = await applyAs(app, w.liaisonA, { enterpriseId: w.entA, name: "\u8054\u7EDC\u5458\u7532", idNumber });
  t2.equal(claim.statusCode, 201);
  t2.same(claim.json(), { id: row.id, status: "applied" }, "back to approval: it became their own");
  const after = byHash(app, idNumber)[0];
  t2.match(after, { userId: w.liaisonA.id, status: "applied", decidedBy: null });
  t2.equal((await injectAs(app, w.liaisonA, { method: "POST", url: `/api/v1/memberships/${row.id}/approve` })).statusCode, 403, "and they cannot approve it again");
  const bySomeoneElse = await injectAs(app, w.staffA, { method: "POST", url: `/api/v1/memberships/${row.id}/approve` });
  t2.equal(bySomeoneElse.statusCode, 200);
  t2.equal(bySomeoneElse.json().memberNo, after.memberNo, "the number stays");
});
t.test("staff who import themselves (active at once) cannot keep it active by taking it over", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const idNumber = uniqueResidentId();
  await importRows(app, w.staffA, w.entA, [["\u5DE5\u4F5C\u4EBA\u5458\u7532", idNumber, w.staffA.phone]]);
  t2.equal(byHash(app, idNumber)[0].status, "active");
  await verifyPhone(app, w.staffA);
  const claim = await applyAs(app, w.staffA, { enterpriseId: w.entA, name: "\u5DE5\u4F5C\u4EBA\u5458\u7532", idNumber });
  t2.equal(claim.json().status, "applied");
});
t.test("nobody approves the same person under another account (compared by the keyed ID hash)", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const idNumber = uniqueResidentId();
  const first = await applyAs(app, w.staffA, { enterpriseId: w.entA, name: "\u5DE5\u4F5C\u4EBA\u5458\u7532", idNumber });
  t2.equal((await injectAs(app, w.liaisonA, { method: "POST", url: `/api/v1/memberships/${first.json().id}/reject`, payload: { reason: "\u6750\u6599\u4E0D\u5168" } })).statusCode, 200);
  await importRows(app, w.liaisonA, w.entA, [["\u5DE5\u4F5C\u4EBA\u5458\u7532", idNumber, "13700001111"]]);
  const imported = byHash(app, idNumber).find((m) => m.status === "applied");
  t2.equal(imported.userId, null);
  const own = await injectAs(app, w.staffA, { method: "POST", url: `/api/v1/memberships/${imported.id}/approve` });
  t2.equal(own.statusCode, 403);
  t2.match(own.json().error.message, /本人|自己/);
  const rejectOwn = await injectAs(app, w.staffA, { method: "POST", url: `/api/v1/memberships/${imported.id}/reject`, payload: { reason: "x" } });
  t2.equal(rejectOwn.statusCode, 403);
  t2.equal(byHash(app, idNumber).find((m) => m.id === imported.id).status, "applied", "nothing changed");
  t2.equal((await injectAs(app, w.admin, { method: "POST", url: `/api/v1/memberships/${imported.id}/approve` })).statusCode, 200, "someone else may");
});
t.test("knowing a name and ID number is not enough to take over an imported active membership", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const idNumber = uniqueResidentId();
  const owner = await createUser(app, { name: "\u674E\u6885" });
  await importRows(app, w.staffA, w.entA, [["\u674E\u6885", idNumber, owner.phone]]);
  const row = byHash(app, idNumber)[0];
  t2.equal(row.status, "active");
  const attacker = await createUser(app, { name: "\u5192\u540D\u8005" });
  await verifyPhone(app, attacker);
  const stolen = await applyAs(app, attacker, { enterpriseId: w.entA, name: "\u674E\u6885", idNumber });
  t2.equal(stolen.statusCode, 409);
  t2.equal(stolen.json().error.code, "MEMBERSHIP_EXISTS");
  t2.match(stolen.json().error.message, /验证/);
  t2.match(byHash(app, idNumber)[0], { userId: null, status: "active" }, "untouched");
  const unverified = await applyAs(app, owner, { enterpriseId: w.entA, name: "\u674E\u6885", idNumber });
  t2.equal(unverified.statusCode, 409, "the right phone, not yet verified");
  await verifyPhone(app, owner);
  const mine = await applyAs(app, owner, { enterpriseId: w.entA, name: "\u674E\u6885", idNumber });
  t2.equal(mine.statusCode, 201);
  t2.same(mine.json(), { id: row.id, status: "active" }, "the verified phone on the roster takes it over as it is");
  t2.equal(byHash(app, idNumber)[0].userId, owner.id);
});
//# sourceMappingURL=membership-self-approval.test.js.map
