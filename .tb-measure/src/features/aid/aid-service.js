import { planUseCases } from "./plans.js";
import { orderUseCases } from "./orders.js";
import { paymentUseCases } from "./payments.js";
import { shareUseCases } from "./shares.js";
import { cancelStaleOrders } from "./stale-orders.js";
function createAidService(db, clock, notifier) {
  const deps = { db, clock, notifier };
  const plans = planUseCases(deps);
  return { ...plans, ...orderUseCases(deps, plans), ...paymentUseCases(deps), ...shareUseCases(deps, plans) };
}
export {
  cancelStaleOrders,
  createAidService
};
//# sourceMappingURL=aid-service.js.map
