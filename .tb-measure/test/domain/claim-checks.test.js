import t from "tap";
import fc from "fast-check";
import { firstFailedCheck, CLAIM_CHECK_CODES } from "../../src/domain/claim-checks.js";
const ok = {
  today: "2026-06-15",
  admissionDate: "2026-06-01",
  dischargeDate: "2026-06-05",
  totalCostFen: 1e6,
  insurancePaidFen: 6e5,
  excludedFen: 1e5,
  everActiveMember: true,
  share: { planYear: 2026, paidOn: "2026-01-10", coverFrom: "2026-04-10", claimDeadlineDays: 90 },
  invoiceAlreadyClaimed: false
};
t.test("each check on its own, in a table", async (t2) => {
  const share = ok.share;
  const rows = [
    ["all good", {}, null],
    ["never an active member", { everActiveMember: false }, "NOT_MEMBER"],
    ["no paid share for the year", { share: null }, "NOT_COVERED"],
    ["admitted before paying", { admissionDate: "2026-01-09" }, "NOT_COVERED"],
    ["admitted on the payment day, still waiting", { admissionDate: "2026-01-10" }, "WAITING_PERIOD"],
    ["admitted the day before cover starts", { admissionDate: "2026-04-09" }, "WAITING_PERIOD"],
    ["admitted the day cover starts", { admissionDate: "2026-04-10", dischargeDate: "2026-04-12" }, null],
    ["renewal: cover from the payment day", { admissionDate: "2026-01-10", share: { ...share, coverFrom: "2026-01-10" } }, null],
    ["the last day is in time", { admissionDate: "2026-04-10", dischargeDate: "2026-04-12", today: "2026-07-11" }, null],
    ["the day after is late", { admissionDate: "2026-04-10", dischargeDate: "2026-04-12", today: "2026-07-12" }, "LATE"],
    ["31 March of the next year caps the deadline", { admissionDate: "2026-12-20", dischargeDate: "2026-12-30", today: "2027-03-31", share: { ...share, claimDeadlineDays: 120 } }, null],
    ["1 April of the next year is late", { admissionDate: "2026-12-20", dischargeDate: "2026-12-30", today: "2027-04-01", share: { ...share, claimDeadlineDays: 120 } }, "LATE"],
    ["same invoice already claimed", { invoiceAlreadyClaimed: true }, "DUPLICATE"],
    ["parts above the total", { insurancePaidFen: 900001 }, "INCONSISTENT_AMOUNTS"],
    ["parts exactly the total", { insurancePaidFen: 9e5 }, null]
  ];
  for (const [name, patch, expected] of rows) t2.equal(firstFailedCheck({ ...ok, ...patch }), expected, name);
});
t.test("the order: the first failing check wins", async (t2) => {
  t2.equal(firstFailedCheck({ ...ok, everActiveMember: false, share: null, invoiceAlreadyClaimed: true }), "NOT_MEMBER");
  t2.equal(firstFailedCheck({ ...ok, share: null, invoiceAlreadyClaimed: true, insurancePaidFen: 2e6 }), "NOT_COVERED");
  t2.equal(firstFailedCheck({ ...ok, admissionDate: "2026-02-01", today: "2026-12-31", invoiceAlreadyClaimed: true }), "WAITING_PERIOD");
  t2.equal(firstFailedCheck({ ...ok, today: "2026-12-31", invoiceAlreadyClaimed: true }), "LATE", "LATE before DUPLICATE");
  t2.equal(firstFailedCheck({ ...ok, invoiceAlreadyClaimed: true, insurancePaidFen: 2e6 }), "DUPLICATE");
});
t.test("property: the result is the first failing check of the six, whatever the combination", async () => {
  fc.assert(fc.property(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (fail) => {
    const f = { ...ok, share: { ...ok.share } };
    if (fail[0]) f.everActiveMember = false;
    if (fail[1]) f.share.paidOn = "2026-06-02";
    if (fail[2]) f.share.coverFrom = "2026-06-02";
    if (fail[3]) f.today = "2026-12-01";
    if (fail[4]) f.invoiceAlreadyClaimed = true;
    if (fail[5]) f.excludedFen = 5e5;
    const first = fail.indexOf(true);
    return firstFailedCheck(f) === (first === -1 ? null : CLAIM_CHECK_CODES[first]);
  }));
});
//# sourceMappingURL=claim-checks.test.js.map
