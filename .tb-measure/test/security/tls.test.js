import t from "tap";
import { loadConfig } from "../../src/config.js";
import { build, createUser, PageSession, PASSWORD } from "../helper.js";
t.test('TRUST_PROXY: none by default, a hop count or addresses; "true" refused', async (t2) => {
  const base = { NODE_ENV: "test" };
  t2.equal(loadConfig(base).trustProxy, false);
  t2.equal(loadConfig({ ...base, TRUST_PROXY: "0" }).trustProxy, false);
  t2.equal(loadConfig({ ...base, TRUST_PROXY: "1" }).trustProxy, 1);
  t2.same(loadConfig({ ...base, TRUST_PROXY: "10.0.0.2, 192.168.0.0/16,::1" }).trustProxy, ["10.0.0.2", "192.168.0.0/16", "::1"]);
  t2.throws(() => loadConfig({ ...base, TRUST_PROXY: "true" }), /TRUST_PROXY/);
  t2.throws(() => loadConfig({ ...base, TRUST_PROXY: "true" }), /every X-Forwarded-For/);
  t2.throws(() => loadConfig({ ...base, TRUST_PROXY: "proxy.example" }), /TRUST_PROXY/);
  t2.throws(() => loadConfig({ ...base, TRUST_PROXY: "10.0.0.0/33" }), /TRUST_PROXY/);
});
t.test("behind a trusted TLS proxy: HSTS on every answer, session, CSRF and flash cookies Secure", async (t2) => {
  const app = await build(t2, { config: { trustProxy: ["10.0.0.2"] } });
  const u = await createUser(app);
  const viaProxy = { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.7" };
  const s = new PageSession(app);
  const form = await app.inject({ method: "GET", url: "/login", remoteAddress: "10.0.0.2", headers: viaProxy });
  t2.match(form.headers["strict-transport-security"], /max-age=\d+/);
  const csrfCookie = form.cookies.find((c) => c.name === "_csrf");
  t2.equal(csrfCookie?.secure, true, "the CSRF cookie is Secure");
  for (const c of form.cookies) s.cookies.set(c.name, c.value);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)[1];
  const login = await app.inject({
    method: "POST",
    url: "/login",
    remoteAddress: "10.0.0.2",
    headers: { ...viaProxy, "content-type": "application/x-www-form-urlencoded", cookie: [...s.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    payload: new URLSearchParams({ _csrf: csrf, phone: u.phone, password: PASSWORD }).toString()
  });
  t2.equal(login.statusCode, 302);
  t2.match(login.headers["strict-transport-security"], /max-age=\d+/);
  t2.ok(login.cookies.length > 0);
  for (const c of login.cookies) t2.equal(c.secure, true, `${c.name} is Secure`);
  const api = await app.inject({ method: "GET", url: "/api/v1/aid/plans/current", remoteAddress: "10.0.0.2", headers: viaProxy });
  t2.match(api.headers["strict-transport-security"], /max-age=\d+/, "API answers too");
});
t.test("X-Forwarded-Proto from an address that is not the trusted proxy is ignored; plain HTTP has no HSTS", async (t2) => {
  const app = await build(t2, { config: { trustProxy: ["10.0.0.2"] } });
  const spoofed = await app.inject({ method: "GET", url: "/login", remoteAddress: "203.0.113.9", headers: { "x-forwarded-proto": "https" } });
  t2.equal(spoofed.headers["strict-transport-security"], void 0);
  t2.equal(spoofed.cookies.find((c) => c.name === "_csrf")?.secure, void 0);
  const plain = await build(t2);
  const res = await plain.inject({ method: "GET", url: "/login", headers: { "x-forwarded-proto": "https" } });
  t2.equal(res.headers["strict-transport-security"], void 0, "no proxy trusted: the header is not believed");
});
//# sourceMappingURL=tls.test.js.map
