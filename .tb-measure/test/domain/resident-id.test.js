import t from "tap";
import fc from "fast-check";
import { maskResidentId, normaliseResidentId, residentIdCheckChar, residentIdFacts, residentIdProblem } from "../../src/domain/identity.js";
import { formatMemberNo, makeResidentId, maskName } from "../../src/domain/memberships.js";
const TODAY = "2026-06-15";
t.test("table: the examples of DOMAIN.md and each way a number can be wrong", async (t2) => {
  const cases = [
    ["11010519491231002X", null],
    ["11010519491231002x", null],
    [" 440524188001010014 ", null],
    ["110105194912310021", "checksum"],
    ["440524188001010015", "checksum"],
    ["11010519491231002", "format"],
    ["1101051949123100211", "format"],
    ["11010519491231002Y", "format"],
    ["1101051949123100X2", "format"],
    ["", "format"],
    ["\uFF11\uFF11\uFF10\uFF11\uFF10\uFF15\uFF11\uFF19\uFF14\uFF19\uFF11\uFF12\uFF13\uFF11\uFF10\uFF10\uFF12\uFF38", "format"],
    [makeResidentId("110105", "2026-06-15", 1), null],
    [makeResidentId("110105", "2026-06-16", 1), "futureBirthDate"],
    [makeResidentId("110105", "2099-01-01", 1), "futureBirthDate"],
    ["110105202302290011", "birthDate"],
    ["110105199913010011", "birthDate"],
    ["110105179912310011", "birthDate"],
    [makeResidentId("110105", "1800-01-01", 1), null],
    [makeResidentId("110105", "2024-02-29", 1), null]
  ];
  for (const [id, problem] of cases) t2.equal(residentIdProblem(id, TODAY), problem, JSON.stringify(id));
});
t.test("facts: birth date and gender (odd 17th digit: male)", async (t2) => {
  t2.same(residentIdFacts("11010519491231002X"), { birthDate: "1949-12-31", gender: "female" });
  t2.same(residentIdFacts("440524188001010014"), { birthDate: "1880-01-01", gender: "male" });
  t2.equal(maskResidentId("11010519491231002x"), "110105********002X");
  t2.equal(normaliseResidentId(" 11010519491231002x "), "11010519491231002X");
});
const birthDate = fc.date({ min: /* @__PURE__ */ new Date("1900-01-01T00:00:00Z"), max: /* @__PURE__ */ new Date(TODAY + "T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const validId = fc.tuple(fc.integer({ min: 11e4, max: 659999 }), birthDate, fc.integer({ min: 0, max: 999 })).map(([area, birth, seq]) => makeResidentId(String(area), birth, seq));
t.test("property: every generated valid number passes, lower-case x included, and its facts match", async (t2) => {
  fc.assert(fc.property(validId, (id) => {
    if (residentIdProblem(id, TODAY) !== null) return false;
    if (residentIdProblem(id.toLowerCase(), TODAY) !== null) return false;
    const f = residentIdFacts(id);
    return f.birthDate === `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` && f.gender === (Number(id[16]) % 2 === 1 ? "male" : "female") && maskResidentId(id) === id.slice(0, 6) + "********" + id.slice(14);
  }), { numRuns: 2e3 });
  t2.pass("2000 generated numbers");
});
t.test("property: changing any single character of a valid number makes it invalid", async (t2) => {
  const change = fc.tuple(validId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }));
  fc.assert(fc.property(change, ([id, pos, delta]) => {
    const alphabet = pos === 17 ? "0123456789X" : "0123456789";
    const current = alphabet.indexOf(id[pos]);
    const next = alphabet[(current + delta) % alphabet.length];
    if (next === id[pos]) return true;
    const changed = id.slice(0, pos) + next + id.slice(pos + 1);
    return residentIdProblem(changed, TODAY) !== null;
  }), { numRuns: 3e3 });
  t2.pass("3000 single-character changes refused");
});
t.test("property: swapping two different adjacent digits is caught", async (t2) => {
  fc.assert(fc.property(validId, fc.integer({ min: 0, max: 15 }), (id, pos) => {
    if (id[pos] === id[pos + 1]) return true;
    const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
    return residentIdProblem(swapped, TODAY) !== null;
  }), { numRuns: 2e3 });
  t2.pass();
});
t.test("property: a birth date after today is refused whatever the check character", async (t2) => {
  const future = fc.date({ min: /* @__PURE__ */ new Date("2026-06-16T00:00:00Z"), max: /* @__PURE__ */ new Date("2999-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  fc.assert(fc.property(fc.integer({ min: 11e4, max: 659999 }), future, fc.integer({ min: 0, max: 999 }), (area, birth, seq) => residentIdProblem(makeResidentId(String(area), birth, seq), TODAY) === "futureBirthDate"));
  t2.pass();
});
t.test("property: the check character is the one of GB 11643 (sum of weights mod 11)", async (t2) => {
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  fc.assert(fc.property(fc.stringMatching(/^\d{17}$/), (s) => {
    const sum = [...s].reduce((acc, d, i) => acc + Number(d) * W[i], 0);
    return residentIdCheckChar(s) === "10X98765432"[sum % 11];
  }));
  t2.pass();
});
t.test("membership numbers and masked names", async (t2) => {
  t2.equal(formatMemberNo(2026, 1), "KM2026000001");
  t2.equal(formatMemberNo("2027", 123456), "KM2027123456");
  t2.equal(maskName("\u738B\u82B3"), "\u738B*");
  t2.equal(maskName("\u6B27\u9633\u5A1C\u5A1C"), "\u6B27***");
  t2.equal(maskName("\u674E"), "\u674E*");
  t2.equal(maskName(""), "");
});
//# sourceMappingURL=resident-id.test.js.map
