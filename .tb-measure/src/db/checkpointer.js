import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const report = (err) => parentPort.postMessage({ error: String((err && err.message) || err) })
let db = null
try {
  const Database = require(workerData.driver)
  db = new Database(workerData.path, { fileMustExist: true })
  db.pragma('busy_timeout = 1000')
} catch (err) { report(err) }
let timer = null
let last = ''
const tick = () => {
  timer = null
  if (db === null) return
  let busy = false
  try {
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0]
    const seen = r.log + ':' + r.checkpointed
    busy = seen !== last
    last = seen
    if (workerData.report) parentPort.postMessage({ result: r })
  } catch (err) { report(err) }
  if (!stopped) timer = setTimeout(tick, busy ? workerData.busyMs : workerData.idleMs)
}
let stopped = false
timer = setTimeout(tick, workerData.idleMs)
parentPort.on('message', (m) => {
  if (m !== 'stop') return
  stopped = true
  if (timer !== null) clearTimeout(timer)
  tick()
  if (db !== null) db.close()
  parentPort.close()
})
`;
function startCheckpointer(path, opts = {}) {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(
    WORKER_SOURCE,
    { eval: true, workerData: { path, driver, busyMs: opts.busyMs ?? 10, idleMs: opts.idleMs ?? 500, report: opts.onResult !== void 0 } }
  );
  worker.on("message", (m) => {
    if (m.error !== void 0) opts.onError?.(m.error);
    else if (m.result !== void 0) opts.onResult?.(m.result);
  });
  worker.on("error", (err) => opts.onError?.(err.message));
  worker.unref();
  const exited = new Promise((resolve) => {
    worker.once("exit", () => {
      resolve();
    });
  });
  return {
    stop: async () => {
      worker.ref();
      worker.postMessage("stop");
      const timeout = new Promise((resolve) => setTimeout(() => resolve("timeout"), 5e3).unref());
      if (await Promise.race([exited.then(() => "exited"), timeout]) === "timeout") await worker.terminate();
    }
  };
}
export {
  startCheckpointer
};
//# sourceMappingURL=checkpointer.js.map
