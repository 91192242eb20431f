import { parseInput } from "../../lib/validation.js";
import { passwordResetConfirmInput, passwordResetInput, phoneCodeInput } from "./accounts-schemas.js";
const RESET = { template: "accounts/password-reset", titleKey: "accounts.reset.title" };
const PHONE = { template: "accounts/phone", titleKey: "accounts.phone.title" };
async function selfServicePages(app, { self, limits }) {
  app.get("/password-reset", async (req, reply) => {
    if (req.actor !== null) return reply.redirect("/account/password");
    return reply.page(RESET.template, { titleKey: RESET.titleKey, values: {}, needsCsrf: true });
  });
  app.post("/password-reset", { preHandler: [app.verifyCsrf, limits.reset] }, async (req, reply) => {
    const body = req.body ?? {};
    try {
      const { phone } = parseInput(passwordResetInput, body);
      await self.requestPasswordReset(phone);
      return reply.page(RESET.template, { titleKey: RESET.titleKey, values: { phone }, codeStep: true, needsCsrf: true });
    } catch (err) {
      return reply.formError(err, RESET.template, { titleKey: RESET.titleKey, values: { phone: body.phone } });
    }
  });
  app.post("/password-reset/confirm", { preHandler: [app.verifyCsrf, limits.reset] }, async (req, reply) => {
    const body = req.body ?? {};
    try {
      const input = parseInput(passwordResetConfirmInput, body);
      await self.confirmPasswordReset(input);
      reply.flash("accounts.reset.done");
      return await reply.redirect("/login");
    } catch (err) {
      return reply.formError(err, RESET.template, { titleKey: RESET.titleKey, values: { phone: body.phone }, codeStep: true });
    }
  });
  const phonePage = (userId, phone, extra = {}) => ({ titleKey: PHONE.titleKey, phone, verified: self.phoneVerified(userId), values: {}, ...extra });
  app.get("/account/phone", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    return reply.page(PHONE.template, phonePage(actor.id, actor.phone));
  });
  app.post("/account/phone/send", { preHandler: app.verifyCsrf }, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    try {
      await self.requestPhoneVerification(actor);
      return reply.page(PHONE.template, phonePage(actor.id, actor.phone, { codeStep: true, needsCsrf: true }));
    } catch (err) {
      return reply.formError(err, PHONE.template, phonePage(actor.id, actor.phone, { codeStep: true }));
    }
  });
  app.post("/account/phone/confirm", { preHandler: app.verifyCsrf }, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    try {
      const { code } = parseInput(phoneCodeInput, req.body ?? {});
      self.confirmPhoneVerification(actor, code);
      reply.flash("accounts.phone.done");
      return await reply.redirect("/account/phone");
    } catch (err) {
      return reply.formError(err, PHONE.template, phonePage(actor.id, actor.phone, { codeStep: true }));
    }
  });
}
export {
  selfServicePages as default
};
//# sourceMappingURL=self-service-pages.js.map
