import t from "tap";
import { build, createUser, injectAs, PageSession } from "../../helper.js";
import { defaultPlan } from "../../../src/domain/aid-plan.js";
import { termInWords } from "../../../src/features/aid/plan-history.js";
const { year: _y, ...body2026 } = defaultPlan(2026);
t.test("terms in words, per kind of term", async (t2) => {
  const cases = [
    ["shareFeeFen", 1234500, "\xA512,345.00", "\xA512,345.00"],
    ["maxShares", 2, "2", "2"],
    ["enrolFrom", "2025-11-01", "2025-11-01", "2025-11-01"],
    ["waitingDays", 90, "90 \u5929", "90 days"],
    ["processingDays", 15, "15 \u4E2A\u5DE5\u4F5C\u65E5", "15 working days"],
    ["tiers", [{ fromFen: 0, rateBp: 0 }, { fromFen: 5e4, rateBp: 1250 }], "\xA50.00 \u8D77 0%\uFF1B\xA5500.00 \u8D77 12.5%", "from \xA50.00: 0%; from \xA5500.00: 12.5%"],
    ["requiredDocuments", ["invoice", "itemised_bill"], "\u533B\u7597\u8D39\u7528\u53D1\u7968\uFF1B\u8D39\u7528\u6E05\u5355", "Medical invoice; Itemised bill"],
    ["requiredDocuments", [], "\u4E0D\u8981\u6C42\u6750\u6599", "no documents required"],
    ["perAdmissionCapFen", void 0, "\u65E0", "None"]
  ];
  for (const [field, value, zh, en] of cases) {
    t2.equal(termInWords("zh", field, value), zh, `${field} zh`);
    t2.match(termInWords("en", field, value), new RegExp(en.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i"), `${field} en`);
  }
});
t.test("the plan page: created automatically, then changed by the admin, term by term", async (t2) => {
  const app = await build(t2);
  const admin = await createUser(app, { role: "admin", name: "\u7BA1\u7406\u5458\u8001\u5468" });
  const put = await injectAs(app, admin, {
    method: "PUT",
    url: "/api/v1/aid/plans/2026",
    payload: { ...body2026, shareFeeFen: 15e3, waitingDays: 60, requiredDocuments: ["invoice"] }
  });
  t2.equal(put.statusCode, 200, put.body);
  const s = new PageSession(app);
  await s.login(admin.phone);
  const zh = (await s.get("/admin/aid/plans/2026")).body;
  t2.match(zh, "\u7BA1\u7406\u5458\u8001\u5468 \u4FEE\u6539\u4E86\u65B9\u6848");
  t2.match(zh, "\u6BCF\u4EFD\u8D39\u7528: \xA5120.00 \u2192 \xA5150.00");
  t2.match(zh, "\u9996\u6B21\u53C2\u52A0\u7B49\u5F85\u671F: 90 \u5929 \u2192 60 \u5929");
  t2.match(zh, /必须提交的材料: [^<]+ → 医疗费用发票</);
  t2.match(zh, "\u7CFB\u7EDF\u6309\u6700\u8FD1\u7684\u65B9\u6848\u6761\u6B3E\u81EA\u52A8\u521B\u5EFA");
  t2.notMatch(zh, /每人最多份数: /, "an unchanged term is not listed");
  const en = (await s.get("/admin/aid/plans/2026", { "accept-language": "en" })).body;
  t2.match(en, "\u7BA1\u7406\u5458\u8001\u5468 changed the plan");
  t2.match(en, "Share fee: \xA5120.00 \u2192 \xA5150.00");
  t2.match(en, "Created automatically from the latest terms");
  for (const body of [zh, en]) t2.notMatch(body, /aid_plan\.|automatic<|\{"/, "no action code, internal note or JSON");
});
//# sourceMappingURL=plan-history.test.js.map
