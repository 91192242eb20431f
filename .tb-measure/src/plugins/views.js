import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import fp from "fastify-plugin";
import view from "@fastify/view";
import Handlebars from "handlebars";
import { templatesDir } from "../paths.js";
import { registerHelpers } from "../views/helpers/index.js";
import { AppError } from "../lib/errors.js";
import { translateFields } from "./errors.js";
function registerPartials(hb, dir) {
  const partials = {};
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".hbs")) partials[relative(dir, p).replace(/\\/g, "/").replace(/\.hbs$/, "")] = relative(templatesDir, p);
    }
  };
  walk(dir);
  return partials;
}
var views_default = fp(async function views(app) {
  const hb = Handlebars.create();
  registerHelpers(hb);
  await app.register(view, {
    engine: { handlebars: hb },
    root: templatesDir,
    layout: "layouts/default.hbs",
    viewExt: "hbs",
    options: { partials: registerPartials(hb, join(templatesDir, "partials")) },
    // Templates are compiled once and cached in production; development picks up edits.
    production: app.config.env === "production"
  });
  app.decorate("navLinks", []);
  app.decorate("homeCards", []);
  app.decorate("meParts", []);
  app.decorate("headerParts", []);
  app.decorateReply("page", function(template, data = {}, status = 200) {
    const req = this.request;
    const actor = req.actor;
    const flashKey = req.cookies.flash !== void 0 ? req.unsignCookie(req.cookies.flash) : void 0;
    if (flashKey !== void 0) this.clearCookie("flash", { path: "/" });
    const path = req.url.split("?")[0];
    const nav = app.navLinks.filter((l) => l.show(actor)).sort((a, b) => a.order - b.order).map((l) => ({ href: l.href, label: req.t(l.labelKey), current: path === l.href || path.startsWith(l.href + "/") }));
    const otherLang = req.lang === "zh" ? "en" : "zh";
    this.code(status);
    this.header("cache-control", "no-store");
    const header = {};
    if (actor !== null) for (const part of app.headerParts) Object.assign(header, part(req, actor));
    return this.view(template, {
      ...data,
      header,
      lang: req.lang,
      htmlLang: req.lang === "zh" ? "zh-CN" : "en",
      actor,
      // Every page gets a token, so any form on it (sign-in, calculator, logout) can post.
      csrfToken: this.generateCsrf(),
      nav,
      path,
      flash: flashKey?.valid === true && flashKey.value !== null ? req.t(flashKey.value) : void 0,
      langSwitchHref: `/lang/${otherLang}?next=${encodeURIComponent(req.url)}`,
      title: data.title ?? (typeof data.titleKey === "string" ? req.t(data.titleKey) : void 0)
    });
  });
  app.decorateReply("flash", function(key) {
    return this.setCookie("flash", key, { path: "/", httpOnly: true, sameSite: "lax", signed: true, maxAge: 60, secure: "auto" });
  });
  app.decorateReply("formError", function(err, template, data) {
    if (!(err instanceof AppError) || err.statusCode >= 500 || err.statusCode === 401 || err.statusCode === 403) throw err;
    const req = this.request;
    const values = { ...data.values };
    for (const k of Object.keys(values)) if (/password|_csrf/i.test(k)) delete values[k];
    return this.page(template, {
      ...data,
      values,
      needsCsrf: true,
      errors: translateFields(req.lang, err.fields),
      formError: req.t(err.messageKey, err.params)
    }, err.statusCode);
  });
}, { name: "views", dependencies: ["core", "security", "i18n", "auth"] });
export {
  views_default as default
};
//# sourceMappingURL=views.js.map
