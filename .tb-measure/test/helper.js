import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { buildApp } from "../src/app.js";
import { schema } from "../src/db/index.js";
import { migrationsDir, projectRoot } from "../src/paths.js";
import { loadConfig } from "../src/config.js";
import { createClock } from "../src/lib/clock.js";
import { createAccountsService } from "../src/features/accounts/accounts-service.js";
import { buildings } from "../src/db/schema/index.js";
import { API_TOKEN_TTL_S } from "../src/plugins/auth.js";
function entryArgs(srcPath) {
  if (!import.meta.url.endsWith(".js")) return ["--import", "tsx", join(projectRoot, srcPath)];
  return [fileURLToPath(new URL(`../${srcPath.replace(/\.ts$/, ".js")}`, import.meta.url))];
}
function testClock(start = "2026-06-15T02:00:00.000Z") {
  let t = new Date(start).getTime();
  const c = createClock(() => new Date(t));
  return { ...c, set: (iso) => {
    t = new Date(iso).getTime();
  }, advance: (ms) => {
    t += ms;
  } };
}
function testConfig(overrides = {}) {
  const dir = mkdtempSync(join(tmpdir(), "portal-test-"));
  return {
    ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", PAYMENT_WEBHOOK_SECRET: "test-webhook-secret-0123456789abcdef" }),
    databasePath: join(dir, "portal.db"),
    uploadDir: join(dir, "uploads"),
    smsOutbox: join(dir, "sms-outbox.jsonl"),
    warnings: [],
    ...overrides
  };
}
async function build(t, opts = {}) {
  const clock = opts.clock ?? testClock();
  const config = testConfig(opts.config);
  const app = await buildApp(config, { clock });
  await app.ready();
  t.teardown(async () => {
    await app.close();
    rmSync(join(config.databasePath, ".."), { recursive: true, force: true });
  });
  return Object.assign(app, { testClock: clock });
}
let phoneSeq = 0;
function nextPhone() {
  phoneSeq++;
  return "139" + String(1e7 + phoneSeq * 7919 % 9e7).padStart(8, "0");
}
const PASSWORD = "correct-horse-1";
function smsSent(app) {
  let text;
  try {
    text = readFileSync(app.config.smsOutbox, "utf8");
  } catch {
    return [];
  }
  return text.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l));
}
async function createUser(app, opts = {}) {
  const service = createAccountsService(app.db, app.clock);
  return await service.createUser("cli", {
    phone: opts.phone ?? nextPhone(),
    password: PASSWORD,
    name: opts.name ?? "\u6D4B\u8BD5\u7528\u6237",
    role: opts.role ?? "member",
    buildingIds: opts.buildingIds
  });
}
function tokenFor(app, user) {
  return app.issueToken(user.id, user.tokenVersion, API_TOKEN_TTL_S);
}
function injectAs(app, user, opts) {
  return app.inject({ ...opts, headers: { ...opts.headers ?? {}, authorization: `Bearer ${tokenFor(app, user)}` } });
}
function insertBuilding(app, name = "\u4E94\u534E\u79D1\u521B\u5927\u53A6", enterprisesTotal = 96) {
  const at = app.clock.iso();
  return app.db.insert(buildings).values({ name, district: "\u4E94\u534E\u533A", address: "\u6606\u660E\u5E02\u4E94\u534E\u533A", enterprisesTotal, createdAt: at, updatedAt: at }).returning({ id: buildings.id }).get().id;
}
class PageSession {
  constructor(app) {
    this.app = app;
  }
  cookies = /* @__PURE__ */ new Map();
  csrf;
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  remember(res) {
    for (const c of res.cookies) {
      if (c.value === "" || c.expires !== void 0 && c.expires.getTime() < Date.now()) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m !== null) this.csrf = m[1];
  }
  async get(url, headers = {}) {
    const res = await this.app.inject({ method: "GET", url, headers: { accept: "text/html", cookie: this.cookieHeader(), ...headers } });
    this.remember(res);
    return res;
  }
  async post(url, form, opts = {}) {
    const body = new URLSearchParams({ ...opts.csrf === false ? {} : { _csrf: this.csrf ?? "" }, ...form }).toString();
    const res = await this.app.inject({
      method: "POST",
      url,
      payload: body,
      headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader() }
    });
    this.remember(res);
    return res;
  }
  /** Signs in through the login page. */
  async login(phone, password = PASSWORD) {
    await this.get("/login");
    return await this.post("/login", { phone, password });
  }
}
function databaseBefore(t, tagSuffix) {
  const dir = mkdtempSync(join(tmpdir(), "portal-migration-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const before = join(dir, "migrations");
  mkdirSync(join(before, "meta"), { recursive: true });
  const journal = JSON.parse(readFileSync(join(migrationsDir, "meta", "_journal.json"), "utf8"));
  const upTo = journal.entries.findIndex((e) => e.tag.endsWith(tagSuffix));
  if (upTo < 1) throw new Error(`no migration after the first ends with ${tagSuffix}`);
  journal.entries = journal.entries.slice(0, upTo);
  writeFileSync(join(before, "meta", "_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries) copyFileSync(join(migrationsDir, `${e.tag}.sql`), join(before, `${e.tag}.sql`));
  const sqlite = new Database(join(dir, "portal.db"));
  t.teardown(() => sqlite.close());
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: before });
  return { sqlite, db };
}
export {
  PASSWORD,
  PageSession,
  build,
  createUser,
  databaseBefore,
  entryArgs,
  injectAs,
  insertBuilding,
  nextPhone,
  smsSent,
  testClock,
  testConfig,
  tokenFor
};
//# sourceMappingURL=helper.js.map
