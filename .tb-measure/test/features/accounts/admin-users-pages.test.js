import t from "tap";
import { and, eq } from "drizzle-orm";
import { build, createUser, insertBuilding, nextPhone, PageSession, PASSWORD, tokenFor } from "../../helper.js";
import { auditLog, roleGrants, staffScopes, users } from "../../../src/db/schema/index.js";
function fieldError(html, field) {
  return new RegExp(`id="f-${field}-error">([^<]*)<`).exec(html)?.[1];
}
async function adminSession(app) {
  const admin = await createUser(app, { role: "admin", name: "\u5E02\u603B\u7BA1\u7406\u5458" });
  const s = new PageSession(app);
  const res = await s.login(admin.phone);
  if (res.statusCode !== 302) throw new Error("admin sign-in failed");
  return { admin, s };
}
const auditFor = (app, userId) => app.db.select().from(auditLog).where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, String(userId)))).orderBy(auditLog.id).all();
t.test("list and search users", async (t2) => {
  const app = await build(t2);
  const { s } = await adminSession(app);
  await createUser(app, { name: "\u738B\u5C0F\u7EA2", phone: "13711112222" });
  await createUser(app, { name: "\u674E\u5927\u660E", role: "staff", buildingIds: [insertBuilding(app)] });
  const list = await s.get("/admin/users");
  t2.equal(list.statusCode, 200);
  t2.match(list.body, /王小红/);
  t2.match(list.body, /李大明/);
  t2.match(list.body, /工作人员/, "roles are shown in words");
  t2.match(list.body, /共 3 条/);
  const byName = await s.get("/admin/users?q=" + encodeURIComponent("\u5C0F\u7EA2"));
  t2.match(byName.body, /王小红/);
  t2.notMatch(byName.body, /李大明/);
  t2.match(byName.body, /共 1 条/);
  const byPhone = await s.get("/admin/users?q=1371111");
  t2.match(byPhone.body, /王小红/);
  t2.notMatch(byPhone.body, /李大明/);
  const none = await s.get("/admin/users?q=nobody-here");
  t2.match(none.body, /共 0 条/);
  t2.equal((await s.get("/admin/users?page=abc")).statusCode, 400, "a bad page number is a 400, not a 500");
});
t.test("create a user: member, staff with a building, admin; errors beside the fields", async (t2) => {
  const app = await build(t2);
  const { admin, s } = await adminSession(app);
  const b = insertBuilding(app);
  await s.get("/admin/users");
  const phone = nextPhone();
  const res = await s.post("/admin/users", { phone, name: "\u65B0\u5DE5\u4F5C\u4EBA\u5458", password: "staff-pass-1", role: "staff", buildingId: String(b) });
  t2.equal(res.statusCode, 302);
  const created = app.db.select().from(users).where(eq(users.phone, phone)).get();
  t2.equal(res.headers.location, `/admin/users/${created.id}`);
  t2.same(app.db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, created.id)).all(), [{ role: "staff" }]);
  t2.same(app.db.select({ b: staffScopes.buildingId }).from(staffScopes).where(eq(staffScopes.userId, created.id)).all(), [{ b }]);
  const entry = auditFor(app, created.id).find((e) => e.action === "user.create");
  t2.equal(entry.actorUserId, admin.id);
  t2.match(JSON.parse(entry.after), { role: "staff", buildingIds: [b] });
  const page = await s.get(`/admin/users/${created.id}`);
  t2.match(page.body, /账号已创建/);
  t2.match(page.body, /五华科创大厦/);
  const member = await s.post("/admin/users", { phone: nextPhone(), name: "\u4F1A\u5458", password: "member-pass-1", role: "member", buildingId: "" });
  t2.equal(member.statusCode, 302);
  await s.get("/admin/users");
  const adm = await s.post("/admin/users", { phone: nextPhone(), name: "\u7B2C\u4E8C\u7BA1\u7406\u5458", password: "admin-pass-1", role: "admin", buildingId: String(b) });
  t2.equal(adm.statusCode, 302);
  const second = app.db.select().from(users).where(eq(users.name, "\u7B2C\u4E8C\u7BA1\u7406\u5458")).get();
  t2.equal(app.db.select().from(staffScopes).where(eq(staffScopes.userId, second.id)).all().length, 0, "a building means nothing for an admin");
  await s.get("/admin/users");
  const count = app.db.select().from(users).all().length;
  const bad = await s.post("/admin/users", { phone: "555", name: "", password: "1234", role: "staff", buildingId: "" });
  t2.equal(bad.statusCode, 400);
  t2.match(fieldError(bad.body, "phone"), /手机号码/);
  t2.match(fieldError(bad.body, "name"), /必填/);
  t2.match(fieldError(bad.body, "password"), /8 位/);
  t2.match(bad.body, /name="phone"[^>]*value="555"/, "the values are kept");
  const noBuilding = await s.post("/admin/users", { phone: nextPhone(), name: "\u7532", password: "staff-pass-1", role: "staff", buildingId: "" });
  t2.equal(noBuilding.statusCode, 400);
  t2.match(fieldError(noBuilding.body, "buildingId"), /负责的楼宇/);
  const unknownBuilding = await s.post("/admin/users", { phone: nextPhone(), name: "\u4E59", password: "staff-pass-1", role: "staff", buildingId: "999" });
  t2.match(fieldError(unknownBuilding.body, "buildingId"), /存在的楼宇/);
  const badRole = await s.post("/admin/users", { phone: nextPhone(), name: "\u4E19", password: "staff-pass-1", role: "root", buildingId: "" });
  t2.equal(badRole.statusCode, 400);
  t2.ok(fieldError(badRole.body, "role"));
  const dup = await s.post("/admin/users", { phone: admin.phone, name: "\u4E01", password: "staff-pass-1", role: "member", buildingId: "" });
  t2.equal(dup.statusCode, 409);
  t2.match(fieldError(dup.body, "phone"), /已注册/);
  t2.equal(app.db.select().from(users).all().length, count, "nothing written");
});
t.test("grant and remove staff scopes; grant and revoke admin; all audited", async (t2) => {
  const app = await build(t2);
  const { admin, s } = await adminSession(app);
  const b1 = insertBuilding(app, "\u4E94\u534E\u79D1\u521B\u5927\u53A6");
  const b2 = insertBuilding(app, "\u76D8\u9F99\u5546\u52A1\u4E2D\u5FC3");
  const u = await createUser(app, { name: "\u5C0F\u5468" });
  await s.get(`/admin/users/${u.id}`);
  t2.equal((await s.post(`/admin/users/${u.id}/scope`, { buildingId: String(b1), granted: "1" })).statusCode, 302);
  t2.equal((await s.post(`/admin/users/${u.id}/scope`, { buildingId: String(b2), granted: "1" })).statusCode, 302);
  const me = await app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${tokenFor(app, u)}` } });
  t2.same(me.json().user.roles, ["member", "staff"], "a scope makes the user staff, at once");
  t2.same(me.json().user.staffBuildingIds.sort(), [b1, b2].sort());
  const page = await s.get(`/admin/users/${u.id}`);
  t2.match(page.body, /盘龙商务中心/);
  t2.equal((await s.post(`/admin/users/${u.id}/scope`, { buildingId: String(b1), granted: "0" })).statusCode, 302);
  t2.same(app.db.select({ b: staffScopes.buildingId }).from(staffScopes).where(eq(staffScopes.userId, u.id)).all(), [{ b: b2 }]);
  const unknown = await s.post(`/admin/users/${u.id}/scope`, { buildingId: "999", granted: "1" });
  t2.equal(unknown.statusCode, 400);
  t2.match(fieldError(unknown.body, "buildingId"), /存在的楼宇/);
  t2.equal((await s.post(`/admin/users/${u.id}/role`, { role: "admin", granted: "1" })).statusCode, 302);
  t2.ok(app.db.select().from(roleGrants).where(and(eq(roleGrants.userId, u.id), eq(roleGrants.role, "admin"))).get());
  t2.equal((await s.post(`/admin/users/${u.id}/role`, { role: "admin", granted: "0" })).statusCode, 302);
  t2.notOk(app.db.select().from(roleGrants).where(and(eq(roleGrants.userId, u.id), eq(roleGrants.role, "admin"))).get());
  t2.equal((await s.post(`/admin/users/${u.id}/role`, { role: "staff", granted: "0" })).statusCode, 302);
  t2.equal(app.db.select().from(staffScopes).where(eq(staffScopes.userId, u.id)).all().length, 0, "revoking staff ends its scopes");
  const after = await app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${tokenFor(app, u)}` } });
  t2.same(after.json().user.roles, ["member"]);
  const actions = auditFor(app, u.id).map((e) => e.action);
  t2.same(actions, ["user.create", "user.grant_scope", "user.grant_scope", "user.revoke_scope", "user.grant_role", "user.revoke_role", "user.revoke_role"]);
  t2.ok(auditFor(app, u.id).slice(1).every((e) => e.actorUserId === admin.id), "each entry names the admin");
  const self = await s.post(`/admin/users/${admin.id}/role`, { role: "admin", granted: "0" });
  t2.equal(self.statusCode, 422, "an admin cannot revoke their own admin role");
  t2.ok(app.db.select().from(roleGrants).where(and(eq(roleGrants.userId, admin.id), eq(roleGrants.role, "admin"))).get());
  t2.equal((await s.post(`/admin/users/${u.id}/role`, { role: "root", granted: "1" })).statusCode, 400);
  t2.equal((await s.post("/admin/users/99999/role", { role: "admin", granted: "1" })).statusCode, 404);
});
t.test("deactivate: the user's cookie and token stop working at once; reactivate", async (t2) => {
  const app = await build(t2);
  const { admin, s } = await adminSession(app);
  const u = await createUser(app, { name: "\u5C0F\u5434" });
  const token = tokenFor(app, u);
  const userSession = new PageSession(app);
  await userSession.login(u.phone);
  t2.match((await userSession.get("/")).body, /小吴/);
  await s.get(`/admin/users/${u.id}`);
  const res = await s.post(`/admin/users/${u.id}/active`, { active: "0" });
  t2.equal(res.statusCode, 302);
  t2.match((await s.get(`/admin/users/${u.id}`)).body, /账号已停用/);
  const home = await userSession.get("/");
  t2.notMatch(home.body, /小吴/, "the page session has ended");
  t2.notOk(userSession.cookies.has("token"));
  t2.equal((await app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } })).statusCode, 401);
  t2.equal((await userSession.login(u.phone)).statusCode, 401);
  t2.equal((await s.post(`/admin/users/${u.id}/active`, { active: "1" })).statusCode, 302);
  t2.equal((await new PageSession(app).login(u.phone)).statusCode, 302, "signs in again once reactivated");
  t2.equal((await app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } })).statusCode, 401, "old tokens stay dead");
  t2.same(auditFor(app, u.id).map((e) => e.action), ["user.create", "user.deactivate", "user.reactivate"]);
  const self = await s.post(`/admin/users/${admin.id}/active`, { active: "0" });
  t2.equal(self.statusCode, 422, "an admin cannot deactivate themself");
  t2.match(self.body, /不能停用自己的账号/);
  t2.equal((await s.post(`/admin/users/${u.id}/active`, { active: "maybe" })).statusCode, 400);
});
t.test("reset password: shown once, must be changed at next sign-in", async (t2) => {
  const app = await build(t2);
  const { admin, s } = await adminSession(app);
  const u = await createUser(app);
  const token = tokenFor(app, u);
  await s.get(`/admin/users/${u.id}`);
  const res = await s.post(`/admin/users/${u.id}/reset-password`, {});
  t2.equal(res.statusCode, 200);
  const temporary = /data-testid="temp-password">([^<]+)</.exec(res.body)?.[1];
  t2.ok(temporary, "the temporary password is on the page");
  t2.match(temporary, /^[A-Za-z0-9]{12,}$/);
  t2.equal(res.headers["cache-control"], "no-store");
  const again = await s.get(`/admin/users/${u.id}`);
  t2.notMatch(again.body, new RegExp(temporary), "and only that once");
  t2.match(again.body, /待改密码/);
  const stored = app.db.select().from(users).where(eq(users.id, u.id)).get();
  t2.notMatch(stored.passwordHash, new RegExp(temporary), "only a hash is stored");
  t2.equal(stored.mustChangePassword, true);
  t2.equal((await app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } })).statusCode, 401, "old tokens end");
  const entry = auditFor(app, u.id).find((e) => e.action === "user.reset_password");
  t2.equal(entry.actorUserId, admin.id);
  t2.notMatch(JSON.stringify(entry), new RegExp(temporary), "the audit log never holds the password");
  const userSession = new PageSession(app);
  t2.equal((await userSession.login(u.phone, PASSWORD)).statusCode, 401);
  const signIn = await userSession.login(u.phone, temporary);
  t2.equal(signIn.headers.location, "/account/password");
  t2.equal((await userSession.post("/account/password", { currentPassword: temporary, newPassword: "my-own-pass-9" })).statusCode, 302);
  t2.equal((await userSession.get("/")).statusCode, 200);
  t2.equal(app.db.select().from(users).where(eq(users.id, u.id)).get().mustChangePassword, false);
  t2.equal((await s.post("/admin/users/99999/reset-password", {})).statusCode, 404);
});
t.test("non-admins get 403 on every admin route; signed-out users are sent to sign in", async (t2) => {
  const app = await build(t2);
  const b = insertBuilding(app);
  const target = await createUser(app);
  const routes = [
    ["GET", "/admin/users", {}],
    ["GET", `/admin/users/${target.id}`, {}],
    ["GET", "/admin/audit", {}],
    ["POST", "/admin/users", { phone: nextPhone(), name: "\u7532", password: "secret-pass-1", role: "admin", buildingId: "" }],
    ["POST", `/admin/users/${target.id}/active`, { active: "0" }],
    ["POST", `/admin/users/${target.id}/reset-password`, {}],
    ["POST", `/admin/users/${target.id}/role`, { role: "admin", granted: "1" }],
    ["POST", `/admin/users/${target.id}/scope`, { buildingId: String(b), granted: "1" }]
  ];
  const userEntries = () => app.db.select().from(auditLog).where(eq(auditLog.entityType, "user")).all().length;
  const before = userEntries();
  for (const role of ["member", "staff"]) {
    const u = await createUser(app, { role, buildingIds: role === "staff" ? [b] : void 0 });
    const s = new PageSession(app);
    await s.login(u.phone);
    await s.get("/");
    t2.notMatch((await s.get("/")).body, /href="\/admin\/users"/, `no admin links for ${role}`);
    for (const [method, url, form] of routes) {
      const res = method === "GET" ? await s.get(url) : await s.post(url, form);
      t2.equal(res.statusCode, 403, `${role}: ${method} ${url} is 403`);
    }
  }
  const anon = new PageSession(app);
  await anon.get("/login");
  for (const [method, url, form] of routes) {
    const res = method === "GET" ? await anon.get(url) : await anon.post(url, form);
    if (method === "GET") t2.match(res.headers.location, /^\/login\?next=/, `signed out: ${url} asks to sign in`);
    else t2.equal(res.statusCode, 401, `signed out: POST ${url} is 401`);
  }
  t2.equal(userEntries(), before + 2, "no change but the two test users being created");
  const t22 = app.db.select().from(users).where(eq(users.id, target.id)).get();
  t2.equal(t22.active, true);
  t2.equal(t22.mustChangePassword, false);
});
t.test("an administrator is not offered to deactivate or demote their own account", async (t2) => {
  const { build: buildApp, createUser: newUser, PageSession: Session, PASSWORD: pass } = await import("../../helper.js");
  const app = await buildApp(t2);
  const admin = await newUser(app, { role: "admin" });
  const other = await newUser(app);
  const s = new Session(app);
  await s.login(admin.phone, pass);
  const own = (await s.get(`/admin/users/${admin.id}`)).body;
  t2.notMatch(own, /action="\/admin\/users\/\d+\/active"/);
  t2.notMatch(own, /name="role" value="admin"/);
  const theirs = (await s.get(`/admin/users/${other.id}`)).body;
  t2.match(theirs, new RegExp(`action="/admin/users/${other.id}/active"`));
  t2.match(theirs, /name="role" value="admin"/);
});
//# sourceMappingURL=admin-users-pages.test.js.map
