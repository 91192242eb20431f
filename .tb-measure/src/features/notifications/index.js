import fp from "fastify-plugin";
import { z } from "zod";
import { requireActor } from "../../lib/access.js";
import { parseInput } from "../../lib/validation.js";
import { apiDoc, fromZod, int, items, nullable, obj, str } from "../../plugins/openapi.js";
import { createNotifier } from "./notifier.js";
import * as repo from "./notifications-repository.js";
const PAGE_SIZE = 100;
const readInput = z.object({
  ids: z.preprocess(
    (v) => v === void 0 || v === "" ? void 0 : Array.isArray(v) ? v : [v],
    z.array(z.coerce.number({ error: "v.positiveInt" }).int("v.positiveInt").positive("v.positiveInt"), { error: "v.positiveInt" }).max(PAGE_SIZE).optional()
  )
});
var notifications_default = fp(async function notificationsFeature(app) {
  app.decorate("notifier", createNotifier({ sms: app.sms, log: app.log }));
  const list = (actor, lang) => repo.listNotifications(app.db, actor.id, PAGE_SIZE).map((n) => ({
    id: n.id,
    kind: n.kind,
    text: lang === "en" ? n.textEn : n.textZh,
    at: n.createdAt,
    read: n.readAt !== null,
    subject: n.subject
  }));
  const markRead = (actor, ids) => repo.markRead(app.db, actor.id, ids ?? "all", app.clock.iso());
  app.headerParts.push((_req, actor) => ({ notices: { unread: repo.unreadCount(app.db, actor.id) } }));
  app.get("/api/v1/me/notifications", {
    schema: apiDoc({
      summary: "My notices, newest first (the latest 100)",
      tag: "me",
      answer: { description: "Notices", schema: items(obj({ id: int(), kind: str(), text: str(), at: str(), read: { type: "boolean" }, subject: nullable(str()) })) }
    })
  }, async (req) => ({ items: list(app.requireSignedIn(req), req.lang) }));
  app.post("/api/v1/me/notifications/read", {
    schema: apiDoc({
      summary: "Mark my notices read (`ids`, or all)",
      tag: "me",
      body: fromZod(readInput),
      answer: { description: "How many were marked", schema: obj({ marked: int() }) }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    return { marked: markRead(actor, parseInput(readInput, req.body ?? {}).ids) };
  });
  app.get("/me/notifications", async (req, reply) => {
    const actor = requireActor(req.actor);
    repo.rememberLanguage(app.db, actor.id, req.lang, app.clock.iso());
    return reply.page("notifications/list", { titleKey: "notice.title", items: list(actor, req.lang) });
  });
  app.post("/me/notifications/read", { preHandler: app.verifyCsrf }, async (req, reply) => {
    const actor = requireActor(req.actor);
    markRead(actor, parseInput(readInput, req.body ?? {}).ids);
    return reply.redirect("/me/notifications", 303);
  });
}, { name: "notifications" });
export {
  notifications_default as default
};
//# sourceMappingURL=index.js.map
