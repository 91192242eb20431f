import { createRequire } from "node:module";
const load = createRequire(import.meta.url);
function lazyRequire(id) {
  let mod;
  return () => mod ??= load(id);
}
const exceljs = lazyRequire("exceljs");
export {
  exceljs,
  lazyRequire
};
//# sourceMappingURL=lazy-require.js.map
