import { createAccountsService } from "./accounts-service.js";
import { createAuthLimits } from "./auth-rate-limit.js";
import accountsApi from "./accounts-api.js";
import accountsPages from "./accounts-pages.js";
import adminUsersPages from "./admin-users-pages.js";
import { createSelfService } from "./self-service.js";
import selfServiceApi from "./self-service-api.js";
import selfServicePages from "./self-service-pages.js";
async function accountsFeature(app) {
  const service = createAccountsService(app.db, app.clock);
  const limits = createAuthLimits(app);
  await app.register(accountsApi, { service, limits });
  await app.register(accountsPages, { service, limits });
  await app.register(adminUsersPages, { service });
  const self = createSelfService({ db: app.db, clock: app.clock, pii: app.pii, sms: app.sms, log: app.log });
  await app.register(selfServiceApi, { self, limits });
  await app.register(selfServicePages, { self, limits });
}
export {
  accountsFeature as default
};
//# sourceMappingURL=index.js.map
