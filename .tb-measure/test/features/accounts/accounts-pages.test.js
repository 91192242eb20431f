import t from "tap";
import { eq } from "drizzle-orm";
import { build, createUser, nextPhone, PageSession, PASSWORD } from "../../helper.js";
import { auditLog, sessions, users } from "../../../src/db/schema/index.js";
import { createAccountsService } from "../../../src/features/accounts/accounts-service.js";
import { safeNext } from "../../../src/features/accounts/accounts-pages.js";
function fieldError(html, field) {
  return new RegExp(`id="f-${field}-error">([^<]*)<`).exec(html)?.[1];
}
function inputValue(html, field) {
  return new RegExp(`name="${field}"[^>]*value="([^"]*)"`).exec(html)?.[1];
}
t.test("register through the page: session cookie is httpOnly and SameSite=Lax, then signed in", async (t2) => {
  const app = await build(t2);
  const s = new PageSession(app);
  const form = await s.get("/register");
  t2.equal(form.statusCode, 200);
  t2.match(form.body, /<html lang="zh-CN">/);
  t2.match(form.body, /注册/);
  t2.ok(s.csrf, "the form carries a CSRF token");
  const res = await s.post("/register", { phone: "139 0000 2222", name: "\u674E\u5A1C", password: "secret-pass-1" });
  t2.equal(res.statusCode, 302);
  t2.equal(res.headers.location, "/");
  const cookie = res.cookies.find((c) => c.name === "token");
  t2.ok(cookie, "a session cookie is set");
  t2.equal(cookie?.httpOnly, true);
  t2.equal(cookie?.sameSite, "Lax");
  t2.equal(cookie?.path, "/");
  t2.notOk(cookie?.secure, "not Secure over plain HTTP");
  const home = await s.get("/");
  t2.match(home.body, /李娜/);
  t2.match(home.body, /注册成功/, "the welcome flash");
  t2.match(home.body, /action="\/logout"/);
  t2.equal(app.db.select().from(users).where(eq(users.phone, "13900002222")).all().length, 1);
});
t.test("register: errors beside the fields, values kept, never the password; nothing written", async (t2) => {
  const app = await build(t2);
  const s = new PageSession(app);
  await s.get("/register");
  const res = await s.post("/register", { phone: "12345", name: "\u5F20\u4F1F", password: "12345678" });
  t2.equal(res.statusCode, 400);
  t2.match(fieldError(res.body, "phone"), /手机号码/);
  t2.match(fieldError(res.body, "password"), /8 位/);
  t2.equal(fieldError(res.body, "name"), void 0);
  t2.equal(inputValue(res.body, "phone"), "12345", "the phone typed is kept");
  t2.equal(inputValue(res.body, "name"), "\u5F20\u4F1F", "the name typed is kept");
  t2.equal(inputValue(res.body, "password"), "", "the password is never echoed");
  t2.notMatch(res.body, /12345678/);
  t2.match(res.body, /aria-invalid="true"/);
  t2.equal(app.db.select().from(users).all().length, 0);
  const taken = await createUser(app);
  const dup = await s.post("/register", { phone: taken.phone, name: "\u738B\u4E94", password: "secret-pass-1" });
  t2.equal(dup.statusCode, 409);
  t2.match(fieldError(dup.body, "phone"), /已注册/);
  t2.equal(app.db.select().from(users).all().length, 1);
});
t.test("sign in through the page; wrong password beside the field; sign out", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app, { name: "\u8D75\u654F" });
  const s = new PageSession(app);
  await s.get("/login");
  const wrong = await s.post("/login", { phone: u.phone, password: "wrong-pass-1" });
  t2.equal(wrong.statusCode, 401);
  t2.match(fieldError(wrong.body, "password"), /手机号码或密码不正确/);
  t2.equal(inputValue(wrong.body, "phone"), u.phone);
  t2.notMatch(wrong.body, /wrong-pass-1/);
  t2.notOk(s.cookies.has("token"));
  const ok = await s.post("/login", { phone: u.phone, password: PASSWORD });
  t2.equal(ok.statusCode, 302);
  t2.equal(ok.headers.location, "/");
  t2.ok(s.cookies.has("token"));
  t2.match((await s.get("/")).body, /赵敏/);
  t2.equal((await s.get("/login")).statusCode, 302, "a signed-in user is sent on from the login page");
  const out = await s.post("/logout", {});
  t2.equal(out.statusCode, 302);
  t2.notOk(s.cookies.has("token"), "the cookie is cleared");
  const after = await s.get("/");
  t2.notMatch(after.body, /赵敏/);
  t2.match(after.body, /href="\/login"/);
});
t.test("empty sign-in form: required messages beside both fields", async (t2) => {
  const app = await build(t2);
  const s = new PageSession(app);
  await s.get("/login");
  const res = await s.post("/login", { phone: "", password: "" });
  t2.equal(res.statusCode, 400);
  t2.match(fieldError(res.body, "phone"), /必填/);
  t2.match(fieldError(res.body, "password"), /必填/);
});
t.test("Chinese by default, English after /lang/en (and back)", async (t2) => {
  const app = await build(t2);
  const s = new PageSession(app);
  const zh = await s.get("/login");
  t2.match(zh.body, /<html lang="zh-CN">/);
  t2.match(zh.body, /手机号码/);
  t2.match(zh.body, /href="\/lang\/en\?next(=|&#x3D;)%2Flogin"/, "the switch links to English and back to this page");
  const sw = await s.get("/lang/en?next=%2Flogin");
  t2.equal(sw.statusCode, 302);
  t2.equal(sw.headers.location, "/login");
  const langCookie = sw.cookies.find((c) => c.name === "lang");
  t2.equal(langCookie?.value, "en");
  t2.equal(langCookie?.sameSite, "Lax");
  const en = await s.get("/login");
  t2.match(en.body, /<html lang="en">/);
  t2.match(en.body, /Mobile number/);
  await s.get("/login");
  const wrong = await s.post("/login", { phone: "123", password: "x" });
  t2.match(fieldError(wrong.body, "phone"), /mobile number/, "form errors in English too");
  await s.get("/lang/zh");
  t2.match((await s.get("/login")).body, /手机号码/);
  t2.equal((await s.get("/lang/xx?next=/login")).headers.location, "/login", "an unknown language changes nothing");
  t2.match((await s.get("/login")).body, /手机号码/);
  const byHeader = await new PageSession(app).get("/login", { "accept-language": "en-GB,en;q=0.8" });
  t2.match(byHeader.body, /Mobile number/, "Accept-Language: en without a choice gives English");
});
t.test("CSRF: a form without or with a wrong token is 403 and writes nothing", async (t2) => {
  const app = await build(t2);
  const s = new PageSession(app);
  await s.get("/register");
  const none = await s.post("/register", { phone: nextPhone(), name: "\u7532", password: "secret-pass-1" }, { csrf: false });
  t2.equal(none.statusCode, 403);
  t2.match(none.body, /表单已过期/);
  const bad = await s.post("/register", { phone: nextPhone(), name: "\u4E59", password: "secret-pass-1", _csrf: "forged-token" });
  t2.equal(bad.statusCode, 403);
  t2.equal(app.db.select().from(users).all().length, 0);
  const other = new PageSession(app);
  await other.get("/register");
  const crossed = await s.post("/register", { phone: nextPhone(), name: "\u4E19", password: "secret-pass-1", _csrf: other.csrf });
  t2.equal(crossed.statusCode, 403);
  t2.equal(app.db.select().from(users).all().length, 0);
  const u = await createUser(app);
  await s.login(u.phone);
  const before = app.db.select().from(users).where(eq(users.id, u.id)).get();
  const change = await s.post("/account/password", { currentPassword: PASSWORD, newPassword: "another-pass-2" }, { csrf: false });
  t2.equal(change.statusCode, 403);
  t2.equal(app.db.select().from(users).where(eq(users.id, u.id)).get().passwordHash, before.passwordHash);
  const logout = await s.post("/logout", {}, { csrf: false });
  t2.equal(logout.statusCode, 403, "even sign-out needs the token");
  t2.ok(s.cookies.has("token"));
});
t.test("next: a same-site path is followed after sign-in, anything else goes home", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app);
  const s = new PageSession(app);
  const guarded = await s.get("/account/password");
  t2.equal(guarded.statusCode, 302);
  t2.equal(guarded.headers.location, "/login?next=%2Faccount%2Fpassword");
  const form = await s.get("/login?next=%2Faccount%2Fpassword");
  t2.match(form.body, /name="next" value="\/account\/password"/);
  const res = await s.post("/login", { phone: u.phone, password: PASSWORD, next: "/account/password" });
  t2.equal(res.headers.location, "/account/password");
  for (const evil of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "/	/evil.example", "javascript:alert(1)", "/a b", "/\n/evil"]) {
    const s2 = new PageSession(app);
    await s2.get("/login");
    const r = await s2.post("/login", { phone: u.phone, password: PASSWORD, next: evil });
    t2.equal(r.headers.location, "/", `refused: ${JSON.stringify(evil)}`);
  }
  t2.equal(safeNext("/admin/users?q=1"), "/admin/users?q=1");
  t2.equal(safeNext(void 0), "/");
  t2.equal(safeNext(["/x"]), "/");
  t2.equal((await s.get("/lang/en?next=%2F%2Fevil.example")).headers.location, "/", "the language switch checks it too");
});
t.test("rate limit on the page form: the 11th sign-in a minute is 429, shown on the form", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app);
  const s = new PageSession(app);
  await s.get("/login");
  for (let i = 0; i < 10; i++) {
    const r = await s.post("/login", { phone: u.phone, password: "" });
    t2.equal(r.statusCode, 400, `attempt ${i + 1} is not rate-limited`);
  }
  const limited = await s.post("/login", { phone: u.phone, password: PASSWORD });
  t2.equal(limited.statusCode, 429);
  t2.match(limited.headers["content-type"], /text\/html/);
  t2.match(limited.body, /<form method="post" action="\/login"/, "the form is shown again");
  t2.match(fieldError(limited.body, "password"), /尝试次数过多/);
  t2.equal(inputValue(limited.body, "phone"), u.phone);
  t2.notOk(s.cookies.has("token"));
  const api = await app.inject({ method: "POST", url: "/api/v1/auth/token", payload: { phone: u.phone, password: PASSWORD } });
  t2.equal(api.statusCode, 429, "the API counts the same attempts: no extra tries through another door");
  t2.equal(api.json().error.code, "RATE_LIMITED");
});
t.test("rate limit on the sign-up form", async (t2) => {
  const app = await build(t2);
  const s = new PageSession(app);
  await s.get("/register");
  const phone = nextPhone();
  for (let i = 0; i < 10; i++) await s.post("/register", { phone, name: "\u7532", password: "short" });
  const limited = await s.post("/register", { phone, name: "\u7532", password: "secret-pass-1" });
  t2.equal(limited.statusCode, 429);
  t2.match(limited.body, /action="\/register"/);
  t2.match(limited.body, /尝试次数过多/);
  t2.equal(app.db.select().from(users).all().length, 0);
});
t.test("lockout on the page: five wrong passwords, then the lock message beside the password", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app);
  const s = new PageSession(app);
  await s.get("/login");
  for (let i = 0; i < 5; i++) t2.equal((await s.post("/login", { phone: u.phone, password: "wrong-pass-" + i })).statusCode, 401);
  const locked = await s.post("/login", { phone: u.phone, password: PASSWORD });
  t2.equal(locked.statusCode, 429);
  t2.match(fieldError(locked.body, "password"), /账号已锁定，请 15 分钟后再试/);
  app.testClock.advance(14 * 6e4 + 3e4);
  const later = await s.post("/login", { phone: u.phone, password: PASSWORD });
  t2.match(fieldError(later.body, "password"), /请 1 分钟后再试/, "the minutes left count down");
  await s.get("/lang/en");
  await s.get("/login");
  const en = await s.post("/login", { phone: u.phone, password: PASSWORD });
  t2.match(fieldError(en.body, "password"), /locked\. Try again in 1 min\./);
  app.testClock.advance(6e4);
  t2.equal((await s.post("/login", { phone: u.phone, password: PASSWORD })).statusCode, 302, "signed in once the lock ends");
});
t.test("a deactivated account cannot sign in through the page", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app);
  createAccountsService(app.db, app.clock).setActive("cli", u.id, false);
  const s = new PageSession(app);
  const res = await s.login(u.phone);
  t2.equal(res.statusCode, 401);
  t2.match(fieldError(res.body, "password"), /已停用/);
});
t.test("after an admin reset: redirected to the password page until a new one is chosen", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app);
  const s = new PageSession(app);
  await s.login(u.phone);
  const temporary = await createAccountsService(app.db, app.clock).resetPassword("cli", u.id);
  t2.equal((await s.get("/account/password")).statusCode, 302, "the old session ended with the reset");
  t2.equal((await s.login(u.phone)).statusCode, 401, "the old password no longer works");
  const res = await s.login(u.phone, temporary);
  t2.equal(res.statusCode, 302);
  t2.equal(res.headers.location, "/account/password");
  for (const path of ["/", "/admin/users", "/anything"]) {
    const r = await s.get(path);
    t2.equal(r.statusCode, 302, `${path} redirects`);
    t2.equal(r.headers.location, "/account/password");
  }
  const page = await s.get("/account/password");
  t2.equal(page.statusCode, 200);
  t2.match(page.body, /管理员已重置您的密码/);
  const api = await app.inject({ method: "GET", url: "/api/v1/aid/plans/current", headers: { authorization: `Bearer ${app.issueToken(u.id, app.db.select().from(users).where(eq(users.id, u.id)).get().tokenVersion, 600)}` } });
  t2.equal(api.statusCode, 403, "the API refuses too");
  t2.equal(api.json().error.code, "PASSWORD_CHANGE_REQUIRED");
  const same = await s.post("/account/password", { currentPassword: temporary, newPassword: temporary });
  t2.equal(same.statusCode, 400);
  t2.match(fieldError(same.body, "newPassword"), /不能与当前密码相同/);
  t2.notMatch(same.body, new RegExp(temporary), "passwords are not echoed");
  const wrong = await s.post("/account/password", { currentPassword: "not-it-123", newPassword: "brand-new-pass-3" });
  t2.match(fieldError(wrong.body, "currentPassword"), /当前密码不正确/);
  const ok = await s.post("/account/password", { currentPassword: temporary, newPassword: "brand-new-pass-3" });
  t2.equal(ok.statusCode, 302);
  t2.equal(ok.headers.location, "/");
  const home = await s.get("/");
  t2.equal(home.statusCode, 200);
  t2.match(home.body, /密码已修改/);
  t2.ok(app.db.select().from(auditLog).where(eq(auditLog.action, "user.change_password")).get());
});
t.test("an expired or tampered session cookie is dropped; the page asks to sign in", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app);
  const s = new PageSession(app);
  s.cookies.set("token", app.jwt.sign({ sub: String(u.id), tv: 0 }, { expiresIn: -10 }));
  const r = await s.get("/account/password");
  t2.equal(r.statusCode, 302);
  t2.match(r.headers.location, /^\/login\?next=/);
  t2.notOk(s.cookies.has("token"), "the bad cookie is cleared");
});
t.test("the 404 page", async (t2) => {
  const app = await build(t2);
  const s = new PageSession(app);
  const res = await s.get("/no/such/page");
  t2.equal(res.statusCode, 404);
  t2.match(res.headers["content-type"], /text\/html/);
  t2.match(res.body, /页面不存在/);
  t2.match(res.body, /href="\/"/);
  await s.get("/lang/en");
  t2.match((await s.get("/no/such/page")).body, /not found|does not exist/i);
  const json = await app.inject({ method: "GET", url: "/no/such/page", headers: { accept: "application/json" } });
  t2.equal(json.statusCode, 404);
  t2.equal(json.json().error.code, "NOT_FOUND");
});
t.test("page sessions are renewed while in use; the cookie is Secure behind TLS", async (t2) => {
  const app = await build(t2, { config: { trustProxy: 1 } });
  const u = await createUser(app);
  const now = Math.floor(Date.now() / 1e3);
  const s = new PageSession(app);
  app.db.insert(sessions).values({ id: "test-session", userId: u.id, createdAt: app.clock.iso() }).run();
  s.cookies.set("token", app.jwt.sign({ sub: String(u.id), tv: 0, k: "p", sid: "test-session", iat: now - 60 }));
  const fresh = await s.get("/");
  t2.equal(fresh.cookies.find((c) => c.name === "token"), void 0, "a recent session is left alone");
  s.cookies.set("token", app.jwt.sign({ sub: String(u.id), tv: 0, k: "p", sid: "test-session", iat: now - 30 * 60 }));
  const renewed = await s.get("/");
  const cookie = renewed.cookies.find((c) => c.name === "token");
  t2.ok(cookie, "an older one is renewed");
  t2.equal(cookie?.maxAge, 2 * 60 * 60);
  t2.equal(app.jwt.decode(cookie.value).iat >= now, true);
  t2.equal(app.jwt.decode(cookie.value).sid, "test-session", "the same session, renewed");
  const tls = new PageSession(app);
  await tls.get("/login", { "x-forwarded-proto": "https" });
  const res = await app.inject({
    method: "POST",
    url: "/login",
    headers: { "x-forwarded-proto": "https", "content-type": "application/x-www-form-urlencoded", cookie: [...tls.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    payload: new URLSearchParams({ _csrf: tls.csrf, phone: u.phone, password: PASSWORD }).toString()
  });
  t2.equal(res.statusCode, 302);
  t2.equal(res.cookies.find((c) => c.name === "token")?.secure, true);
});
//# sourceMappingURL=accounts-pages.test.js.map
