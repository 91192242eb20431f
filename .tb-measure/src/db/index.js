import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema/index.js";
import { migrationsDir } from "../paths.js";
function openDatabase(path) {
  if (path !== ":memory:") {
    mkdirSync(dirname(path), { recursive: true });
    ownerOnly(path);
  }
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("cache_size = -32768");
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  writeLockFirst(db);
  migrate(db, { migrationsFolder: migrationsDir });
  optimizeDatabase(db);
  return db;
}
function writeLockFirst(db) {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: "immediate", ...config }));
}
function ownerOnly(path) {
  if (!existsSync(path)) {
    try {
      closeSync(openSync(path, "wx", 384));
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
    }
  }
  for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) chmodSync(f, 384);
}
function withLazyCommits(db, write) {
  db.$client.pragma("synchronous = NORMAL");
  try {
    return write();
  } finally {
    db.$client.pragma("synchronous = FULL");
  }
}
function optimizeDatabase(db, onOpen = true) {
  db.$client.pragma(onOpen ? "optimize = 0x10002" : "optimize");
}
const STATEMENT_CACHE_SIZE = 500;
function cacheStatements(sqlite) {
  const compile = sqlite.prepare.bind(sqlite);
  const cache = /* @__PURE__ */ new Map();
  sqlite.prepare = ((source) => {
    const cached = cache.get(source);
    if (cached !== void 0 && !cached.busy) {
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    const statement = compile(source);
    if (cached === void 0) {
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value);
      cache.set(source, statement);
    }
    return statement;
  });
}
export {
  openDatabase,
  optimizeDatabase,
  ownerOnly,
  schema,
  withLazyCommits
};
//# sourceMappingURL=index.js.map
