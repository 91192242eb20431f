import t from "tap";
import { mkdtempSync, rmSync, readdirSync, existsSync } from "node:fs";
import Database from "better-sqlite3";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../src/db/index.js";
import { migrationsDir } from "../src/paths.js";
const EXPECTED_TABLES = [
  "users",
  "role_grants",
  "staff_scopes",
  "audit_log",
  "idempotency_keys",
  "counters",
  "buildings",
  "enterprises",
  "memberships",
  "membership_transfers",
  "roster_imports",
  "aid_plans",
  "aid_group_orders",
  "aid_purchases",
  "aid_payment_batches",
  "aid_claims",
  "aid_claim_documents",
  "claim_counts",
  "congresses",
  "congress_representatives",
  "congress_sessions",
  "session_attendance",
  "motions",
  "motion_votes",
  "bargaining_rounds",
  "bargaining_negotiators",
  "bargaining_proposals",
  "bargaining_meetings",
  "collective_contracts",
  "disclosures",
  "charter_versions"
];
function tempPath(t2) {
  const dir = mkdtempSync(join(tmpdir(), "portal-db-"));
  t2.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "nested", "dir", "portal.db");
}
t.test("a fresh path: directories and file created, all tables, WAL, foreign keys, busy timeout", async (t2) => {
  const path = tempPath(t2);
  t2.notOk(existsSync(path));
  const db = openDatabase(path);
  t2.teardown(() => db.$client.close());
  t2.ok(existsSync(path));
  const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name);
  for (const name of EXPECTED_TABLES) t2.ok(tables.includes(name), `table ${name}`);
  t2.equal(db.$client.pragma("journal_mode", { simple: true }), "wal");
  t2.equal(db.$client.pragma("foreign_keys", { simple: true }), 1);
  t2.ok(Number(db.$client.pragma("busy_timeout", { simple: true })) >= 1e3);
  t2.equal(db.$client.pragma("synchronous", { simple: true }), 2, "synchronous FULL: a commit is on disk before it is acknowledged");
  const triggers = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all().map((r) => r.name);
  t2.ok(triggers.includes("audit_log_no_update") && triggers.includes("audit_log_no_delete"), "the audit log is append-only");
  t2.same([...triggers].sort(), [
    "audit_log_no_delete",
    "audit_log_no_update",
    "claim_counts_delete",
    "claim_counts_insert",
    "claim_counts_move",
    "claims_follow_enterprise",
    "claims_follow_membership",
    "fund_claims_delete",
    "fund_claims_insert",
    "fund_claims_update",
    "fund_income_delete",
    "fund_income_insert",
    "fund_income_update"
  ], "the triggers");
  const applied = db.$client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get();
  const files = readdirSync(migrationsDir).filter((f) => f.endsWith(".sql"));
  t2.equal(applied.n, files.length, "every committed migration applied once");
});
t.test("foreign keys are enforced", async (t2) => {
  const db = openDatabase(tempPath(t2));
  t2.teardown(() => db.$client.close());
  t2.throws(() => db.$client.prepare("INSERT INTO staff_scopes (user_id, building_id, granted_at) VALUES (999, 999, '2026-01-01')").run(), /FOREIGN KEY/);
});
t.test("opening twice is idempotent and keeps the data", async (t2) => {
  const path = tempPath(t2);
  const first = openDatabase(path);
  first.$client.prepare("INSERT INTO counters (name, value) VALUES ('test', 41)").run();
  const count = first.$client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get().n;
  first.$client.close();
  const second = openDatabase(path);
  t2.teardown(() => second.$client.close());
  t2.equal(second.$client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get().n, count, "no migration applied twice");
  t2.equal(second.$client.prepare("SELECT value FROM counters WHERE name = 'test'").get().value, 41);
  const third = openDatabase(path);
  t2.teardown(() => third.$client.close());
  third.$client.prepare("UPDATE counters SET value = 42 WHERE name = 'test'").run();
  t2.equal(second.$client.prepare("SELECT value FROM counters WHERE name = 'test'").get().value, 42);
});
t.test("a transaction holds the write lock from its first statement; DEFERRED can still be asked for", async (t2) => {
  const path = tempPath(t2);
  const db = openDatabase(path);
  const other = new Database(path);
  other.pragma("busy_timeout = 0");
  t2.teardown(() => {
    other.close();
    db.$client.close();
  });
  db.$client.prepare("INSERT INTO counters (name, value) VALUES ('test', 41)").run();
  const read = () => db.$client.prepare("SELECT value FROM counters WHERE name = 'test'").get().value;
  const otherTriesToWrite = () => {
    try {
      other.exec("BEGIN IMMEDIATE");
      other.exec("ROLLBACK");
      return "wrote";
    } catch (err) {
      return err.code;
    }
  };
  t2.equal(
    db.transaction(() => {
      read();
      return otherTriesToWrite();
    }),
    "SQLITE_BUSY",
    "after only a read, the default transaction already holds the write lock"
  );
  t2.equal(
    db.transaction(() => {
      read();
      return otherTriesToWrite();
    }, { behavior: "deferred" }),
    "wrote",
    "a deferred transaction that has only read does not"
  );
  t2.equal(otherTriesToWrite(), "wrote", "the lock is released at COMMIT");
});
//# sourceMappingURL=db.test.js.map
