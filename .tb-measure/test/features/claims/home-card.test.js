import t from "tap";
import { build, injectAs, PageSession, PASSWORD } from "../../helper.js";
import { claimBody, claimWorld, idemKey } from "./fixtures.js";
t.test("home card: the member sees their latest claims; staff see how many wait for review", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const before = new PageSession(app);
  await before.login(w.member.user.phone, PASSWORD);
  t2.notMatch((await before.get("/")).body, /医疗互助报销<\/h2>/, "no card before the first claim");
  const res = await injectAs(app, w.member.user, { method: "POST", url: "/api/v1/aid/claims", headers: { "idempotency-key": idemKey() }, payload: claimBody({ hospital: "\u4E91\u5357\u7701\u7B2C\u4E00\u4EBA\u6C11\u533B\u9662" }) });
  t2.equal(res.statusCode, 201);
  const member = new PageSession(app);
  await member.login(w.member.user.phone, PASSWORD);
  const home = (await member.get("/")).body;
  t2.match(home, /医疗互助报销<\/h2>/);
  t2.match(home, /2026-05-01 云南省第一人民医院/);
  t2.match(home, /已提交/);
  t2.match(home, new RegExp(`href="/aid/claims/${res.json().id}"`));
  const staff = new PageSession(app);
  await staff.login(w.staff.phone, PASSWORD);
  t2.match((await staff.get("/")).body, /待审核的报销申请：1 笔/);
  const other = new PageSession(app);
  await other.login(w.otherStaff.phone, PASSWORD);
  t2.match((await other.get("/")).body, /待审核的报销申请：0 笔/, "staff of another building do not see it");
});
//# sourceMappingURL=home-card.test.js.map
