import { parseInput } from "../../lib/validation.js";
import { AppError } from "../../lib/errors.js";
import { changePasswordInput, registerInput, signInInput } from "./accounts-schemas.js";
function safeNext(next) {
  return typeof next === "string" && next.length <= 2e3 && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) ? next : "/";
}
const FORMS = {
  login: { template: "accounts/login", titleKey: "accounts.login.title" },
  register: { template: "accounts/register", titleKey: "accounts.register.title" }
};
const FORM_BY_PATH = { "/login": "login", "/register": "register" };
function showForm(reply, name, body, err) {
  const { template, titleKey } = FORMS[name];
  const data = { titleKey, values: { phone: body.phone, name: body.name }, next: safeNext(body.next) };
  if (err instanceof AppError && (err.statusCode === 401 || err.statusCode === 429)) {
    const message = reply.request.t(err.messageKey, err.params);
    return reply.page(template, {
      ...data,
      needsCsrf: true,
      formError: message,
      errors: name === "login" ? { password: message } : void 0
    }, err.statusCode);
  }
  return reply.formError(err, template, data);
}
async function accountsPages(app, { service, limits }) {
  const csrf = { preHandler: app.verifyCsrf };
  app.setErrorHandler(function(err, req, reply) {
    const name = req.method === "POST" ? FORM_BY_PATH[req.routeOptions.url ?? ""] : void 0;
    if (name !== void 0 && err instanceof AppError && err.statusCode === 429) return showForm(reply, name, req.body ?? {}, err);
    throw err;
  });
  app.get("/register", async (req, reply) => {
    if (req.actor !== null) return reply.redirect("/");
    return reply.page("accounts/register", { titleKey: FORMS.register.titleKey, values: {}, needsCsrf: true });
  });
  app.post("/register", { preHandler: [app.verifyCsrf, limits.signUp] }, async (req, reply) => {
    const body = req.body ?? {};
    try {
      const input = parseInput(registerInput, body);
      const user = await service.register(input);
      app.setSessionCookie(req, reply, user.id, user.tokenVersion);
      reply.flash("accounts.register.welcome");
      return await reply.redirect("/");
    } catch (err) {
      return showForm(reply, "register", body, err);
    }
  });
  app.get("/login", async (req, reply) => {
    const next = safeNext(req.query.next);
    if (req.actor !== null) return reply.redirect(next);
    return reply.page("accounts/login", { titleKey: FORMS.login.titleKey, values: {}, next, needsCsrf: true });
  });
  app.post("/login", { preHandler: [app.verifyCsrf, limits.signIn] }, async (req, reply) => {
    const body = req.body ?? {};
    try {
      const input = parseInput(signInInput, body);
      const user = await service.signIn(input);
      app.setSessionCookie(req, reply, user.id, user.tokenVersion);
      return await reply.redirect(user.mustChangePassword ? "/account/password" : safeNext(body.next));
    } catch (err) {
      return showForm(reply, "login", body, err);
    }
  });
  app.post("/logout", csrf, async (req, reply) => {
    app.endSession(req, reply);
    return reply.redirect("/");
  });
  app.get("/account/password", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    return reply.page("accounts/password", { titleKey: "accounts.password.title", values: {}, forced: actor.mustChangePassword });
  });
  app.post("/account/password", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const body = req.body ?? {};
    try {
      const input = parseInput(changePasswordInput, body);
      const user = await service.changePassword(actor, input);
      app.setSessionCookie(req, reply, user.id, user.tokenVersion);
      reply.flash("accounts.password.changed");
      return await reply.redirect("/");
    } catch (err) {
      return reply.formError(err, "accounts/password", { titleKey: "accounts.password.title", values: {}, forced: actor.mustChangePassword });
    }
  });
}
export {
  accountsPages as default,
  safeNext
};
//# sourceMappingURL=accounts-pages.js.map
