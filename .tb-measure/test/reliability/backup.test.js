import { test } from "tap";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { openDatabase } from "../../src/db/index.js";
import { writeAudit } from "../../src/features/audit/audit-repository.js";
import { projectRoot } from "../../src/paths.js";
import { entryArgs } from "../helper.js";
import { startServer } from "./server-process.js";
const run = promisify(execFile);
let phoneSeq = 0;
const phone = () => "137" + String(2e7 + ++phoneSeq * 104729 % 7e7).padStart(8, "0");
async function register(baseUrl, output = () => "") {
  const p = phone();
  const res = await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ phone: p, password: "backup-test-pass-1", name: "\u5907\u4EFD\u6D4B\u8BD5" })
  });
  if (res.status !== 201) throw new Error(`register answered ${res.status}: ${await res.text()}
${output().slice(-3e3)}`);
  const body = await res.json();
  return { id: body.user.id, phone: p };
}
test("an online backup while the portal writes holds every acknowledged row", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "portal-backup-"));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const dbPath = join(dir, "portal.db");
  const seedDb = openDatabase(dbPath);
  seedDb.transaction((tx) => {
    for (let i = 0; i < 2e4; i++) {
      writeAudit(tx, "2026-01-01T00:00:00.000Z", { actorUserId: null, action: "bench.fill", entityType: "fill", entityId: i, after: { i, pad: "x".repeat(100) } });
    }
  });
  seedDb.$client.close();
  const server = await startServer({ databasePath: dbPath });
  t.teardown(async () => {
    await server.kill();
  });
  const before = [];
  for (let i = 0; i < 30; i++) before.push(await register(server.baseUrl));
  const during = [];
  let writing = true;
  const writer = (async () => {
    while (writing) during.push(await register(server.baseUrl, () => server.output()));
  })();
  const file = join(dir, "copies", "backup.db");
  const { stdout } = await run(process.execPath, [...entryArgs("src/cli/backup.ts"), file], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? "", DATABASE_PATH: dbPath, NODE_ENV: "test" }
  });
  writing = false;
  await writer;
  t.match(stdout, /integrity_check ok/, "the command says the copy checked out");
  t.ok(existsSync(file), "the backup file exists");
  t.notOk(existsSync(`${file}-wal`), "the copy is self-contained (no -wal beside it)");
  const after = await register(server.baseUrl);
  t.ok(after.id > 0, "the portal kept serving");
  const copy = new Database(file, { readonly: true });
  t.teardown(() => {
    copy.close();
  });
  t.equal(copy.pragma("integrity_check", { simple: true }), "ok", "PRAGMA integrity_check on the restored copy");
  const phones = new Set(copy.prepare("select phone from users").all().map((r) => r.phone));
  const missing = before.filter((u) => !phones.has(u.phone));
  t.same(missing, [], `all ${before.length} users registered before the backup are in the copy`);
  t.notOk(phones.has(after.phone), "a user registered after the backup is not");
  const fill = copy.prepare("select count(*) as n from audit_log where action = 'bench.fill'").get();
  t.equal(fill.n, 2e4, "the bulk rows are all there");
  const ids = copy.prepare("select id from users order by id").all().map((r) => r.id);
  t.same(ids, ids.map((_, i) => i + 1), "user ids in the copy have no gaps");
  t.ok(ids.length >= before.length && ids.length <= before.length + during.length, "the copy holds the users acknowledged before it, and at most those written during it");
  const reopened = openDatabase(file);
  const n = reopened.$client.prepare("select count(*) as n from users").get();
  t.equal(n.n, ids.length, "the copy opens with openDatabase and holds the same users");
  reopened.$client.close();
});
test("the backup command refuses an existing file and a missing database, with clear messages", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "portal-backup-"));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const { runBackup } = await import("../../src/cli/backup.js");
  const lines = [];
  const out = (s) => {
    lines.push(s);
  };
  const dbPath = join(dir, "portal.db");
  t.equal(await runBackup([join(dir, "b.db")], { DATABASE_PATH: dbPath }, out, out), 1, "no database: exit 1");
  t.match(lines.pop(), /No database at/);
  openDatabase(dbPath).$client.close();
  t.equal(await runBackup([], { DATABASE_PATH: dbPath }, out, out), 2, "no file: usage, exit 2");
  t.match(lines.pop(), /usage: npm run backup -- FILE/);
  t.equal(await runBackup([dbPath], { DATABASE_PATH: dbPath }, out, out), 2, "the database itself: exit 2");
  t.match(lines.pop(), /must not be the database itself/);
  t.equal(await runBackup([join(dir, "b.db")], { DATABASE_PATH: dbPath }, out, out), 0, "a new file: exit 0");
  t.match(lines.join("\n"), /integrity_check ok/);
  t.equal(await runBackup([join(dir, "b.db")], { DATABASE_PATH: dbPath }, out, out), 1, "an existing file: exit 1");
  t.match(lines.pop(), /already exists.*--force/);
  t.equal(await runBackup([join(dir, "b.db"), "--force"], { DATABASE_PATH: dbPath }, out, out), 0, "--force replaces it");
});
//# sourceMappingURL=backup.test.js.map
