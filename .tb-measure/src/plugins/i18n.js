import fp from "fastify-plugin";
import { pickLang, t } from "../i18n/index.js";
var i18n_default = fp(async function i18n(app) {
  app.decorateRequest("lang", "zh");
  app.decorateRequest("t", null);
  app.addHook("onRequest", async (req) => {
    const q = req.query?.lang;
    const explicit = typeof q === "string" ? q : req.cookies?.lang;
    req.lang = pickLang(explicit, req.headers["accept-language"]);
    req.t = (key, params) => t(req.lang, key, params);
  });
}, { name: "i18n", dependencies: ["security"] });
export {
  i18n_default as default
};
//# sourceMappingURL=i18n.js.map
