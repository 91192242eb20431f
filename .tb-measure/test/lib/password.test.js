import t from "tap";
import { hashPassword, useTestPasswordCost, verifyPassword } from "../../src/lib/password.js";
t.test("full cost by default, the test cost only when asked; both verify", async (t2) => {
  const full = await hashPassword("correct-horse-1");
  t2.match(full, /^scrypt\$16384\$8\$1\$/);
  useTestPasswordCost();
  const cheap = await hashPassword("correct-horse-1");
  t2.match(cheap, /^scrypt\$1024\$8\$1\$/);
  t2.ok(await verifyPassword("correct-horse-1", full));
  t2.ok(await verifyPassword("correct-horse-1", cheap));
  t2.notOk(await verifyPassword("correct-horse-2", full));
  t2.notOk(await verifyPassword("correct-horse-2", cheap));
  t2.notOk(await verifyPassword("correct-horse-1", "bcrypt$whatever"), "an unknown format never verifies");
  t2.not(await hashPassword("same"), await hashPassword("same"), "salted");
});
//# sourceMappingURL=password.test.js.map
