import t from "tap";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, ConfigError } from "../src/config.js";
import { projectRoot } from "../src/paths.js";
import { entryArgs } from "./helper.js";
const SECRET = "a-production-secret-of-at-least-32-chars!";
const PII = "another-production-key-of-32-chars-or-more";
t.test("production: both secrets present and long enough", async (t2) => {
  const c = loadConfig({ NODE_ENV: "production", JWT_SECRET: SECRET, PII_KEY: PII, SMS_PROVIDER: "log" });
  t2.equal(c.env, "production");
  t2.equal(c.jwtSecret, SECRET);
  t2.equal(c.piiKey, PII);
  t2.notOk(c.warnings.some((w) => /JWT_SECRET|PII_KEY/.test(w)), "no development warnings");
});
t.test("production: a missing, empty, blank or short secret is a ConfigError naming it", async (t2) => {
  const cases = [
    ["no secrets", {}, /JWT_SECRET is required[\s\S]*PII_KEY is required/],
    ["JWT_SECRET missing", { PII_KEY: PII }, /JWT_SECRET is required/],
    ["PII_KEY missing", { JWT_SECRET: SECRET }, /PII_KEY is required/],
    ["JWT_SECRET empty", { JWT_SECRET: "", PII_KEY: PII }, /JWT_SECRET is required/],
    ["PII_KEY blank", { JWT_SECRET: SECRET, PII_KEY: "   " }, /PII_KEY is required/],
    ["JWT_SECRET short", { JWT_SECRET: "short", PII_KEY: PII }, /JWT_SECRET must be at least 32 characters/],
    ["PII_KEY 31 characters", { JWT_SECRET: SECRET, PII_KEY: "x".repeat(31) }, /PII_KEY must be at least 32 characters/]
  ];
  for (const [name, env, message] of cases) {
    let thrown;
    try {
      loadConfig({ NODE_ENV: "production", ...env });
    } catch (err) {
      thrown = err;
    }
    t2.ok(thrown instanceof ConfigError, `${name}: ConfigError`);
    t2.match(thrown.message, message, `${name}: says what is wrong`);
  }
});
t.test("short secrets are refused outside production too", async (t2) => {
  t2.throws(() => loadConfig({ NODE_ENV: "development", JWT_SECRET: "short" }), /JWT_SECRET must be at least 32/);
});
t.test("development: fixed values and a warning for each missing secret; defaults", async (t2) => {
  const c = loadConfig({});
  t2.equal(c.env, "development");
  t2.equal(c.port, 3e3);
  t2.equal(c.databasePath, "./data/portal.db");
  t2.equal(c.paymentWebhookSecret, void 0);
  t2.ok(c.jwtSecret.length >= 32);
  t2.ok(c.piiKey.length >= 32);
  t2.ok(c.warnings.some((w) => /JWT_SECRET is not set/.test(w)));
  t2.ok(c.warnings.some((w) => /PII_KEY is not set/.test(w)));
  t2.ok(c.warnings.some((w) => /PAYMENT_WEBHOOK_SECRET/.test(w)));
});
t.test("other variables are validated", async (t2) => {
  const c = loadConfig({ PORT: "8080", HOST: "127.0.0.1", DATABASE_PATH: "/tmp/x.db", LOG_LEVEL: "warn", PAYMENT_WEBHOOK_SECRET: "hook" });
  t2.equal(c.port, 8080);
  t2.equal(c.host, "127.0.0.1");
  t2.equal(c.databasePath, "/tmp/x.db");
  t2.equal(c.logLevel, "warn");
  t2.equal(c.paymentWebhookSecret, "hook");
  t2.throws(() => loadConfig({ PORT: "eighty" }), /PORT/);
  t2.throws(() => loadConfig({ PORT: "70000" }), /PORT/);
  t2.throws(() => loadConfig({ NODE_ENV: "staging" }), /NODE_ENV/);
  t2.throws(() => loadConfig({ LOG_LEVEL: "loud" }), /LOG_LEVEL/);
});
function runServer(env, ms, onStdout) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, entryArgs("src/server.ts"), {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ["ignore", "pipe", "pipe"]
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, ms);
    child.stdout.on("data", (d) => {
      stdout += d.toString();
      onStdout?.(stdout, () => child.kill("SIGTERM"));
    });
    child.stderr.on("data", (d) => {
      stderr += d.toString();
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}
t.test("the real server refuses to start in production without secrets", async (t2) => {
  const dir = mkdtempSync(join(tmpdir(), "portal-prod-"));
  t2.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = await runServer({ NODE_ENV: "production", DATABASE_PATH: join(dir, "portal.db"), PORT: "0", HOST: "127.0.0.1" }, 3e4);
  t2.notOk(r.timedOut, "it exits by itself");
  t2.not(r.code, 0, "with a non-zero status");
  t2.equal(r.code, 1);
  t2.match(r.stderr, /JWT_SECRET is required when NODE_ENV=production/);
  t2.match(r.stderr, /PII_KEY is required when NODE_ENV=production/);
  t2.notMatch(r.stderr, /\n\s+at /, "a clear message, no stack trace");
  t2.notOk(existsSync(join(dir, "portal.db")), "nothing was created");
  const short = await runServer({ NODE_ENV: "production", JWT_SECRET: "short", PII_KEY: PII, DATABASE_PATH: join(dir, "portal.db"), PORT: "0" }, 3e4);
  t2.equal(short.code, 1);
  t2.match(short.stderr, /JWT_SECRET must be at least 32 characters/);
});
t.test("the real server starts on a fresh database in development, warns, answers /healthz and stops on SIGTERM", async (t2) => {
  const dir = mkdtempSync(join(tmpdir(), "portal-dev-"));
  t2.teardown(() => rmSync(dir, { recursive: true, force: true }));
  let url;
  let health;
  const r = await runServer({ NODE_ENV: "development", DATABASE_PATH: join(dir, "sub", "portal.db"), PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" }, 6e4, (out, kill) => {
    const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
    if (m === null || url !== void 0) return;
    url = m[1];
    fetch(url + "/healthz").then(async (res) => {
      health = { status: res.status, body: await res.json() };
    }, () => {
    }).finally(kill);
  });
  t2.notOk(r.timedOut, "it stops by itself after SIGTERM");
  t2.ok(url, "it listened");
  t2.same(health, { status: 200, body: { status: "ok" } });
  t2.match(r.stdout, /JWT_SECRET is not set: using a fixed development value/, "development secrets are warned about");
  t2.ok(r.code === 0 || r.signal === "SIGTERM", "a graceful exit");
  t2.ok(existsSync(join(dir, "sub", "portal.db")), "the database file was created, directory included");
});
t.test("SMS_PROVIDER: required in production, log (with a warning) allowed there, log by default elsewhere", async (t2) => {
  const base = { NODE_ENV: "production", JWT_SECRET: SECRET, PII_KEY: PII };
  t2.throws(() => loadConfig(base), /SMS_PROVIDER is required when NODE_ENV=production/);
  t2.throws(() => loadConfig({ ...base, SMS_PROVIDER: "  " }), /SMS_PROVIDER is required/);
  t2.throws(() => loadConfig({ ...base, SMS_PROVIDER: "carrier-pigeon" }), /SMS_PROVIDER/);
  const pilot = loadConfig({ ...base, SMS_PROVIDER: "log" });
  t2.equal(pilot.smsProvider, "log");
  t2.ok(pilot.warnings.some((w) => /SMS_PROVIDER=log in production/.test(w)));
  const dev = loadConfig({});
  t2.equal(dev.smsProvider, "log");
  t2.equal(dev.smsOutbox, "./data/sms-outbox.jsonl");
  t2.notOk(dev.warnings.some((w) => /SMS_PROVIDER/.test(w)));
});
t.test("WEB_CONCURRENCY: 1 by default, a whole number from 1 to 16", async (t2) => {
  t2.equal(loadConfig({}).webConcurrency, 1);
  t2.equal(loadConfig({ WEB_CONCURRENCY: " " }).webConcurrency, 1, "blank counts as unset");
  const good = [["1", 1], ["2", 2], ["16", 16]];
  for (const [v, n] of good) t2.equal(loadConfig({ WEB_CONCURRENCY: v }).webConcurrency, n, v);
  const bad = [
    ["0", /WEB_CONCURRENCY: must be between 1 and 16/],
    ["17", /WEB_CONCURRENCY: must be between 1 and 16/],
    ["1.5", /WEB_CONCURRENCY: must be a whole number/],
    ["two", /WEB_CONCURRENCY/],
    ["-2", /WEB_CONCURRENCY: must be between 1 and 16/]
  ];
  for (const [v, message] of bad) t2.throws(() => loadConfig({ WEB_CONCURRENCY: v }), message, `${v} is refused`);
});
//# sourceMappingURL=config.test.js.map
