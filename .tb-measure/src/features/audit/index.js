import { z } from "zod";
import { optionalText, parseInput } from "../../lib/validation.js";
import { requireAdmin } from "../../lib/access.js";
import { listAudit } from "./audit-repository.js";
import { actionWords, changeWords, entityWords } from "./audit-words.js";
const PAGE = 100;
const query = z.object({
  entityType: optionalText(40),
  entityId: optionalText(40),
  actor: z.preprocess((v) => v === "" ? void 0 : v, z.coerce.number().int().positive().optional()),
  action: optionalText(60),
  before: z.preprocess((v) => v === "" ? void 0 : v, z.coerce.number().int().positive().optional())
});
async function auditFeature(app) {
  app.navLinks.push({ href: "/admin/audit", labelKey: "accounts.audit.nav", order: 95, show: (a) => a?.isAdmin === true });
  app.get("/admin/audit", async (req, reply) => {
    requireAdmin(req.actor);
    const q = parseInput(query, req.query);
    const rows = listAudit(app.db, { entityType: q.entityType, entityId: q.entityId, actorUserId: q.actor, action: q.action, beforeId: q.before, limit: PAGE + 1 });
    const more = rows.length > PAGE;
    const entries = rows.slice(0, PAGE);
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ entityType: q.entityType, entityId: q.entityId, actor: q.actor, action: q.action })) if (v !== void 0) params.set(k, String(v));
    if (more) params.set("before", String(entries[entries.length - 1].id));
    const words = entries.map((e) => ({
      ...e,
      actionText: actionWords(req.lang, e.action),
      entityText: entityWords(req.lang, e.entityType),
      beforeWords: changeWords(req.lang, e.before),
      afterWords: changeWords(req.lang, e.after)
    }));
    return reply.page("audit/list", {
      titleKey: "accounts.audit.title",
      entries: words,
      filters: q,
      nextHref: more ? `/admin/audit?${params.toString()}` : void 0
    });
  });
}
export {
  auditFeature as default
};
//# sourceMappingURL=index.js.map
