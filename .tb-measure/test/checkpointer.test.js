import t from "tap";
import { EventEmitter } from "node:events";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../src/db/index.js";
import { startCheckpointer } from "../src/db/checkpointer.js";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
function tempPath(t2) {
  const dir = mkdtempSync(join(tmpdir(), "portal-ckpt-"));
  t2.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "portal.db");
}
t.test("the worker checkpoints what the request connection wrote; every row survives", async (t2) => {
  const path = tempPath(t2);
  const db = openDatabase(path);
  db.$client.pragma("wal_autocheckpoint = 0");
  db.$client.exec("create table scratch (id integer primary key, body text not null)");
  const insert = db.$client.prepare("insert into scratch (body) values (?)");
  for (let i = 0; i < 2e3; i++) insert.run("x".repeat(500));
  const walBefore = statSync(`${path}-wal`).size;
  t2.ok(walBefore > 5e5, `the log holds the writes (${walBefore} bytes)`);
  const results = [];
  const errors = [];
  const ckpt = startCheckpointer(path, { busyMs: 5, idleMs: 20, onResult: (r) => results.push(r), onError: (m) => errors.push(m) });
  const isComplete = (r) => r.log > 0 && r.checkpointed === r.log;
  while (!results.some(isComplete) && errors.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  t2.same(errors, [], "no error while checkpointing");
  const done = results.find(isComplete);
  t2.ok(done !== void 0 && done.checkpointed > 0, "a complete checkpoint was reported");
  t2.equal(done.busy, 0, "PASSIVE: never busy");
  for (let i = 0; i < 100; i++) insert.run("y");
  await ckpt.stop();
  t2.same(errors, []);
  db.$client.close();
  const check = new Database(path, { readonly: true });
  t2.teardown(() => check.close());
  t2.equal(check.pragma("integrity_check", { simple: true }), "ok");
  t2.equal(check.prepare("select count(*) as n from scratch").get().n, 2100);
});
t.test("a missing database file: the worker reports the error and stops cleanly", async (t2) => {
  const errors = [];
  const ckpt = startCheckpointer(join(tempPath(t2), "nope.db"), { idleMs: 20, onError: (m) => errors.push(m) });
  await ckpt.stop();
  t2.ok(errors.length > 0, errors.join("; "));
});
t.test("the app with WAL_CHECKPOINT=background: SQLite's own checkpoint left on, a clean close", async (t2) => {
  const path = tempPath(t2);
  const config = { ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", WAL_CHECKPOINT: "background" }), databasePath: path, uploadDir: join(path, "..", "uploads") };
  t2.equal(config.backgroundCheckpoint, true);
  t2.equal(loadConfig({ NODE_ENV: "test" }).backgroundCheckpoint, false, "tests default to inline");
  t2.equal(loadConfig({ NODE_ENV: "development" }).backgroundCheckpoint, true);
  const app = await buildApp(config);
  await app.ready();
  t2.equal(app.db.$client.pragma("wal_autocheckpoint", { simple: true }), 1e3);
  const res = await app.inject({ url: "/healthz" });
  t2.equal(res.statusCode, 200);
  await app.close();
  t2.equal(app.db.$client.open, false);
});
t.test("a worker that fails (an uncaught error in it, a thread that cannot start): reported, no unhandled rejection, stop() resolves", async (t2) => {
  class FailingWorker extends EventEmitter {
    constructor() {
      super();
      setImmediate(() => {
        this.emit("error", new Error("thread failed to start"));
        this.emit("exit", 1);
      });
    }
    ref() {
    }
    unref() {
    }
    postMessage() {
    }
    async terminate() {
      return 1;
    }
  }
  const { startCheckpointer: start } = await t2.mockImport("../src/db/checkpointer.js", {
    "node:worker_threads": { Worker: FailingWorker }
  });
  const rejections = [];
  const onRejection = (reason) => {
    rejections.push(reason);
  };
  process.on("unhandledRejection", onRejection);
  t2.teardown(() => {
    process.off("unhandledRejection", onRejection);
  });
  const errors = [];
  const ckpt = start("/nowhere/portal.db", { onError: (m) => errors.push(m) });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await ckpt.stop();
  t2.same(errors, ["thread failed to start"]);
  t2.same(rejections, [], "no unhandled rejection");
});
t.test("a process that never stops the checkpointer still exits by itself", async (t2) => {
  const path = tempPath(t2);
  openDatabase(path).$client.close();
  const script = join(path, "..", "run.mts");
  writeFileSync(script, `import { startCheckpointer } from ${JSON.stringify(join(process.cwd(), "src", "db", "checkpointer.ts"))}
startCheckpointer(${JSON.stringify(path)}, { idleMs: 20, onError: (m) => { console.error(m) } })
console.log('started')
`);
  const r = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 2e4 });
  t2.equal(r.stdout.trim(), "started", r.stderr);
  t2.equal(r.status, 0, `exited with ${String(r.status)} ${String(r.signal)}`);
});
//# sourceMappingURL=checkpointer.test.js.map
