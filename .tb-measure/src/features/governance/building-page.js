import { canActForBuilding } from "../../lib/access.js";
import { CONGRESS_FORMS } from "../../domain/congress.js";
import { BARGAINING_TOPICS } from "../../domain/bargaining.js";
import { DISCLOSURE_CATEGORIES, quarterOf } from "../../domain/disclosure.js";
import * as repo from "./congress-repository.js";
import { enrolledEnterprises } from "./contracts-repository.js";
function buildingPageData(app, service, req, id, extra = {}) {
  const actor = app.requireSignedIn(req);
  const congresses = service.congresses.ofBuilding(actor, id);
  const building = repo.findBuilding(service.deps.db, id);
  const canManage = canActForBuilding(actor, id);
  const silent = service.disclosures.silentThisQuarter(actor, id);
  const today = app.clock.today();
  return {
    title: req.t("governance.building.title", { name: building.name }),
    building,
    canManage,
    congresses: congresses.map((c) => ({ ...c, formLabel: req.t(`governance.form.${c.form}`) })),
    forms: CONGRESS_FORMS.map((f) => ({ value: f, label: req.t(`governance.form.${f}`) })),
    rounds: service.bargaining.ofBuilding(id).map((r) => ({ ...r, topicLabels: JSON.parse(r.topics).map((tp) => req.t(`governance.topic.${tp}`)).join("\u3001") })),
    topics: BARGAINING_TOPICS.map((tp) => ({ value: tp, label: req.t(`governance.topic.${tp}`) })),
    contracts: service.contracts.ofBuilding(id).map((c) => ({ ...c, statusLabel: req.t(`governance.contractStatus.${c.status}`), kindLabel: req.t(`governance.contractKind.${c.kind}`) })),
    enterprises: canManage ? enrolledEnterprises(service.deps.db, id) : [],
    disclosures: service.disclosures.list(actor, id).slice(0, 10).map((d) => ({ ...d, categoryLabel: req.t(`governance.disclosureCategory.${d.category}`) })),
    categories: DISCLOSURE_CATEGORIES.map((c) => ({ value: c, label: req.t(`governance.disclosureCategory.${c}`) })),
    silent: silent === null ? void 0 : { ...silent, ...quarterOf(today) },
    charter: service.charter.list(actor, id).map((v) => ({ ...v, kindLabel: req.t(`governance.charterKind.${v.kind}`) })),
    values: { term: "3", form: "representatives", startsOn: today, termYears: "3", adoptedOn: today },
    ...extra
  };
}
export {
  buildingPageData
};
//# sourceMappingURL=building-page.js.map
