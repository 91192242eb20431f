import { parentPort } from "node:worker_threads";
import { AppError, ruleRefused } from "../../lib/errors.js";
import { readRosterFile } from "./roster-file.js";
import { checkRows } from "./roster-rows.js";
const CHUNK = 2e3;
const port = parentPort;
if (port === null) throw new Error("roster-worker.ts runs as a worker thread");
port.on("message", (job) => {
  run(job).catch((err) => {
    const e = err instanceof AppError ? err : null;
    const message = e === null ? { id: job.id, kind: "error", error: { statusCode: 500, code: "INTERNAL", messageKey: "error.internal", params: {}, detail: String(err?.stack ?? err) } } : { id: job.id, kind: "error", error: { statusCode: e.statusCode, code: e.code, messageKey: e.messageKey, params: e.params, fields: e.fields } };
    port.postMessage(message);
  });
});
async function run(job) {
  const parsed = await readRosterFile(job.fileName, Buffer.from(job.data), job.encoding);
  const total = parsed.rows.length;
  if (job.limit !== null && total > job.limit.rows) {
    throw ruleRefused("ROSTER_EXCEEDS_HEADCOUNT", "memberships.import.exceedsHeadcount", { rows: total, headcount: job.limit.headcount, max: job.limit.rows });
  }
  const seen = /* @__PURE__ */ new Set();
  for (let from = 0; from < total; from += CHUNK) {
    const checked = checkRows(parsed, job.today, seen, from, Math.min(total, from + CHUNK));
    port.postMessage({ id: job.id, kind: "rows", total, ...checked });
  }
  port.postMessage({ id: job.id, kind: "done", total });
}
//# sourceMappingURL=roster-worker.js.map
