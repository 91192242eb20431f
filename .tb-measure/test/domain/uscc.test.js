import t from "tap";
import fc from "fast-check";
import { normaliseUscc, usccCheckChar, usccProblem } from "../../src/domain/identity.js";
const CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const VALID = ["91350100M000100Y43", "914403001922038216"];
t.test("valid codes from DOMAIN.md, and their normalised forms", async (t2) => {
  for (const v of VALID) {
    t2.equal(usccProblem(v), null, v);
    t2.equal(usccProblem(v.toLowerCase()), null, v + " lower-case");
    t2.equal(usccProblem(`  ${v} `), null, v + " with spaces");
    t2.equal(normaliseUscc(` ${v.toLowerCase()} `), v);
    t2.equal(usccCheckChar(v.slice(0, 17)), v[17]);
  }
});
t.test("mutations of valid codes are refused with the right problem", async (t2) => {
  const table = [
    ["wrong check digit", "91350100M000100Y44", "checksum"],
    ["wrong check digit 2", "914403001922038217", "checksum"],
    ["two characters swapped", "91350100M000100Y34", "checksum"],
    ["changed body character", "91350100M000101Y43", "checksum"],
    ["17 characters", "91350100M000100Y4", "format"],
    ["19 characters", "91350100M000100Y430", "format"],
    ["empty", "", "format"],
    ["letter I", "91350100I000100Y43", "format"],
    ["letter O", "91350100O000100Y43", "format"],
    ["letter S", "91350100S000100Y43", "format"],
    ["letter V", "91350100V000100Y43", "format"],
    ["letter Z", "91350100Z000100Y43", "format"],
    ["check char I", "91440300192203821I", "format"],
    ["punctuation", "91350100-000100Y43", "format"],
    ["full-width digit", "\uFF191350100M000100Y43", "format"],
    ["inner space", "91350100 M00100Y43", "format"]
  ];
  for (const [label, code, problem] of table) t2.equal(usccProblem(code), problem, label);
});
const validCode = fc.array(fc.constantFrom(...CHARS), { minLength: 17, maxLength: 17 }).map((a) => {
  const first17 = a.join("");
  return first17 + usccCheckChar(first17);
});
t.test("property: every code built with the check character is accepted", async (t2) => {
  fc.assert(fc.property(validCode, (code) => usccProblem(code) === null));
  t2.pass("held for all generated codes");
});
t.test("property: any single-character change of a valid code is refused", async (t2) => {
  const anyChar = fc.oneof(fc.constantFrom(...CHARS), fc.constantFrom(..."IOSVZ-_ *#"), fc.string({ minLength: 1, maxLength: 1 }));
  fc.assert(fc.property(fc.oneof(validCode, fc.constantFrom(...VALID)), fc.nat(17), anyChar, (code, i, ch) => {
    fc.pre(ch.toUpperCase() !== code[i]);
    const changed = code.slice(0, i) + ch + code.slice(i + 1);
    return usccProblem(changed) !== null;
  }), { numRuns: 2e3 });
  t2.pass("held for all generated changes");
});
//# sourceMappingURL=uscc.test.js.map
