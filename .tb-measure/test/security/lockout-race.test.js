import t from "tap";
import { eq } from "drizzle-orm";
import { build, createUser, PASSWORD } from "../helper.js";
import { users } from "../../src/db/schema/index.js";
t.test("twelve guesses at once from twelve addresses: five are evaluated, the right one among the rest does not get in", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app);
  const passwords = [...Array.from({ length: 11 }, (_, i) => `wrong-pass-${i}`), PASSWORD];
  const answers = await Promise.all(passwords.map(async (password, i) => await app.inject({
    method: "POST",
    url: "/api/v1/auth/token",
    remoteAddress: `203.0.113.${i + 1}`,
    payload: { phone: u.phone, password }
  })));
  const codes = answers.map((r) => r.statusCode);
  t2.equal(codes.filter((c) => c === 401).length, 5, "exactly five wrong passwords were evaluated");
  t2.equal(codes.filter((c) => c === 429).length, 7, "the rest were refused unheard");
  t2.equal(answers[11].statusCode, 429, "the right password sent with the guesses is refused");
  t2.equal(answers[11].json().error.code, "ACCOUNT_LOCKED");
  const row = app.db.select().from(users).where(eq(users.id, u.id)).get();
  t2.ok(row.lockedUntil !== null && row.lockedUntil > app.clock.iso(), "the account is locked");
});
t.test("the right password among four wrong ones at once gets in and clears the count", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app);
  const passwords = ["wrong-a-1", "wrong-b-1", PASSWORD, "wrong-c-1", "wrong-d-1"];
  const answers = await Promise.all(passwords.map(async (password) => await app.inject({ method: "POST", url: "/api/v1/auth/token", payload: { phone: u.phone, password } })));
  t2.same(answers.map((r) => r.statusCode), [401, 401, 200, 401, 401]);
  const row = app.db.select().from(users).where(eq(users.id, u.id)).get();
  t2.equal(row.lockedUntil, null);
  t2.equal(row.failedLogins, 0);
});
//# sourceMappingURL=lockout-race.test.js.map
