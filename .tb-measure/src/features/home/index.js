import { sql } from "drizzle-orm";
import { safeNext } from "../accounts/accounts-pages.js";
async function homeFeature(app) {
  app.get("/healthz", async (_req, reply) => {
    try {
      app.db.get(sql`select 1`);
      return { status: "ok" };
    } catch (err) {
      app.log.error({ err }, "health check failed");
      return reply.code(503).send({ status: "unavailable" });
    }
  });
  app.get("/", async (req, reply) => {
    const cards = [];
    if (req.actor !== null) {
      for (const card of [...app.homeCards].sort((a, b) => a.order - b.order)) {
        const data = await card.load(req);
        if (data !== null && data !== void 0) cards.push({ partial: card.partial, data });
      }
    }
    return reply.page("home/index", { titleKey: "home.title", cards });
  });
  app.get("/lang/:lang", async (req, reply) => {
    const { lang } = req.params;
    const next = safeNext(req.query.next);
    if (lang === "zh" || lang === "en") {
      reply.setCookie("lang", lang, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600, secure: req.protocol === "https" });
    }
    return reply.redirect(next);
  });
}
export {
  homeFeature as default
};
//# sourceMappingURL=index.js.map
