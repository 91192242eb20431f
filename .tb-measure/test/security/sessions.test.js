import t from "tap";
import { build, createUser, insertBuilding, PageSession, PASSWORD, tokenFor } from "../helper.js";
import { enterprises } from "../../src/db/schema/index.js";
import { createAccountsService } from "../../src/features/accounts/accounts-service.js";
t.test("a page cookie without a CSRF token cannot reach an API route through an encoded path", async (t2) => {
  const app = await build(t2);
  const b = insertBuilding(app);
  const u = await createUser(app);
  const s = new PageSession(app);
  t2.equal((await s.login(u.phone)).statusCode, 302);
  const cookie = [...s.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  for (const url of ["/%61pi/v1/enterprises", "/api/v1/enterprises", "/%61%70%69/v1/enterprises"]) {
    const res = await app.inject({
      method: "POST",
      url,
      headers: { cookie, "content-type": "application/json" },
      payload: { buildingId: b, name: "\u8DE8\u7AD9\u4F01\u4E1A", uscc: "91350100M000100Y43", headcount: 10 }
    });
    t2.equal(res.statusCode, 401, `${url}: the page cookie is not a credential for the API`);
  }
  t2.equal(app.db.select().from(enterprises).all().length, 0, "nothing was enrolled");
});
t.test("signing out ends the session on the server: the old cookie no longer works", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app, { name: "\u738B\u82B3" });
  const s = new PageSession(app);
  await s.login(u.phone);
  const stolen = s.cookies.get("token");
  t2.match((await s.get("/")).body, /王芳/);
  t2.equal((await s.post("/logout", {})).statusCode, 302);
  const replay = await app.inject({ method: "GET", url: "/account/password", headers: { accept: "text/html", cookie: `token=${stolen}` } });
  t2.not(replay.statusCode, 200, "the cookie from before the sign-out is refused");
  t2.notMatch(replay.body, /王芳/);
  const other = new PageSession(app);
  await other.login(u.phone);
  t2.equal((await other.get("/account/password")).statusCode, 200);
});
t.test("an API token is not a page cookie, and a page session is not a Bearer token", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app, { name: "\u8D75\u78CA" });
  const api = tokenFor(app, u);
  const asCookie = await app.inject({ method: "GET", url: "/account/password", headers: { accept: "text/html", cookie: `token=${api}` } });
  t2.not(asCookie.statusCode, 200);
  t2.notMatch(asCookie.body, /赵磊/);
  const s = new PageSession(app);
  await s.login(u.phone, PASSWORD);
  const page = s.cookies.get("token");
  const asBearer = await app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${page}` } });
  t2.equal(asBearer.statusCode, 401);
  t2.equal((await app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${api}` } })).statusCode, 200);
});
t.test("changing the password ends the other sessions and API tokens; this browser stays signed in", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app);
  const a = new PageSession(app);
  const b = new PageSession(app);
  await a.login(u.phone);
  await b.login(u.phone);
  const api = tokenFor(app, u);
  await a.get("/account/password");
  const res = await a.post("/account/password", { currentPassword: PASSWORD, newPassword: "another-pass-2" });
  t2.equal(res.statusCode, 302);
  t2.equal((await a.get("/account/password")).statusCode, 200, "the browser that changed it stays signed in");
  t2.not((await b.get("/account/password")).statusCode, 200, "the other browser is signed out");
  t2.equal((await app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${api}` } })).statusCode, 401);
});
t.test("deactivation ends the page session at once", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app);
  const s = new PageSession(app);
  await s.login(u.phone);
  t2.equal((await s.get("/account/password")).statusCode, 200);
  createAccountsService(app.db, app.clock).setActive("cli", u.id, false);
  t2.not((await s.get("/account/password")).statusCode, 200);
});
//# sourceMappingURL=sessions.test.js.map
