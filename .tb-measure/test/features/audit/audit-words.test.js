import t from "tap";
import { build, createUser, injectAs, PageSession } from "../../helper.js";
import { actionWords, changeWords } from "../../../src/features/audit/audit-words.js";
import { writeAudit } from "../../../src/features/audit/audit-repository.js";
import { member, world } from "../memberships/fixtures.js";
t.test("actions and changes as words", async (t2) => {
  t2.equal(actionWords("zh", "claim.approve.first"), "\u62A5\u9500\u521D\u5BA1\u901A\u8FC7\uFF08\u5F85\u590D\u6838\uFF09");
  t2.equal(actionWords("en", "claim.approve.first"), "Claim: first approval (awaiting the second)");
  t2.equal(actionWords("en", "membership.something_new"), "Membership: something new", "an action the words do not know yet");
  t2.same(changeWords("zh", JSON.stringify({ status: "paid", amountFen: 42e5, firstTime: true, note: null })), [
    { field: "\u72B6\u6001", value: "\u5DF2\u4ED8\u6B3E" },
    { field: "\u91D1\u989D", value: "\xA542,000.00" },
    { field: "\u9996\u6B21\u53C2\u52A0", value: "\u662F" },
    { field: "\u5907\u6CE8", value: "\u65E0" }
  ]);
  t2.same(changeWords("en", null), []);
});
t.test("the audit page and a membership history read as words", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const m = await member(app, w.entA);
  t2.equal((await injectAs(app, w.liaisonA, { method: "POST", url: `/api/v1/memberships/${m.id}/approve` })).statusCode, 200);
  writeAudit(app.db, app.clock.iso(), { actorUserId: w.staffA.id, action: "claim.approve.first", entityType: "claim", entityId: 7, before: { status: "submitted" }, after: { status: "awaiting_second_approval", payableFen: 6e5 } });
  const admin = await createUser(app, { role: "admin" });
  const s = new PageSession(app);
  await s.login(admin.phone);
  const page = await s.get("/admin/audit");
  t2.equal(page.statusCode, 200);
  t2.match(page.body, "\u62A5\u9500\u521D\u5BA1\u901A\u8FC7\uFF08\u5F85\u590D\u6838\uFF09");
  t2.match(page.body, "\xA56,000.00");
  t2.match(page.body, "\u5F85\u590D\u6838");
  t2.notMatch(page.body, "claim.approve.first");
  t2.notMatch(page.body, /\{&quot;|\{"status/, "no raw JSON");
  const en = await s.get("/admin/audit", { "accept-language": "en" });
  t2.match(en.body, "Claim: first approval");
  const liaison = new PageSession(app);
  await liaison.login(w.liaisonA.phone);
  const detail = await liaison.get(`/memberships/${m.id}`);
  t2.match(detail.body, "\u5165\u4F1A\u7533\u8BF7\u901A\u8FC7");
  t2.notMatch(detail.body, "membership.approve");
});
//# sourceMappingURL=audit-words.test.js.map
