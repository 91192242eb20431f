import t from "tap";
import fc from "fast-check";
import { answerDueOn, negotiatorProblems, proposalState } from "../../src/domain/bargaining.js";
t.test("a proposal is answered within 20 days", async (t2) => {
  t2.equal(answerDueOn("2026-06-01"), "2026-06-21");
  const table = [
    [null, "2026-06-21", "waiting"],
    [null, "2026-06-22", "overdue"],
    ["2026-06-21", "2026-07-30", "answered"],
    ["2026-06-22", "2026-07-30", "answered_late"]
  ];
  for (const [answered, today, state] of table) t2.equal(proposalState("2026-06-01", answered, today), state, `${answered ?? "none"} on ${today}`);
});
t.test("negotiators: 3\u201310 each side, equal, one chief each", async (t2) => {
  const s = (w, wc, e, ec) => negotiatorProblems({ workers: { n: w, chiefs: wc }, employers: { n: e, chiefs: ec } }).map((p) => p.rule + (p.side === void 0 ? "" : ":" + p.side));
  t2.same(s(3, 1, 3, 1), []);
  t2.same(s(10, 1, 10, 1), []);
  t2.same(s(2, 1, 2, 1), ["SIDE_TOO_SMALL:workers", "SIDE_TOO_SMALL:employers"]);
  t2.same(s(11, 1, 11, 1), ["SIDE_TOO_LARGE:workers", "SIDE_TOO_LARGE:employers"]);
  t2.same(s(5, 1, 4, 1), ["SIDES_UNEQUAL"]);
  t2.same(s(5, 0, 5, 2), ["CHIEF_MISSING:workers", "TWO_CHIEFS:employers"]);
  fc.assert(fc.property(
    fc.integer({ min: 3, max: 10 }),
    (n) => negotiatorProblems({ workers: { n, chiefs: 1 }, employers: { n, chiefs: 1 } }).length === 0
  ));
});
//# sourceMappingURL=bargaining.test.js.map
