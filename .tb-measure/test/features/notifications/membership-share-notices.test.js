import t from "tap";
import { build, injectAs, PageSession, smsSent } from "../../helper.js";
import { cancelStaleOrders } from "../../../src/features/aid/aid-service.js";
import { member, world } from "../memberships/fixtures.js";
import { confirm, newKey, order, world as aidWorld } from "../aid/fixtures.js";
async function notices(app, user, lang = "zh") {
  const r = await injectAs(app, user, { method: "GET", url: "/api/v1/me/notifications", headers: { "accept-language": lang } });
  return r.json().items;
}
const smsTo = (app, user) => smsSent(app).filter((s) => s.to === user.phone);
t.test("membership: rejected, left, transfer requested / refused / withdrawn / confirmed", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const applicant = await member(app, w.entA, void 0, "\u5B59\u4E3D");
  const no = await injectAs(app, w.liaisonA, { method: "POST", url: `/api/v1/memberships/${applicant.id}/reject`, payload: { reason: "\u4E0D\u662F\u672C\u4F01\u4E1A\u5458\u5DE5" } });
  t2.equal(no.statusCode, 200);
  t2.match((await notices(app, applicant.user))[0], { kind: "membership.rejected", text: /不是本企业员工/, subject: `membership:${applicant.id}` });
  t2.match(smsTo(app, applicant.user).at(-1)?.params.text, /不是本企业员工/);
  const m = await member(app, w.entA, w.liaisonA, "\u94B1\u591A");
  t2.equal(smsTo(app, m.user).length, 1, "approval: one SMS");
  const transfer = (payload = { enterpriseId: w.entB }) => injectAs(app, m.user, { method: "POST", url: `/api/v1/memberships/${m.id}/transfers`, payload });
  const act = (u, id, what, payload) => injectAs(app, u, { method: "POST", url: `/api/v1/membership-transfers/${id}/${what}`, payload });
  const asked = await injectAs(app, w.staffA, { method: "POST", url: `/api/v1/memberships/${m.id}/transfers`, payload: { enterpriseId: w.entB } });
  t2.equal(asked.statusCode, 201, asked.body);
  t2.match((await notices(app, m.user))[0], { kind: "membership.transfer_requested", text: /盘龙物流有限公司/ });
  t2.equal((await act(w.liaisonB, asked.json().id, "reject", { note: "\u67E5\u65E0\u6B64\u4EBA" })).statusCode, 200);
  t2.match((await notices(app, m.user))[0], { kind: "membership.transfer_refused", text: /盘龙物流有限公司.*查无此人/ });
  t2.match((await notices(app, m.user, "en"))[0].text, /transfer to 盘龙物流有限公司 was not accepted/, "English when asked");
  const again = await transfer();
  t2.equal(again.statusCode, 201);
  t2.equal((await act(m.user, again.json().id, "cancel")).statusCode, 200);
  t2.match((await notices(app, m.user))[0], { kind: "membership.transfer_withdrawn", text: /已撤回/ });
  const page = new PageSession(app);
  await page.login(m.user.phone);
  await page.get("/me/notifications", { "accept-language": "en" });
  const third = await transfer();
  t2.equal((await act(w.liaisonB, third.json().id, "confirm")).statusCode, 200);
  t2.match((await notices(app, m.user))[0], { kind: "membership.transferred", text: /已转到 盘龙物流有限公司/ });
  t2.match(smsTo(app, m.user).at(-1)?.params.text, /moved to 盘龙物流有限公司/);
  t2.equal((await injectAs(app, m.user, { method: "POST", url: `/api/v1/memberships/${m.id}/leave`, payload: {} })).statusCode, 200);
  t2.match((await notices(app, m.user))[0], { kind: "membership.left", read: false });
  t2.match(smsTo(app, m.user).at(-1)?.params.text, /membership has ended/);
  t2.same((await notices(app, m.user)).map((n) => n.kind), [
    "membership.left",
    "membership.transferred",
    "membership.transfer_requested",
    "membership.transfer_withdrawn",
    "membership.transfer_requested",
    "membership.transfer_refused",
    "membership.transfer_requested",
    "membership.active"
  ], "one notice per change, newest first");
  t2.equal(smsTo(app, m.user).length, 8, "and one SMS each");
  t2.equal((await notices(app, w.liaisonB)).length, 0, "the reviewer is not told");
});
t.test("share orders: ordered by the liaison, paid, cancelled as unpaid", async (t2) => {
  const app = await build(t2);
  const w = await aidWorld(app);
  const g = await injectAs(app, w.liaison, { method: "POST", url: "/api/v1/aid/group-orders", headers: { "idempotency-key": newKey() }, payload: { enterpriseId: w.enterpriseId, membershipIds: [w.otherMembershipId] } });
  t2.equal(g.statusCode, 201, g.body);
  t2.match((await notices(app, w.otherMember))[0], { kind: "purchase.ordered", text: /2026 年度医疗互助份额 1 份，金额 ¥120\.00，待缴费/ });
  t2.equal(smsTo(app, w.otherMember).length, 1);
  t2.equal((await notices(app, w.liaison)).length, 0);
  const paidId = g.json().ordered[0].purchaseId;
  t2.equal((await confirm(app, w.staff, paidId, { receiptNo: "R-1", paidOn: "2026-06-15" })).statusCode, 200);
  t2.match((await notices(app, w.otherMember))[0], { kind: "purchase.paid", subject: `aid_purchase:${paidId}` });
  t2.equal(smsTo(app, w.otherMember).length, 2);
  const stale = (await order(app, w.member)).json().id;
  t2.equal((await notices(app, w.member)).length, 0, "an order the member placed themselves is no news to them");
  app.testClock.advance(30 * 864e5 + 1e3);
  t2.equal(cancelStaleOrders(app.db, app.clock, app.notifier), 1);
  const n = (await notices(app, w.member))[0];
  t2.match(n, { kind: "purchase.cancelled_unpaid", subject: `aid_purchase:${stale}` });
  t2.match(n.text, /（¥120\.00）下单 30 天仍未缴费/);
  t2.match(smsTo(app, w.member).at(-1)?.params.text, /已自动取消/);
  t2.equal(cancelStaleOrders(app.db, app.clock, app.notifier), 0);
  t2.equal(smsTo(app, w.member).length, 1, "told once");
});
//# sourceMappingURL=membership-share-notices.test.js.map
