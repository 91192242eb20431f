import { z } from "zod";
import { idParam, mobile, optionalText, parseInput, text } from "../../lib/validation.js";
import { requireAdmin } from "../../lib/access.js";
import { badRequest, notFound } from "../../lib/errors.js";
import { auditHistory } from "../audit/audit-repository.js";
import * as repo from "./accounts-repository.js";
import { password, roleInput } from "./accounts-schemas.js";
import { pageLinks } from "../../lib/pagination.js";
const PAGE_SIZE = 50;
const listQuery = z.object({ q: optionalText(50), page: z.coerce.number().int().min(1).max(1e5).default(1) });
const createInput = z.object({ phone: mobile(), name: text(50), password: password(), role: roleInput, buildingId: z.coerce.number().int().positive().optional().or(z.literal("").transform(() => void 0)) });
const activeInput = z.object({ active: z.enum(["0", "1"]) });
const roleChange = z.object({ role: z.enum(["staff", "admin"]), granted: z.enum(["0", "1"]) });
const scopeChange = z.object({ buildingId: z.coerce.number({ error: "accounts.unknownBuilding" }).int().positive("accounts.unknownBuilding"), granted: z.enum(["0", "1"]) });
async function adminUsersPages(app, { service }) {
  app.navLinks.push({ href: "/admin/users", labelKey: "accounts.admin.nav", order: 90, show: (a) => a?.isAdmin === true });
  const csrf = { preHandler: app.verifyCsrf };
  app.get("/admin/users", async (req, reply) => {
    requireAdmin(req.actor);
    const q = parseInput(listQuery, req.query);
    const { rows, total } = repo.searchUsers(app.db, q.q, PAGE_SIZE, (q.page - 1) * PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const users = rows.map((u) => ({ ...u, roles: repo.grantsOf(app.db, u.id).map((r) => req.t("role." + r)).join("\u3001") }));
    return reply.page("accounts/admin-users", {
      titleKey: "accounts.admin.title",
      users,
      q: q.q ?? "",
      total,
      ...pageLinks("/admin/users", { q: q.q }, q.page, pages),
      buildings: repo.listBuildingNames(app.db),
      values: {}
    });
  });
  app.post("/admin/users", csrf, async (req, reply) => {
    const actor = requireAdmin(req.actor);
    const body = req.body ?? {};
    try {
      const input = parseInput(createInput, body);
      if (input.role === "staff" && input.buildingId === void 0) throw badRequest({ buildingId: "accounts.staffNeedsBuilding" });
      if (input.role === "staff" && !repo.buildingExists(app.db, input.buildingId)) throw badRequest({ buildingId: "accounts.unknownBuilding" });
      const user = await service.createUser(actor, { ...input, buildingIds: input.role === "staff" ? [input.buildingId] : [] });
      reply.flash("accounts.admin.created");
      return await reply.redirect(`/admin/users/${user.id}`);
    } catch (err) {
      const { rows, total } = repo.searchUsers(app.db, void 0, PAGE_SIZE, 0);
      return reply.formError(err, "accounts/admin-users", {
        titleKey: "accounts.admin.title",
        users: rows,
        q: "",
        total,
        ...pageLinks("/admin/users", {}, 1, Math.max(1, Math.ceil(total / PAGE_SIZE))),
        buildings: repo.listBuildingNames(app.db),
        values: body
      });
    }
  });
  const userPage = (id, extra = {}) => {
    const user = repo.findUserById(app.db, id);
    if (user === void 0) throw notFound();
    const grants = repo.grantsOf(app.db, id);
    const scopes = repo.scopesOf(app.db, id);
    const scoped = new Set(scopes.map((s) => s.buildingId));
    return {
      titleKey: "accounts.admin.userTitle",
      user: {
        id: user.id,
        phone: user.phone,
        name: user.name,
        active: user.active,
        mustChangePassword: user.mustChangePassword,
        createdAt: user.createdAt,
        lockedUntil: user.lockedUntil
      },
      isStaff: grants.includes("staff"),
      isAdminUser: grants.includes("admin"),
      scopes,
      otherBuildings: repo.listBuildingNames(app.db).filter((b) => !scoped.has(b.id)),
      history: auditHistory(app.db, "user", id).reverse().slice(0, 50),
      ...extra
    };
  };
  app.get("/admin/users/:id", async (req, reply) => {
    requireAdmin(req.actor);
    const { id } = parseInput(idParam, req.params);
    return reply.page("accounts/admin-user", userPage(id));
  });
  app.post("/admin/users/:id/active", csrf, async (req, reply) => {
    const actor = requireAdmin(req.actor);
    const { id } = parseInput(idParam, req.params);
    const { active } = parseInput(activeInput, req.body);
    service.setActive(actor, id, active === "1");
    reply.flash(active === "1" ? "accounts.admin.reactivated" : "accounts.admin.deactivated");
    return reply.redirect(`/admin/users/${id}`);
  });
  app.post("/admin/users/:id/reset-password", csrf, async (req, reply) => {
    const actor = requireAdmin(req.actor);
    const { id } = parseInput(idParam, req.params);
    const temporary = await service.resetPassword(actor, id);
    return reply.page("accounts/admin-user", userPage(id, { temporaryPassword: temporary }));
  });
  app.post("/admin/users/:id/role", csrf, async (req, reply) => {
    const actor = requireAdmin(req.actor);
    const { id } = parseInput(idParam, req.params);
    const input = parseInput(roleChange, req.body);
    service.setRole(actor, id, input.role, input.granted === "1");
    reply.flash("common.saved");
    return reply.redirect(`/admin/users/${id}`);
  });
  app.post("/admin/users/:id/scope", csrf, async (req, reply) => {
    const actor = requireAdmin(req.actor);
    const { id } = parseInput(idParam, req.params);
    try {
      const input = parseInput(scopeChange, req.body);
      service.setStaffScope(actor, id, input.buildingId, input.granted === "1");
      reply.flash("common.saved");
      return await reply.redirect(`/admin/users/${id}`);
    } catch (err) {
      return reply.formError(err, "accounts/admin-user", userPage(id, { values: req.body }));
    }
  });
}
export {
  adminUsersPages as default
};
//# sourceMappingURL=admin-users-pages.js.map
