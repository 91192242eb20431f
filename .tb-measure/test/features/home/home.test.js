import t from "tap";
import { build, createUser, insertBuilding, PageSession } from "../../helper.js";
t.test("the home page says what the portal is for and who does what, in both languages", async (t2) => {
  const app = await build(t2);
  const s = new PageSession(app);
  const zh = await s.get("/");
  t2.equal(zh.statusCode, 200);
  t2.match(zh.body, /楼宇工会联合会/);
  t2.match(zh.body, /职工医疗互助|医疗互助/);
  for (const role of ["\u804C\u5DE5", "\u4F01\u4E1A\u8054\u7EDC\u5458", "\u697C\u5B87\u5DE5\u4F1A\u8054\u5408\u4F1A\u5DE5\u4F5C\u4EBA\u5458", "\u5E02\u603B\u5DE5\u4F1A\u7BA1\u7406\u5458"]) t2.match(zh.body, role);
  t2.match(zh.body, /href="\/register"/);
  t2.equal(zh.headers["cache-control"], "no-store");
  await s.get("/lang/en");
  const en = await s.get("/");
  t2.match(en.body, /<html lang="en">/);
  t2.match(en.body, /Enterprise liaisons/);
  t2.match(en.body, /never more than 20%/);
});
t.test("healthz answers when the database does", async (t2) => {
  const app = await build(t2);
  const res = await app.inject({ method: "GET", url: "/healthz" });
  t2.equal(res.statusCode, 200);
  t2.same(res.json(), { status: "ok" });
});
t.test("static files are served locally", async (t2) => {
  const app = await build(t2);
  for (const f of ["/static/app.css", "/static/app.js"]) {
    const res = await app.inject({ method: "GET", url: f });
    t2.equal(res.statusCode, 200, f);
  }
});
t.test("security headers: a strict CSP without unsafe-inline, and no inline scripts or styles in the pages", async (t2) => {
  const app = await build(t2);
  const admin = await createUser(app, { role: "admin" });
  const member = await createUser(app, { buildingIds: [insertBuilding(app)], role: "staff" });
  const anon = new PageSession(app);
  const signedIn = new PageSession(app);
  await signedIn.login(admin.phone);
  const pages = [
    [anon, "/", 200],
    [anon, "/login", 200],
    [anon, "/register", 200],
    [anon, "/no-such-page", 404],
    [signedIn, "/", 200],
    [signedIn, "/account/password", 200],
    [signedIn, "/admin/users", 200],
    [signedIn, `/admin/users/${member.id}`, 200],
    [signedIn, "/admin/audit", 200]
  ];
  const member2 = new PageSession(app);
  await member2.login(member.phone);
  pages.push([member2, "/admin/users", 403]);
  for (const [s, url, status] of pages) {
    const res = await s.get(url);
    t2.equal(res.statusCode, status, `${url} is ${status}`);
    const csp = String(res.headers["content-security-policy"]);
    t2.notMatch(csp, /unsafe-inline|unsafe-eval/, `${url}: no unsafe CSP sources`);
    t2.match(csp, /script-src 'self'/);
    t2.match(csp, /style-src 'self'/);
    t2.match(csp, /frame-ancestors 'none'/);
    t2.match(csp, /default-src 'self'/);
    t2.equal(res.headers["x-content-type-options"], "nosniff");
    for (const m of res.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      t2.match(m[1], /\bsrc="\/static\//, `${url}: scripts come from files`);
      t2.equal(m[2].trim(), "", `${url}: no inline script body`);
    }
    t2.notMatch(res.body, /\sstyle\s*=/i, `${url}: no style attributes`);
    t2.notMatch(res.body, /<style\b/i, `${url}: no style elements`);
    t2.notMatch(res.body, /\son[a-z]+\s*=/i, `${url}: no inline event handlers`);
    t2.notMatch(res.body, /javascript:/i, `${url}: no javascript: URLs`);
    t2.notMatch(res.body, /https?:\/\/(?!127\.0\.0\.1)[a-z]/i, `${url}: nothing from a CDN`);
  }
  const api = await app.inject({ method: "GET", url: "/api/v1/me" });
  t2.ok(api.headers["content-security-policy"], "API answers carry the headers too");
});
//# sourceMappingURL=home.test.js.map
