import t from "tap";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { runAdmin } from "../../src/cli/admin.js";
import { openDatabase } from "../../src/db/index.js";
import { auditLog, buildings, roleGrants, staffScopes, users } from "../../src/db/schema/index.js";
import { verifyPassword } from "../../src/lib/password.js";
import { projectRoot } from "../../src/paths.js";
function tempDb(t2) {
  const dir = mkdtempSync(join(tmpdir(), "portal-cli-"));
  t2.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "data", "portal.db");
}
async function admin(path, ...argv) {
  const out = [];
  const err = [];
  const code = await runAdmin(argv, { NODE_ENV: "test", DATABASE_PATH: path }, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join("\n"), err: err.join("\n") };
}
function open(t2, path) {
  const db = openDatabase(path);
  t2.teardown(() => db.$client.close());
  return db;
}
function addBuilding(path) {
  const db = openDatabase(path);
  const id = db.insert(buildings).values({ name: "\u4E94\u534E\u79D1\u521B\u5927\u53A6", district: "\u4E94\u534E\u533A", address: "\u6606\u660E", enterprisesTotal: 96, createdAt: "x", updatedAt: "x" }).returning({ id: buildings.id }).get().id;
  db.$client.close();
  return id;
}
t.test("create-user --role admin on a database that does not exist yet", async (t2) => {
  const path = tempDb(t2);
  t2.notOk(existsSync(path));
  const r = await admin(path, "create-user", "--role", "admin", "--phone", "+86 138-0000-0000", "--password", "S3cure-pass", "--name", "\u7BA1\u7406\u5458");
  t2.equal(r.code, 0);
  t2.match(r.out, /created user 1 \(13800000000, 管理员\) with role admin/);
  t2.equal(r.err, "");
  const db = open(t2, path);
  const u = db.select().from(users).where(eq(users.phone, "13800000000")).get();
  t2.equal(u.name, "\u7BA1\u7406\u5458");
  t2.ok(await verifyPassword("S3cure-pass", u.passwordHash));
  t2.same(db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, u.id)).all(), [{ role: "admin" }]);
  const entry = db.select().from(auditLog).where(eq(auditLog.action, "user.create")).get();
  t2.equal(entry.actorUserId, null);
  t2.equal(entry.note, "command line");
});
t.test("create-user: staff with buildings, member", async (t2) => {
  const path = tempDb(t2);
  const noBuilding = await admin(path, "create-user", "--role", "staff", "--phone", "13800000001", "--password", "S3cure-pass", "--name", "\u5DE5\u4F5C\u4EBA\u5458");
  t2.equal(noBuilding.code, 1);
  t2.match(noBuilding.err, /--building: 工作人员账号需要用 --building/);
  const b = addBuilding(path);
  const unknown = await admin(path, "create-user", "--role", "staff", "--building", "999", "--phone", "13800000001", "--password", "S3cure-pass", "--name", "\u5DE5\u4F5C\u4EBA\u5458");
  t2.equal(unknown.code, 1);
  t2.match(unknown.err, /--building: 请选择一个存在的楼宇/);
  const notNumber = await admin(path, "create-user", "--role", "staff", "--building", "one", "--phone", "13800000001", "--password", "S3cure-pass", "--name", "\u5DE5\u4F5C\u4EBA\u5458");
  t2.equal(notNumber.code, 1);
  const staff = await admin(path, "create-user", "--role", "staff", "--building", String(b), "--phone", "13800000001", "--password", "S3cure-pass", "--name", "\u5DE5\u4F5C\u4EBA\u5458");
  t2.equal(staff.code, 0, staff.err);
  const member = await admin(path, "create-user", "--role", "member", "--phone", "13800000002", "--password", "S3cure-pass", "--name", "\u804C\u5DE5");
  t2.equal(member.code, 0);
  const db = open(t2, path);
  const s = db.select().from(users).where(eq(users.phone, "13800000001")).get();
  t2.same(db.select({ b: staffScopes.buildingId }).from(staffScopes).where(eq(staffScopes.userId, s.id)).all(), [{ b }]);
  t2.same(db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, s.id)).all(), [{ role: "staff" }]);
  const m = db.select().from(users).where(eq(users.phone, "13800000002")).get();
  t2.same(db.select().from(roleGrants).where(eq(roleGrants.userId, m.id)).all(), [], "a member has no granted role");
  t2.equal(db.select().from(users).all().length, 2, "the refused attempts wrote nothing");
});
t.test("create-user: duplicate phone, bad phone, weak password, missing name or role: messages and exit 1", async (t2) => {
  const path = tempDb(t2);
  t2.equal((await admin(path, "create-user", "--role", "member", "--phone", "13800000003", "--password", "S3cure-pass", "--name", "\u7532")).code, 0);
  const dup = await admin(path, "create-user", "--role", "member", "--phone", "138 0000 0003", "--password", "S3cure-pass", "--name", "\u4E59");
  t2.equal(dup.code, 1);
  t2.match(dup.err, /PHONE_TAKEN/);
  t2.match(dup.err, /该手机号码已注册/);
  const badPhone = await admin(path, "create-user", "--role", "member", "--phone", "12345", "--password", "S3cure-pass", "--name", "\u4E19");
  t2.equal(badPhone.code, 1);
  t2.match(badPhone.err, /--phone: 请填写有效的中国大陆手机号码/);
  const digits = await admin(path, "create-user", "--role", "member", "--phone", "13800000004", "--password", "12345678901", "--name", "\u4E01");
  t2.equal(digits.code, 1);
  t2.match(digits.err, /--password: 密码至少 8 位，且不能全是数字/);
  const short = await admin(path, "create-user", "--role", "member", "--phone", "13800000004", "--password", "abc", "--name", "\u4E01", "--lang", "en");
  t2.equal(short.code, 1);
  t2.match(short.err, /--password: The password needs at least 8 characters/, "English with --lang en");
  const missing = await admin(path, "create-user", "--phone", "13800000004", "--password", "S3cure-pass");
  t2.equal(missing.code, 1);
  t2.match(missing.err, /--role: /);
  t2.match(missing.err, /--name: 此项为必填项/);
  const badRole = await admin(path, "create-user", "--role", "root", "--phone", "13800000004", "--password", "S3cure-pass", "--name", "\u620A");
  t2.equal(badRole.code, 1);
  t2.match(badRole.err, /--role: 不是有效的选项/);
  const db = open(t2, path);
  t2.equal(db.select().from(users).all().length, 1);
});
t.test("usage errors exit 2", async (t2) => {
  const path = tempDb(t2);
  const none = await admin(path);
  t2.equal(none.code, 2);
  t2.match(none.err, /usage:/);
  const unknown = await admin(path, "drop-everything");
  t2.equal(unknown.code, 2);
  const badOption = await admin(path, "create-user", "--rol", "admin");
  t2.equal(badOption.code, 2);
  t2.match(badOption.err, /usage:/);
  t2.notOk(existsSync(path), "a usage error does not even create the database");
});
t.test("deactivate-user, reactivate-user, reset-password", async (t2) => {
  const path = tempDb(t2);
  await admin(path, "create-user", "--role", "member", "--phone", "13800000005", "--password", "S3cure-pass", "--name", "\u5DF1");
  const off = await admin(path, "deactivate-user", "--phone", "13800000005");
  t2.equal(off.code, 0);
  t2.match(off.out, /deactivated user \d+ \(13800000005\)/);
  let db = openDatabase(path);
  const before = db.select().from(users).where(eq(users.phone, "13800000005")).get();
  db.$client.close();
  t2.equal(before.active, false);
  t2.equal(before.tokenVersion, 1, "tokens issued before stop working");
  t2.equal((await admin(path, "reactivate-user", "--phone", "13800000005")).code, 0);
  const reset = await admin(path, "reset-password", "--phone", "13800000005");
  t2.equal(reset.code, 0);
  const temporary = /temporary password: (\S+)/.exec(reset.out)?.[1];
  t2.ok(temporary);
  db = openDatabase(path);
  let u = db.select().from(users).where(eq(users.phone, "13800000005")).get();
  db.$client.close();
  t2.equal(u.active, true);
  t2.equal(u.mustChangePassword, true);
  t2.ok(await verifyPassword(temporary, u.passwordHash));
  const chosen = await admin(path, "reset-password", "--phone", "13800000005", "--password", "Chosen-pass-7");
  t2.equal(chosen.code, 0);
  t2.notMatch(chosen.out, /temporary password/, "a chosen password is not printed");
  t2.notMatch(chosen.out, /Chosen-pass-7/);
  const weak = await admin(path, "reset-password", "--phone", "13800000005", "--password", "1234");
  t2.equal(weak.code, 1);
  t2.match(weak.err, /--password: 密码至少 8 位/);
  db = open(t2, path);
  u = db.select().from(users).where(eq(users.phone, "13800000005")).get();
  t2.ok(await verifyPassword("Chosen-pass-7", u.passwordHash), "the weak one was refused, the chosen one kept");
  t2.same(
    db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(u.id))).all().map((r) => r.a),
    ["user.create", "user.deactivate", "user.reactivate", "user.reset_password", "user.reset_password"]
  );
  const nobody = await admin(path, "deactivate-user", "--phone", "13900000000");
  t2.equal(nobody.code, 1);
  t2.match(nobody.err, /没有手机号码为 13900000000 的用户/);
  const badPhone = await admin(path, "reset-password", "--phone", "abc");
  t2.equal(badPhone.code, 1);
  t2.match(badPhone.err, /--phone: /);
});
t.test("a configuration error is reported, exit 1", async (t2) => {
  const err = [];
  const code = await runAdmin(["deactivate-user", "--phone", "13800000000"], { NODE_ENV: "production", DATABASE_PATH: tempDb(t2) }, () => {
  }, (s) => err.push(s));
  t2.equal(code, 1);
  t2.match(err.join("\n"), /JWT_SECRET is required/);
});
function npmAdmin(path, args) {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "admin", "--", ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "development", DATABASE_PATH: path },
      stdio: ["ignore", "pipe", "pipe"]
    });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("npm run admin timed out"));
    }, 6e4);
    child.stdout.on("data", (d) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d) => {
      stderr += d.toString();
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
t.test("npm run admin -- create-user \u2026 as DOMAIN.md shows, then a duplicate", async (t2) => {
  const path = tempDb(t2);
  const r = await npmAdmin(path, ["create-user", "--role", "admin", "--phone", "13800000000", "--password", "S3cure-pass", "--name", "\u7BA1\u7406\u5458"]);
  t2.equal(r.code, 0, r.stderr);
  t2.match(r.stdout, /created user 1 \(13800000000, 管理员\) with role admin/);
  const dup = await npmAdmin(path, ["create-user", "--role", "admin", "--phone", "13800000000", "--password", "S3cure-pass", "--name", "\u7BA1\u7406\u5458"]);
  t2.not(dup.code, 0);
  t2.match(dup.stderr, /PHONE_TAKEN/);
  const db = open(t2, path);
  t2.equal(db.select().from(users).all().length, 1);
});
//# sourceMappingURL=admin.test.js.map
