import t from "tap";
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../src/db/index.js";
import { backupDatabase } from "../../src/cli/backup.js";
import { counters } from "../../src/db/schema/index.js";
const mode = (f) => (statSync(f).mode & 511).toString(8);
t.test("database, WAL, shared memory and a backup are created 0600 under umask 022", async (t2) => {
  const dir = mkdtempSync(join(tmpdir(), "portal-modes-"));
  t2.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const before = process.umask(18);
  t2.teardown(() => {
    process.umask(before);
  });
  const path = join(dir, "portal.db");
  const db = openDatabase(path);
  db.insert(counters).values({ name: "x", value: 1 }).run();
  t2.equal(mode(path), "600");
  t2.equal(mode(`${path}-wal`), "600");
  t2.equal(mode(`${path}-shm`), "600");
  const backup = join(dir, "backup.db");
  await backupDatabase(path, backup);
  t2.equal(mode(backup), "600");
  db.$client.close();
});
t.test("files left world-readable by an earlier version are narrowed when opened", async (t2) => {
  const dir = mkdtempSync(join(tmpdir(), "portal-modes-"));
  t2.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, "portal.db");
  openDatabase(path).$client.close();
  chmodSync(path, 420);
  writeFileSync(`${path}-wal`, "");
  chmodSync(`${path}-wal`, 420);
  const db = openDatabase(path);
  t2.equal(mode(path), "600");
  t2.equal(mode(`${path}-wal`), "600");
  db.$client.close();
});
//# sourceMappingURL=file-modes.test.js.map
