import t from "tap";
import { defaultPlan, planFromLatest, planProblems, tiersShapeProblem } from "../../src/domain/aid-plan.js";
t.test("the defaults are DOMAIN.md's", async (t2) => {
  t2.same(defaultPlan(2026), {
    year: 2026,
    shareFeeFen: 12e3,
    maxShares: 1,
    enrolFrom: "2026-01-01",
    enrolTo: "2026-12-31",
    waitingDays: 90,
    tiers: [{ fromFen: 0, rateBp: 0 }, { fromFen: 5e4, rateBp: 1e3 }, { fromFen: 5e5, rateBp: 1500 }, { fromFen: 2e6, rateBp: 2e3 }],
    perAdmissionCapFen: 1e6,
    annualCapPerShareFen: 2e6,
    claimDeadlineDays: 90,
    secondApprovalAboveFen: 5e5,
    requiredDocuments: ["invoice", "itemised_bill", "discharge_summary", "insurance_statement"],
    processingDays: 15
  });
  t2.same(planProblems(defaultPlan(2026)), {});
});
t.test("a new year takes the latest terms, the window moved by whole years", async (t2) => {
  const autumn = { ...defaultPlan(2026), enrolFrom: "2025-10-15", enrolTo: "2025-12-15", shareFeeFen: 15e3 };
  const next = planFromLatest(autumn, 2027);
  t2.equal(next.year, 2027);
  t2.equal(next.enrolFrom, "2026-10-15");
  t2.equal(next.enrolTo, "2026-12-15");
  t2.equal(next.shareFeeFen, 15e3);
  t2.not(next.tiers, autumn.tiers, "tiers are copied, not shared");
  const leap = { ...defaultPlan(2028), enrolFrom: "2028-02-29" };
  t2.equal(planFromLatest(leap, 2029).enrolFrom, "2029-02-28");
});
t.test("planProblems: every value checked", async (t2) => {
  const p = defaultPlan(2026);
  t2.same(planProblems({ ...p, enrolFrom: "2025-10-15", enrolTo: "2025-12-15" }), {}, "a window in the previous autumn is fine");
  t2.same(Object.keys(planProblems({ ...p, enrolFrom: "2024-12-31" })), ["enrolFrom"]);
  t2.same(planProblems({ ...p, enrolTo: "2027-01-01" }), { enrolTo: "aid.plan.v.enrolToLate" });
  t2.same(planProblems({ ...p, enrolFrom: "2026-05-01", enrolTo: "2026-04-30" }), { enrolTo: "aid.plan.v.enrolOrder" });
  t2.same(planProblems({ ...p, enrolFrom: "2026-02-30" }), { enrolFrom: "v.date" });
  t2.same(Object.keys(planProblems({ ...p, maxShares: 4 })), ["maxShares"]);
  t2.same(Object.keys(planProblems({ ...p, maxShares: 0 })), ["maxShares"]);
  t2.same(Object.keys(planProblems({ ...p, waitingDays: 366 })), ["waitingDays"]);
  t2.same(Object.keys(planProblems({ ...p, waitingDays: -1 })), ["waitingDays"]);
  t2.same(Object.keys(planProblems({ ...p, claimDeadlineDays: 0 })), ["claimDeadlineDays"]);
  t2.same(Object.keys(planProblems({ ...p, perAdmissionCapFen: 0 })), ["perAdmissionCapFen"]);
  t2.same(Object.keys(planProblems({ ...p, annualCapPerShareFen: 1.5 })), ["annualCapPerShareFen"]);
  t2.same(Object.keys(planProblems({ ...p, shareFeeFen: 0 })), ["shareFeeFen"]);
  t2.same(Object.keys(planProblems({ ...p, secondApprovalAboveFen: -1 })), ["secondApprovalAboveFen"]);
  t2.same(planProblems({ ...p, tiers: [{ fromFen: 0, rateBp: 2001 }] }), { tiers: "aid.plan.v.tiers.rateRange" });
  t2.same(planProblems({ ...p, tiers: [{ fromFen: 0, rateBp: 0 }, { fromFen: 5e4, rateBp: 1e3 }, { fromFen: 5e4, rateBp: 1e3 }] }), { tiers: "aid.plan.v.tiers.notAscending" });
});
t.test("tiersShapeProblem reads unknown JSON", async (t2) => {
  t2.equal(tiersShapeProblem(null), "shape");
  t2.equal(tiersShapeProblem("x"), "shape");
  t2.equal(tiersShapeProblem([{ fromFen: "0", rateBp: 0 }]), "shape");
  t2.equal(tiersShapeProblem([{ fromFen: 0.5, rateBp: 0 }]), "notInteger");
  t2.equal(tiersShapeProblem([{ fromFen: -5, rateBp: 0 }]), "fenRange");
  t2.equal(tiersShapeProblem(Array.from({ length: 11 }, (_, i) => ({ fromFen: i, rateBp: 0 }))), "tooMany");
  t2.equal(tiersShapeProblem([{ fromFen: 0, rateBp: 0 }]), null);
});
//# sourceMappingURL=aid-plan.test.js.map
