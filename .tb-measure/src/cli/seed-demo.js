import { sql } from "drizzle-orm";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/index.js";
import { createClock } from "../lib/clock.js";
import { createPii } from "../lib/pii.js";
import { seedBuildings } from "../features/buildings/demo-seed.js";
import { seedMemberships } from "../features/memberships/demo-seed.js";
import { seedAid } from "../features/aid/demo-seed.js";
import { seedClaims } from "../features/claims/demo-seed.js";
import { seedGovernance } from "../features/governance/demo-seed.js";
const DEMO_PASSWORD = "Demo-pass-2026";
async function seedDemo(ctx) {
  const users = ctx.db.get(sql`select count(*) as n from users`);
  if (users !== void 0 && users.n > 0) {
    throw new Error("This database already holds data: seed:demo only runs on an empty database (set DATABASE_PATH to a new file).");
  }
  await seedBuildings(ctx);
  await seedMemberships(ctx);
  await seedAid(ctx);
  await seedClaims(ctx);
  await seedGovernance(ctx);
  const byPhone = /* @__PURE__ */ new Map();
  for (const a of ctx.accounts) {
    const seen = byPhone.get(a.phone);
    if (seen === void 0) byPhone.set(a.phone, { ...a });
    else if (!seen.note.includes(a.note)) seen.note += "\uFF1B" + a.note;
  }
  ctx.accounts.splice(0, ctx.accounts.length, ...byPhone.values());
}
const invokedDirectly = process.argv[1] !== void 0 && /seed-demo\.(ts|js)$/.test(process.argv[1]);
if (invokedDirectly) {
  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  const ctx = { db, clock: createClock(), pii: createPii(config.piiKey), uploadDir: config.uploadDir, accounts: [], facts: {}, log: (l) => process.stdout.write(l + "\n") };
  seedDemo(ctx).then(() => {
    ctx.log("\nDemo accounts (password for all: " + DEMO_PASSWORD + "):");
    for (const a of ctx.accounts) ctx.log(`  ${a.role.padEnd(8)} ${a.phone}  ${a.note}`);
    db.$client.close();
  }, (err) => {
    process.stderr.write(err.message + "\n");
    db.$client.close();
    process.exitCode = 1;
  });
}
export {
  DEMO_PASSWORD,
  seedDemo
};
//# sourceMappingURL=seed-demo.js.map
