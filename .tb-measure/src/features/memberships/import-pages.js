import { idParam, parseInput } from "../../lib/validation.js";
import { AppError, badRequest, forbidden } from "../../lib/errors.js";
import { sendCsv } from "../../lib/csv.js";
import { sendXlsx, xlsxBuffer } from "../../lib/xlsx-writer.js";
import { importTarget } from "./memberships-schemas.js";
import { importJson, readUpload } from "./roster-upload.js";
function importPages(app, { service, imports }) {
  const csrf = { preHandler: app.verifyCsrf };
  const importPage = (actor, extra = {}) => {
    const enterprises = service.manageableEnterprises(actor).filter((e) => e.status === "enrolled");
    if (enterprises.length === 0) throw forbidden();
    const values = extra.values ?? {};
    return {
      titleKey: "memberships.import.title",
      enterprises: enterprises.map((e) => ({ ...e, selected: String(values.enterpriseId) === String(e.id) })),
      recent: imports.recent(actor),
      values,
      showEncoding: values.encoding === "gb18030" || values.encoding === "utf-8",
      needsCsrf: true,
      ...extra
    };
  };
  app.get("/memberships/import", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    return reply.page("memberships/import", importPage(actor));
  });
  app.get("/memberships/import/template.csv", async (req, reply) => {
    app.requireSignedIn(req);
    const t = req.t.bind(req);
    return sendCsv(reply, "roster-template.csv", "\uFEFF" + [t("memberships.field.name"), t("memberships.import.col.idNumber"), t("memberships.field.mobile")].join(",") + "\r\n");
  });
  app.get("/memberships/import/template.xlsx", async (req, reply) => {
    app.requireSignedIn(req);
    const t = req.t.bind(req);
    const header = [t("memberships.field.name"), t("memberships.import.col.idNumber"), t("memberships.field.mobile")];
    return sendXlsx(reply, "roster-template.xlsx", await xlsxBuffer(t("memberships.import.title"), header, [], { textColumns: [1, 2], textRows: 1e3 }));
  });
  app.post("/memberships/import", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    let fields = {};
    try {
      const upload = await readUpload(req).catch((err) => {
        if (err?.code === "FST_REQ_FILE_TOO_LARGE") throw badRequest({ file: "memberships.import.tooLarge" });
        throw err;
      });
      fields = upload.fields;
      const problems = {};
      let target;
      try {
        target = parseInput(importTarget, fields);
      } catch (err) {
        if (err instanceof AppError && err.fields !== void 0) Object.assign(problems, err.fields);
        else throw err;
      }
      if (fields.consent === void 0) problems.consent = "memberships.import.consentRequired";
      if (upload.file === void 0) problems.file = "memberships.import.noFile";
      if (target === void 0 || upload.file === void 0 || Object.keys(problems).length > 0) throw badRequest(problems);
      const { enterpriseId, encoding } = target;
      const { import: imp, repeated } = await imports.start(actor, { enterpriseId, encoding, fileName: upload.file.name, data: upload.file.data, lang: req.lang });
      if (repeated) reply.flash("memberships.import.repeated");
      return await reply.redirect(`/memberships/imports/${imp.id}`);
    } catch (caught) {
      const err = caught instanceof AppError && caught.statusCode === 413 ? badRequest({ file: "memberships.import.tooLarge" }) : caught;
      const ask = err instanceof AppError && err.code === "ENCODING_AMBIGUOUS";
      return reply.formError(err, "memberships/import", importPage(actor, { values: fields, ...ask ? { showEncoding: true } : {} }));
    }
  });
  app.get("/memberships/imports/:id", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    const imp = imports.get(actor, id);
    return reply.page("memberships/import-status", { titleKey: "memberships.import.statusTitle", imp: importJson(imp, imports, false, "/memberships/imports"), running: imp.status === "running", failed: imp.status === "failed" });
  });
  app.get("/memberships/imports/:id/status.json", async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    return importJson(imports.get(actor, id), imports, false, "/memberships/imports");
  });
  app.get("/memberships/imports/:id/errors.csv", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    const report = imports.errorReport(actor, id);
    return sendCsv(reply, `import-${id}-refused.csv`, report);
  });
}
export {
  importPages
};
//# sourceMappingURL=import-pages.js.map
