import t from "tap";
import { build, createUser, nextPhone, PASSWORD, smsSent, tokenFor } from "../helper.js";
const json = (app, url, body, token, lang) => app.inject({
  method: "POST",
  url,
  payload: body === void 0 ? void 0 : JSON.stringify(body),
  headers: {
    accept: "application/json",
    ...body === void 0 ? {} : { "content-type": "application/json" },
    ...token === void 0 ? {} : { authorization: `Bearer ${token}` },
    ...lang === void 0 ? {} : { "accept-language": lang }
  }
});
t.test("POST /api/v1/auth/password-reset \u2192 202 always; \u2026/confirm {phone, code, password} \u2192 200; wrong code \u2192 400 fields.code", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app);
  t2.equal((await json(app, "/api/v1/auth/password-reset", { phone: nextPhone() })).statusCode, 202);
  t2.equal((await json(app, "/api/v1/auth/password-reset", { phone: u.phone, extra: "ignored" })).statusCode, 202);
  const code = smsSent(app).at(-1).params.code;
  const wrong = await json(app, "/api/v1/auth/password-reset/confirm", { phone: u.phone, code: code === "999999" ? "999998" : "999999", password: "new-password-9" });
  t2.equal(wrong.statusCode, 400);
  t2.same(Object.keys(wrong.json()), ["error"]);
  t2.match(wrong.json().error, { code: "INVALID_INPUT", fields: { code: /[\u4e00-\u9fff]/ } });
  const en = await json(app, "/api/v1/auth/password-reset/confirm", { phone: u.phone, code: "1", password: "new-password-9" }, void 0, "en");
  t2.match(en.json().error.fields.code, /code/);
  const ok = await json(app, "/api/v1/auth/password-reset/confirm", { phone: u.phone, code, password: "new-password-9" });
  t2.equal(ok.statusCode, 200);
  t2.equal((await json(app, "/api/v1/auth/token", { phone: u.phone, password: PASSWORD })).statusCode, 401);
});
t.test("POST /api/v1/me/phone-verification \u2192 202; \u2026/confirm {code} \u2192 200 {phoneVerified: true}; 401 before 400", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app);
  const token = tokenFor(app, u);
  t2.equal((await json(app, "/api/v1/me/phone-verification")).statusCode, 401);
  t2.equal((await json(app, "/api/v1/me/phone-verification/confirm", { code: "x" })).statusCode, 401, "who may act comes before the body");
  t2.equal((await json(app, "/api/v1/me/phone-verification", void 0, token)).statusCode, 202);
  const bad = await json(app, "/api/v1/me/phone-verification/confirm", {}, token);
  t2.equal(bad.statusCode, 400);
  t2.ok(bad.json().error.fields.code);
  const res = await json(app, "/api/v1/me/phone-verification/confirm", { code: smsSent(app).at(-1).params.code }, token);
  t2.equal(res.statusCode, 200);
  t2.same(res.json(), { phoneVerified: true });
});
t.test("the self-service calls are in the OpenAPI document", async (t2) => {
  const app = await build(t2);
  const doc = (await app.inject({ method: "GET", url: "/api/docs/openapi.json" })).json();
  t2.ok(doc.paths["/api/v1/auth/password-reset"].post.responses["202"]);
  t2.notOk(doc.paths["/api/v1/auth/password-reset"].post.security);
  t2.ok(doc.paths["/api/v1/auth/password-reset/confirm"].post.responses["200"]);
  t2.ok(doc.paths["/api/v1/me/phone-verification"].post.responses["202"]);
  t2.same(doc.paths["/api/v1/me/phone-verification/confirm"].post.security, [{ bearerAuth: [] }]);
  t2.ok(doc.paths["/api/v1/aid/payments/webhook"].post.responses["422"]);
});
//# sourceMappingURL=contract-self-service.test.js.map
