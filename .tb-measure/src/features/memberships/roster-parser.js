import { Worker } from "node:worker_threads";
import { AppError } from "../../lib/errors.js";
let worker = null;
let nextJob = 1;
const pending = /* @__PURE__ */ new Map();
function start() {
  const ts = import.meta.url.endsWith(".ts");
  const entry = new URL("./roster-worker" + (ts ? ".ts" : ".js"), import.meta.url);
  const viaTsx = ts && process.execArgv.some((a) => a.includes("tsx"));
  const w = viaTsx ? new Worker(`import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}) })`, { eval: true }) : new Worker(entry);
  w.on("message", (m) => {
    const job = pending.get(m.id);
    if (job === void 0) return;
    if (m.kind === "rows") {
      job.result.total = m.total;
      for (const v of m.valid) job.result.valid.push(v);
      for (const r of m.refused) job.result.refused.push(r);
      job.result.duplicates += m.duplicates;
    } else {
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      if (m.kind === "done") job.resolve({ ...job.result, total: m.total });
      else if (m.error.statusCode >= 500) job.reject(new Error(m.error.detail ?? m.error.code));
      else job.reject(new AppError(m.error.statusCode, m.error.code, m.error.messageKey, m.error.params, m.error.fields));
    }
  });
  const fail = (err) => {
    if (worker === w) worker = null;
    for (const [id, job] of pending) {
      pending.delete(id);
      job.reject(err);
    }
  };
  w.on("error", fail);
  w.on("exit", (code) => fail(new Error(`roster worker exited (${code})`)));
  w.unref();
  return w;
}
async function parseRoster(job) {
  worker ??= start();
  const w = worker;
  const id = nextJob++;
  return await new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, result: { total: 0, valid: [], refused: [], duplicates: 0 } });
    w.ref();
    w.postMessage({ ...job, id });
  });
}
export {
  parseRoster
};
//# sourceMappingURL=roster-parser.js.map
