import { createMembershipsService } from "./memberships-service.js";
import { createRosterImports } from "./roster-import.js";
import { failStaleImports } from "./memberships-repository.js";
import membershipsApi from "./memberships-api.js";
import membershipsPages from "./memberships-pages.js";
import bulkPages from "./bulk-pages.js";
async function membershipsFeature(app) {
  const service = createMembershipsService(app.db, app.clock, app.pii, app.notifier);
  const imports = createRosterImports(app.db, app.clock, app.pii);
  failStaleImports(app.db, app.clock.iso());
  app.meParts.push((actor) => ({ membership: service.meMembership(actor) }));
  await app.register(membershipsApi, { service, imports });
  await app.register(membershipsPages, { service, imports });
  await app.register(bulkPages, { service });
}
export {
  membershipsFeature as default
};
//# sourceMappingURL=index.js.map
