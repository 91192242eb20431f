import { createGovernanceService } from "./service.js";
import congressApi from "./congress-api.js";
import congressPages from "./congress-pages.js";
import sessionPages from "./session-pages.js";
import contractPages from "./contract-pages.js";
import disclosurePages from "./disclosure-pages.js";
async function governanceFeature(app) {
  const service = createGovernanceService({ db: app.db, clock: app.clock, pii: app.pii, uploadDir: app.config.uploadDir });
  app.homeCards.push({ order: 45, partial: "governance/home-card", load: (req) => req.actor === null ? null : service.reminders.forHome(req.actor) });
  await app.register(congressApi, { service });
  await app.register(congressPages, { service });
  await app.register(sessionPages, { service });
  await app.register(contractPages, { service });
  await app.register(disclosurePages, { service });
}
export {
  governanceFeature as default
};
//# sourceMappingURL=index.js.map
