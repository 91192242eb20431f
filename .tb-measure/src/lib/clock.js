import { shanghaiDate } from "../domain/dates.js";
function createClock(now = () => /* @__PURE__ */ new Date()) {
  return { now, iso: () => now().toISOString(), today: () => shanghaiDate(now()) };
}
export {
  createClock
};
//# sourceMappingURL=clock.js.map
