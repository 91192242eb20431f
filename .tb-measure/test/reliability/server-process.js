import { spawn } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "../../src/paths.js";
import { entryArgs } from "../helper.js";
import { freePort, mintToken } from "../../bench/http.js";
const TEST_JWT_SECRET = "reliability-test-jwt-secret-0123456789abcdef";
const TEST_PII_KEY = "reliability-test-pii-key-0123456789abcdefgh";
async function startServer(opts) {
  const port = await freePort();
  const child = spawn(process.execPath, entryArgs("src/server.ts"), {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_PATH: opts.databasePath,
      UPLOAD_DIR: opts.uploadDir ?? join(opts.databasePath, "..", "uploads"),
      JWT_SECRET: TEST_JWT_SECRET,
      PII_KEY: TEST_PII_KEY,
      // As in production: checkpoints in the background thread, so a kill can land mid-checkpoint.
      WAL_CHECKPOINT: "background",
      ...opts.env
    },
    stdio: ["ignore", "pipe", "pipe"]
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d) => {
    out += d.toString();
  });
  const exited = new Promise((resolve) => {
    child.on("exit", (code) => {
      resolve(code);
    });
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 3e4);
  for (; ; ) {
    if (hasExited) throw new Error(`server exited before answering:
${out}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1e3) });
      if (res.ok) break;
    } catch {
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not answer /healthz in time:
${out}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const signalAndWait = async (signal) => {
    if (!hasExited) child.kill(signal);
    await exited;
  };
  return {
    child,
    pid: child.pid,
    baseUrl,
    output: () => out,
    exited,
    stop: async () => {
      await signalAndWait("SIGTERM");
    },
    kill: async () => {
      await signalAndWait("SIGKILL");
    }
  };
}
function tokenFor(userId, tokenVersion = 0) {
  return mintToken(userId, tokenVersion, TEST_JWT_SECRET);
}
export {
  TEST_JWT_SECRET,
  TEST_PII_KEY,
  freePort,
  startServer,
  tokenFor
};
//# sourceMappingURL=server-process.js.map
