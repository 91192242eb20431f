import { idParam, parseInput } from "../../lib/validation.js";
import { DISCLOSURE_CATEGORIES } from "../../domain/disclosure.js";
import { readUpload } from "../claims/upload.js";
import { sendDocument } from "../../lib/download.js";
import { charterInput, disclosureInput } from "./governance-schemas.js";
import { buildingPageData } from "./building-page.js";
import * as repo from "./congress-repository.js";
async function disclosurePages(app, { service }) {
  const csrf = { preHandler: app.verifyCsrf };
  function listPage(req, id, extra = {}) {
    const actor = app.requireSignedIn(req);
    const items = service.disclosures.list(actor, id);
    const building = repo.findBuilding(service.deps.db, id);
    const publishable = service.disclosures.publishable(actor, id);
    return {
      title: req.t("governance.disclosure.title", { name: building.name }),
      building,
      items: items.map((d) => ({ ...d, categoryLabel: req.t(`governance.disclosureCategory.${d.category}`) })),
      publishable: publishable.federation || publishable.enterprises.length > 0 ? publishable : void 0,
      categories: DISCLOSURE_CATEGORIES.map((c) => ({ value: c, label: req.t(`governance.disclosureCategory.${c}`) })),
      values: { periodFrom: app.clock.today(), periodTo: app.clock.today() },
      ...extra
    };
  }
  app.get("/governance/buildings/:id/disclosures", async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    return reply.page("governance/disclosures", listPage(req, id));
  });
  app.post("/governance/buildings/:id/disclosures", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.disclosures.scopeOf(actor, id);
    let fields = {};
    try {
      const upload = await readUpload(req);
      fields = upload.fields;
      const d = service.disclosures.publish(actor, id, parseInput(disclosureInput, fields), upload.file);
      reply.flash("governance.flash.published");
      return await reply.redirect(`/governance/disclosures/${d.id}`, 303);
    } catch (err) {
      return reply.formError(err, "governance/disclosures", listPage(req, id, { values: fields }));
    }
  });
  app.get("/governance/disclosures/:id", async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    const d = service.disclosures.view(app.requireSignedIn(req), id);
    return reply.page("governance/disclosure", { title: d.title, d, categoryLabel: req.t(`governance.disclosureCategory.${d.category}`) });
  });
  app.get("/governance/disclosures/:id/attachment", async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    const f = service.disclosures.readAttachment(app.requireSignedIn(req), id);
    return sendDocument(reply, { fileName: f.fileName, mime: f.mime }, f.bytes);
  });
  app.post("/governance/buildings/:id/charter", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.charter.list(actor, id);
    try {
      service.charter.adopt(actor, id, parseInput(charterInput, req.body));
      reply.flash("governance.flash.charter");
      return await reply.redirect(`/governance/buildings/${id}#charter`, 303);
    } catch (err) {
      return reply.formError(err, "governance/building", buildingPageData(app, service, req, id, { values: req.body, form: "charter" }));
    }
  });
}
export {
  disclosurePages as default
};
//# sourceMappingURL=disclosure-pages.js.map
