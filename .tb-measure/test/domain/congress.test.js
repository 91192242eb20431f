import t from "tap";
import fc from "fast-check";
import { compositionProblems, hasQuorum, motionPasses, quorumNeeded, yesNeeded } from "../../src/domain/congress.js";
const reps = (frontline, staff, operator, form = "representatives", buildingMembers = 1034) => ({ form, counts: { frontline, staff, operator }, buildingMembers });
const rules = (c) => compositionProblems(c).map((p) => p.rule);
t.test("composition: 30 representatives, operators at most 20%", async (t2) => {
  const table = [
    [reps(20, 4, 6), [], "30 with 6 operators (exactly 20%)"],
    [reps(19, 4, 7), ["TOO_MANY_OPERATORS"], "7 of 30 operators"],
    [reps(20, 4, 5), ["TOO_FEW_REPRESENTATIVES"], "29 representatives"],
    [reps(10, 5, 5), ["TOO_FEW_REPRESENTATIVES", "TOO_MANY_OPERATORS"], "both at once, both named"],
    [reps(0, 0, 0), ["TOO_FEW_REPRESENTATIVES"], "empty"],
    [reps(0, 0, 0, "assembly", 0), ["NO_REPRESENTATIVES"], "an assembly of nobody"],
    [reps(40, 0, 10), [], "10 of 50"],
    [reps(40, 0, 11), ["TOO_MANY_OPERATORS"], "11 of 51 (21.6%)"],
    [reps(60, 10, 0, "assembly", 70), [], "assembly of all 70 members"],
    [reps(50, 10, 9, "assembly", 70), ["ASSEMBLY_INCOMPLETE"], "assembly missing a member"],
    [reps(100, 0, 0, "assembly", 100), ["ASSEMBLY_TOO_LARGE"], "a building of 100 members must elect representatives"],
    [reps(5, 0, 5, "assembly", 10), [], "in an assembly the operator share is the workforce"]
  ];
  for (const [c, expected, why] of table) t2.same(rules(c), expected, why);
  t2.same(compositionProblems(reps(19, 4, 7))[0].params, { maxOperators: 6, operators: 7, total: 30 }, "says how many are allowed");
});
t.test("property: a representative congress is valid exactly when \u2265 30 and operators \xD7 5 \u2264 total", async (t2) => {
  fc.assert(fc.property(fc.nat(80), fc.nat(40), fc.nat(30), (f, s, o) => {
    const total = f + s + o;
    return compositionProblems(reps(f, s, o)).length === 0 === (total >= 30 && o * 5 <= total);
  }));
  t2.pass("held");
});
t.test("quorum: at least two thirds present", async (t2) => {
  const table = [[20, 30, true], [19, 30, false], [2, 3, true], [1, 3, false], [21, 31, true], [20, 31, false], [0, 0, false], [34, 50, true], [33, 50, false]];
  for (const [present, total, ok] of table) t2.equal(hasQuorum(present, total), ok, `${present}/${total}`);
  fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), (total) => hasQuorum(quorumNeeded(total), total) && !hasQuorum(quorumNeeded(total) - 1, total)));
});
t.test("a motion passes with yes from more than half of ALL representatives", async (t2) => {
  t2.equal(motionPasses({ yes: 16, no: 0, abstain: 0 }, 30), true);
  t2.equal(motionPasses({ yes: 15, no: 0, abstain: 0 }, 30), false, "half is not more than half");
  t2.equal(motionPasses({ yes: 15, no: 2, abstain: 3 }, 30), false, "15 of 20 present is not enough: all 30 count");
  t2.equal(motionPasses({ yes: 16, no: 15, abstain: 0 }, 31), true);
  t2.equal(motionPasses({ yes: 0, no: 0, abstain: 0 }, 0), false);
  fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), (total) => motionPasses({ yes: yesNeeded(total), no: 0, abstain: 0 }, total) && !motionPasses({ yes: yesNeeded(total) - 1, no: 0, abstain: 0 }, total)));
});
//# sourceMappingURL=congress.test.js.map
