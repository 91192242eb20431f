import cluster from "node:cluster";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROLE_VAR, SOCKET_VAR } from "./role.js";
const READY_MESSAGE = "portal-ready";
const DRAIN_MESSAGE = "portal-drain";
const FIRST_PAUSE_MS = 100;
const LONGEST_PAUSE_MS = 1e4;
const STABLE_MS = 3e4;
function restartPause(failures) {
  return Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.max(0, failures - 1));
}
async function runPrimary(opts) {
  const dir = mkdtempSync(join(tmpdir(), "portal-"));
  const socketPath = join(dir, "writer.sock");
  const slots = Array.from({ length: opts.processes }, (_, i) => ({ role: i === 0 ? "writer" : "reader", startedAt: 0, failures: 0 }));
  let stopping = false;
  let started = false;
  const fork = (slot) => {
    const env = { [ROLE_VAR]: slot.role, [SOCKET_VAR]: socketPath };
    if (slot.role === "reader") env.WAL_CHECKPOINT = "inline";
    slot.startedAt = Date.now();
    slot.worker = cluster.fork(env);
    return slot.worker;
  };
  cluster.on("exit", (worker, code, signal) => {
    const slot = slots.find((s) => s.worker === worker);
    if (slot === void 0 || stopping || !started) return;
    slot.worker = void 0;
    slot.failures = Date.now() - slot.startedAt >= STABLE_MS ? 1 : slot.failures + 1;
    const pause = restartPause(slot.failures);
    opts.log("warn", `${slot.role} process ${String(worker.process.pid)} exited; starting another in ${pause} ms`, { code, signal });
    slot.timer = setTimeout(() => {
      slot.timer = void 0;
      if (!stopping) fork(slot);
    }, pause);
  });
  const shutdown = (signal) => {
    if (stopping) return;
    stopping = true;
    opts.log("info", `${signal} received: draining ${opts.processes} server processes`);
    for (const s of slots) clearTimeout(s.timer);
    const group = async (role) => {
      const running = slots.filter((s) => s.role === role && s.worker !== void 0);
      await Promise.all(running.map(async (s) => await stopWorker(s.worker, opts.drainMs)));
    };
    group("reader").then(async () => {
      await group("writer");
    }).finally(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    }).catch(() => {
    });
  };
  process.on("SIGTERM", () => {
    shutdown("SIGTERM");
  });
  process.on("SIGINT", () => {
    shutdown("SIGINT");
  });
  const writer = fork(slots[0]);
  const ready = await new Promise((resolve) => {
    writer.on("message", (m) => {
      if (m === READY_MESSAGE) resolve(true);
    });
    writer.once("exit", () => {
      resolve(false);
    });
  });
  if (!ready) {
    stopping = true;
    rmSync(dir, { recursive: true, force: true });
    opts.log("error", "the writer process did not start; stopping");
    process.exit(1);
  }
  started = true;
  for (const slot of slots.slice(1)) fork(slot);
  const readers = opts.processes - 1;
  opts.log("info", `${opts.processes} server processes: 1 writer, ${readers} reader${readers === 1 ? "" : "s"}`);
}
async function stopWorker(worker, drainMs) {
  if (worker.isDead()) return;
  await new Promise((resolve) => {
    const timer = setTimeout(() => {
      worker.process.kill("SIGKILL");
    }, drainMs);
    worker.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    if (worker.isConnected()) worker.send(DRAIN_MESSAGE);
    else worker.process.kill("SIGTERM");
  });
}
export {
  DRAIN_MESSAGE,
  READY_MESSAGE,
  restartPause,
  runPrimary
};
//# sourceMappingURL=primary.js.map
