import { sharePages } from "./share-pages.js";
import { orderPages } from "./order-pages.js";
import { planPages } from "./plan-pages.js";
async function aidPages(app, { service }) {
  sharePages(app, { service });
  orderPages(app, { service });
  planPages(app, { service });
}
export {
  aidPages as default
};
//# sourceMappingURL=aid-pages.js.map
