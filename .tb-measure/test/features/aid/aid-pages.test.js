import t from "tap";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { build, PageSession } from "../../helper.js";
import { aidPlans, aidPurchases } from "../../../src/db/schema/index.js";
import { order, world } from "./fixtures.js";
import { insertMembership } from "../../factories.js";
t.test("calculator: anyone, in yuan, tier by tier; errors beside the fields", async (t2) => {
  const app = await build(t2);
  const s = new PageSession(app);
  const empty = await s.get("/aid/calculator");
  t2.equal(empty.statusCode, 200);
  t2.match(empty.body, /name="total"/);
  const r = await s.get("/aid/calculator?total=50000&insurance=15000&excluded=5000&paidThisYear=");
  t2.equal(r.statusCode, 200);
  t2.match(r.body, /data-testid="payable">¥4,700.00</);
  t2.match(r.body, /data-testid="base">¥30,000.00</);
  t2.match(r.body, /20%/);
  const capped = await s.get("/aid/calculator?total=80000&insurance=0&paidThisYear=15000");
  t2.match(capped.body, /¥5,000.00/);
  t2.match(capped.body, /年度累计封顶/);
  const bad = await s.get("/aid/calculator?total=12.345&insurance=-1");
  t2.equal(bad.statusCode, 400);
  t2.match(bad.body, /id="f-total-error"/);
  t2.match(bad.body, /id="f-insurance-error"/);
  t2.match(bad.body, /value="12.345"/, "values kept");
  const inc = await s.get("/aid/calculator?total=100&insurance=80&excluded=30");
  t2.equal(inc.statusCode, 422);
  t2.match(inc.body, /id="f-insurance-error"[^>]*>医保支付与目录外费用之和不能超过总费用/);
  const en = await s.get("/aid/calculator?total=3000&insurance=0", { "accept-language": "en" });
  t2.match(en.body, /Aid payable/);
});
t.test("a member orders on their page with the hidden token; a double submit orders once", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const s = new PageSession(app);
  await s.login(w.member.phone);
  const page = await s.get("/aid/share");
  t2.equal(page.statusCode, 200);
  t2.match(page.body, /data-testid="cover-preview">2026-09-13 – 2026-12-31/);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)[1];
  const first = await s.post("/aid/share", { idempotencyKey: key, shares: "1" });
  t2.equal(first.statusCode, 302);
  const again = await s.post("/aid/share", { idempotencyKey: key, shares: "1" });
  t2.equal(again.statusCode, 302, "the same token answers the first answer");
  t2.equal(app.db.select().from(aidPurchases).all().length, 1);
  const after = await s.get("/aid/share");
  t2.match(after.body, /data-testid="order-status">待付款/);
  const second = await s.post("/aid/share", { idempotencyKey: "another-token", shares: "1" });
  t2.equal(second.statusCode, 409);
  t2.match(second.body, /已有待付款或已付款的订单/);
  const noCsrf = await s.post("/aid/share", { idempotencyKey: "x" }, { csrf: false });
  t2.equal(noCsrf.statusCode, 403);
  const home = await s.get("/");
  t2.match(home.body, /2026 年度医疗互助/);
  t2.match(home.body, /待付款/);
});
t.test("someone who is not a member is told to join first", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const s = new PageSession(app);
  await s.login(w.nonMember.phone);
  const page = await s.get("/aid/share");
  t2.match(page.body, /加入工会/);
  t2.notMatch(page.body, /name="idempotencyKey"/);
  t2.equal((await s.post("/aid/share", { idempotencyKey: "k1" })).statusCode, 403);
  t2.equal((await new PageSession(app).get("/aid/share")).statusCode, 302, "anonymous \u2192 sign in");
});
t.test("staff: orders of their buildings, CSV with BOM, confirming a payment", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const id = (await order(app, w.member)).json().id;
  const staff = new PageSession(app);
  await staff.login(w.staff.phone);
  const list = await staff.get("/aid/orders?status=pending_payment");
  t2.equal(list.statusCode, 200);
  t2.match(list.body, /王芳/);
  const csv = await staff.get("/aid/orders.csv");
  t2.equal(csv.statusCode, 200);
  t2.match(csv.headers["content-type"], /text\/csv/);
  t2.ok(csv.body.startsWith("\uFEFF"), "BOM");
  t2.match(csv.body, /王芳/);
  t2.match(csv.body, /120\.00/);
  const other = new PageSession(app);
  await other.login(w.otherStaff.phone);
  t2.notMatch((await other.get("/aid/orders")).body, /王芳/, "another building sees nothing of it");
  t2.notMatch((await other.get("/aid/orders.csv")).body, /王芳/);
  const readXlsx = async (body) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body);
    return JSON.stringify(book.worksheets[0].getSheetValues());
  };
  t2.match(await readXlsx((await staff.get("/aid/orders.xlsx")).rawPayload), /王芳.*120\.00/, "the XLSX export: the same rows");
  t2.notMatch(await readXlsx((await other.get("/aid/orders.xlsx")).rawPayload), /王芳/);
  t2.equal((await other.get(`/aid/orders?buildingId=${w.buildingId}`)).statusCode, 403);
  t2.equal((await other.get(`/aid/orders/${id}`)).statusCode, 403);
  const member = new PageSession(app);
  await member.login(w.member.phone);
  t2.equal((await member.get("/aid/orders")).statusCode, 403);
  t2.notMatch((await member.get(`/aid/orders/${id}`)).body, /confirm-payment/, "the member sees the order but cannot confirm");
  const detail = await staff.get(`/aid/orders/${id}`);
  t2.match(detail.body, /data-testid="confirm-payment"/);
  const bad = await staff.post(`/aid/orders/${id}/confirm`, { receiptNo: "R-9", paidOn: "2026-06-20" });
  t2.equal(bad.statusCode, 400);
  t2.match(bad.body, /id="f-paidOn-error"/);
  const ok = await staff.post(`/aid/orders/${id}/confirm`, { receiptNo: "R-9", paidOn: "2026-06-15" });
  t2.equal(ok.statusCode, 302);
  const paid = await staff.get(`/aid/orders/${id}`);
  t2.match(paid.body, /data-testid="cover">2026-09-13 – 2026-12-31/);
  t2.match(paid.body, /工作人员确认缴费/);
});
t.test("the liaison orders for members as a group", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const third = insertMembership(app, w.enterpriseId, { name: "\u8D75\u516D" });
  await order(app, w.member);
  const s = new PageSession(app);
  await s.login(w.liaison.phone);
  const page = await s.get("/aid/group");
  t2.equal(page.statusCode, 200);
  t2.notMatch(page.body, new RegExp(`name="membershipIds" value="${w.membershipId}"`), "a member with an order cannot be ticked");
  t2.match(page.body, new RegExp(`name="membershipIds" value="${third}"`));
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)[1];
  const none = await s.post("/aid/group", { idempotencyKey: key, enterpriseId: String(w.enterpriseId) });
  t2.equal(none.statusCode, 400);
  t2.match(none.body, /请至少选择一名职工/);
  const res = await app.inject({
    method: "POST",
    url: "/aid/group",
    payload: `_csrf=${encodeURIComponent(s.csrf)}&idempotencyKey=${key}&enterpriseId=${w.enterpriseId}&membershipIds=${third}&membershipIds=${w.otherMembershipId}&membershipIds=${w.membershipId}`,
    headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded", cookie: [...s.cookies].map(([k, v]) => `${k}=${v}`).join("; ") }
  });
  t2.equal(res.statusCode, 200);
  t2.match(res.body, /已为 2 人下单，共 ¥240.00/);
  t2.match(res.body, /已有订单，已跳过/);
  t2.equal(app.db.select().from(aidPurchases).all().length, 3);
});
t.test("admin edits a plan on the page; a rate above 20% is refused beside the tiers", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const s = new PageSession(app);
  await s.login(w.admin.phone);
  t2.equal((await s.get("/admin/aid/plans")).statusCode, 200);
  const page = await s.get("/admin/aid/plans/2026");
  t2.match(page.body, /name="tierRate3" value="20"/);
  const form = {
    shareFee: "100",
    maxShares: "2",
    enrolFrom: "2026-01-01",
    enrolTo: "2026-11-30",
    waitingDays: "60",
    tierFrom0: "0",
    tierRate0: "0",
    tierFrom1: "500",
    tierRate1: "10",
    tierFrom2: "5000",
    tierRate2: "25",
    perAdmissionCap: "10000",
    annualCapPerShare: "20000",
    claimDeadlineDays: "90",
    secondApprovalAbove: "5000"
  };
  const bad = await s.post("/admin/aid/plans/2026", form);
  t2.equal(bad.statusCode, 400);
  t2.match(bad.body, /id="f-tiers-error">报销比例必须在 0% 到 20% 之间/);
  t2.match(bad.body, /name="tierRate2" value="25"/, "values kept");
  t2.equal(app.db.select().from(aidPlans).where(eq(aidPlans.year, 2026)).get().shareFeeFen, 12e3);
  const ok = await s.post("/admin/aid/plans/2026", { ...form, tierRate2: "12.5" });
  t2.equal(ok.statusCode, 302);
  const row = app.db.select().from(aidPlans).where(eq(aidPlans.year, 2026)).get();
  t2.equal(row.shareFeeFen, 1e4);
  t2.same(JSON.parse(row.tiers), [{ fromFen: 0, rateBp: 0 }, { fromFen: 5e4, rateBp: 1e3 }, { fromFen: 5e5, rateBp: 1250 }]);
  const member = new PageSession(app);
  await member.login(w.member.phone);
  t2.equal((await member.get("/admin/aid/plans/2026")).statusCode, 403);
});
//# sourceMappingURL=aid-pages.test.js.map
