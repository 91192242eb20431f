import closeWithGrace from "close-with-grace";
import { loadConfig, ConfigError } from "./config.js";
import { roleOf } from "./cluster/role.js";
import { DRAIN_MESSAGE, READY_MESSAGE, runPrimary } from "./cluster/primary.js";
import { closeServer, forwardWrites, listenForForwardedWrites } from "./cluster/forward.js";
const GRACE_MS = 1e4;
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + "\n");
      process.exit(1);
    }
    throw err;
  }
  const role = roleOf(config.webConcurrency);
  if (role.kind === "primary") {
    await runPrimary({ processes: config.webConcurrency, drainMs: GRACE_MS + 2e3, log: primaryLog(config) });
    return;
  }
  const { buildApp } = await import("./app.js");
  const app = await buildApp(config, { housekeeping: role.kind !== "reader" });
  let forwarded = null;
  let stopForwarding = () => {
  };
  if (role.kind === "reader") {
    stopForwarding = forwardWrites(app.server, role.socketPath, (err) => {
      app.log.error({ err }, "forwarding a write to the writer process failed");
    });
  }
  let closing = null;
  const close = async () => {
    if (forwarded !== null) await closeServer(forwarded);
    await app.close();
    stopForwarding();
  };
  const grace = closeWithGrace({ delay: GRACE_MS }, async ({ signal, err }) => {
    if (err !== void 0) app.log.error({ err }, "server closing with error");
    else app.log.info(`${signal === void 0 ? "drain requested by the primary" : `${String(signal)} received`}, server closing`);
    closing ??= close();
    await closing;
  });
  if (role.kind !== "single") process.on("message", (m) => {
    if (m === DRAIN_MESSAGE) grace.close();
  });
  await app.listen({ port: config.port, host: config.host });
  if (role.kind === "writer") forwarded = await listenForForwardedWrites(app.server, role.socketPath);
  if (role.kind !== "single") process.send?.(READY_MESSAGE);
}
function primaryLog(config) {
  const levels = { info: 30, warn: 40, error: 50 };
  const numbers = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };
  const floor = numbers[config.logLevel] ?? 30;
  return (level, msg, extra = {}) => {
    if (levels[level] < floor) return;
    process.stdout.write(JSON.stringify({ level: levels[level], time: Date.now(), pid: process.pid, role: "primary", ...extra, msg }) + "\n");
  };
}
main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + "\n");
  process.exit(1);
});
//# sourceMappingURL=server.js.map
