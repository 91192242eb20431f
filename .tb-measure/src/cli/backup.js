import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { mkdirSync } from "node:fs";
import Database from "better-sqlite3";
import { loadConfig, ConfigError } from "../config.js";
import { ownerOnly } from "../db/index.js";
const USAGE = `usage: npm run backup -- FILE [--force]
  Copies the database at DATABASE_PATH (now: %DB%) to FILE while the portal runs.
  FILE must not exist unless --force is given.`;
async function backupDatabase(sourcePath, target, onProgress) {
  const started = Date.now();
  const file = resolve(target);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  ownerOnly(partial);
  const source = new Database(sourcePath, { fileMustExist: true });
  source.pragma("busy_timeout = 5000");
  try {
    const done = await source.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 2147483647;
      }
    });
    const pages = done.totalPages;
    onProgress?.(pages, pages);
    const copy = new Database(partial);
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`the copy failed PRAGMA integrity_check: ${String(check)}`);
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    renameSync(partial, file);
    return { file, pages, bytes: statSync(file).size, ms: Date.now() - started };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }
}
async function runBackup(argv, env = process.env, out = (s) => process.stdout.write(s + "\n"), err = (s) => process.stderr.write(s + "\n")) {
  let config;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      err(e.message);
      return 1;
    }
    throw e;
  }
  const usage = USAGE.replace("%DB%", config.databasePath);
  const force = argv.includes("--force");
  const files = argv.filter((a) => a !== "--force");
  if (files.length !== 1 || files[0].startsWith("-")) {
    err(usage);
    return 2;
  }
  const source = resolve(config.databasePath);
  const target = resolve(files[0]);
  if (!existsSync(source)) {
    err(`No database at ${source} (set DATABASE_PATH to the portal's database).`);
    return 1;
  }
  if (target === source) {
    err("The backup file must not be the database itself.");
    return 2;
  }
  if (existsSync(target) && !force) {
    err(`${target} already exists: choose a new file name, or add --force to replace it.`);
    return 1;
  }
  try {
    const r = await backupDatabase(source, target);
    out(`backup of ${source} written to ${r.file}: ${(r.bytes / 1048576).toFixed(1)} MB, ${r.pages} pages, ${r.ms} ms; integrity_check ok.`);
    out(`To restore: stop the portal, copy ${r.file} to DATABASE_PATH (remove any ${source}-wal and -shm beside it), start the portal.`);
    return 0;
  } catch (e) {
    err(`backup failed: ${e.message}`);
    return 1;
  }
}
const invokedDirectly = process.argv[1] !== void 0 && /backup\.(ts|js)$/.test(process.argv[1]);
if (invokedDirectly) {
  runBackup(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (e) => {
    process.stderr.write(String(e?.stack ?? e) + "\n");
    process.exitCode = 1;
  });
}
export {
  backupDatabase,
  runBackup
};
//# sourceMappingURL=backup.js.map
