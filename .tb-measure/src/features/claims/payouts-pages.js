import { z } from "zod";
import { idParam, parseInput } from "../../lib/validation.js";
import { AppError } from "../../lib/errors.js";
import { requireActor } from "../../lib/access.js";
import { batchPaidInput, documentKindInput, failedItemInput, payoutAccountInput, returnInput } from "./claims-schemas.js";
import { bankFileCsv, bankFileXlsx, sendBankFile } from "./bank-file.js";
import { statusBadge } from "./claims-display.js";
import { eachUploadedFile } from "./upload.js";
import { claimPage as claimPageOf } from "./claims-pages.js";
const itemParams = z.object({ id: z.coerce.number().int().positive(), claimId: z.coerce.number().int().positive() });
async function payoutsPages(app, { service, returns, accounts, batches }) {
  const csrf = { preHandler: app.verifyCsrf };
  app.navLinks.push({ href: "/me/payout-account", labelKey: "payout.nav", order: 43, show: (a) => a !== null });
  const accountPage = (req, values = {}) => {
    const d = accounts.formDefaults(req.actor);
    return { titleKey: "payout.title", account: d.account, values: { bankName: d.account?.bankName ?? "", accountName: d.memberName, ...values } };
  };
  app.get("/me/payout-account", async (req, reply) => {
    requireActor(req.actor);
    return reply.page("claims/payout-account", accountPage(req));
  });
  app.post("/me/payout-account", csrf, async (req, reply) => {
    const actor = requireActor(req.actor);
    const body = req.body ?? {};
    try {
      accounts.save(actor, parseInput(payoutAccountInput, body));
      reply.flash("payout.flash.saved");
      return reply.redirect("/me/payout-account", 303);
    } catch (err) {
      return reply.formError(err, "claims/payout-account", accountPage(req, body));
    }
  });
  app.post("/aid/claims/:id/files", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    try {
      const n = await eachUploadedFile(req, (fields, file) => {
        const { kind } = parseInput(documentKindInput, fields);
        service.addDocument(actor, id, kind, file.fileName, file.bytes);
      });
      if (n === 0) throw new AppError(400, "INVALID_INPUT", "claims.doc.fileRequired", {}, { file: "claims.doc.fileRequired" });
      reply.flash("claims.flash.uploaded");
      return reply.redirect(`/aid/claims/${id}`, 303);
    } catch (err) {
      return reply.formError(err, "claims/claim", claimPage(req, id));
    }
  });
  function claimPage(req, id) {
    return claimPageOf(app, service, req, id);
  }
  app.post("/aid/claims/:id/return", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    returns.checkMayReturn(actor, id);
    try {
      const body = req.body ?? {};
      const r = returnInput.safeParse({ note: body.returnNote });
      if (!r.success) throw new AppError(400, "INVALID_INPUT", "error.invalidInput", {}, { returnNote: r.error.issues[0]?.message ?? "v.required" });
      returns.returnForDocuments(actor, id, r.data.note);
      reply.flash("payout.flash.returned");
      return reply.redirect(`/aid/claims/${id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.statusCode === 409) {
        reply.flash(err.messageKey);
        return reply.redirect(`/aid/claims/${id}`, 303);
      }
      return reply.formError(err, "claims/claim", { ...claimPage(req, id), values: req.body ?? {} });
    }
  });
  app.post("/aid/claims/:id/resubmit", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    try {
      returns.resubmit(actor, id);
      reply.flash("payout.flash.resubmitted");
    } catch (err) {
      if (!(err instanceof AppError) || err.statusCode !== 409) throw err;
      reply.flash(err.messageKey);
    }
    return reply.redirect(`/aid/claims/${id}`, 303);
  });
  function batchPage(req, id) {
    const actor = app.requireSignedIn(req);
    const { batch, claims } = service.batch(actor, id);
    return {
      title: req.t("claims.batch.title", { id }),
      batch: {
        ...batch,
        statusLabel: req.t(`claims.batch.status.${batch.status}`),
        open: batch.status !== "paid",
        canExport: batch.status === "open",
        isMaker: batch.createdBy === actor.id
      },
      claims: claims.map((c) => ({ ...c, badge: statusBadge(req, c.status) })),
      values: {}
    };
  }
  app.get("/aid/payouts/:id", async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    return reply.page("claims/batch", batchPage(req, id));
  });
  for (const kind of ["csv", "xlsx"]) {
    app.get(`/aid/payouts/:id/bank-file.${kind}`, async (req, reply) => {
      const { id } = parseInput(idParam, req.params);
      const file = batches.bankFile(app.requireSignedIn(req), id);
      return sendBankFile(reply, file, kind, kind === "csv" ? bankFileCsv(file) : await bankFileXlsx(file));
    });
  }
  app.post("/aid/payouts/:id/exported", csrf, async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    try {
      batches.markExported(app.requireSignedIn(req), id);
      reply.flash("payout.flash.exported");
    } catch (err) {
      if (!(err instanceof AppError) || err.statusCode !== 409) throw err;
      reply.flash(err.messageKey);
    }
    return reply.redirect(`/aid/payouts/${id}`, 303);
  });
  app.post("/aid/payouts/:id/paid", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    batches.check(actor, id);
    try {
      const { bankReference } = parseInput(batchPaidInput, req.body);
      batches.markPaid(actor, id, bankReference);
      reply.flash("claims.flash.batchPaid");
      return reply.redirect(`/aid/payouts/${id}`, 303);
    } catch (err) {
      return reply.formError(err, "claims/batch", { ...batchPage(req, id), values: req.body ?? {} });
    }
  });
  app.post("/aid/payouts/:id/items/:claimId/failed", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id, claimId } = parseInput(itemParams, req.params);
    batches.check(actor, id);
    try {
      batches.itemFailed(actor, id, claimId, parseInput(failedItemInput, req.body).reason);
      reply.flash("payout.flash.itemFailed");
      return reply.redirect(`/aid/payouts/${id}`, 303);
    } catch (err) {
      return reply.formError(err, "claims/batch", { ...batchPage(req, id), values: req.body ?? {}, failedClaimId: claimId });
    }
  });
}
export {
  payoutsPages as default
};
//# sourceMappingURL=payouts-pages.js.map
