export * from "./accounts.js";
export * from "./common.js";
export * from "./buildings.js";
export * from "./memberships.js";
export * from "./aid.js";
export * from "./governance.js";
export * from "./notifications.js";
//# sourceMappingURL=index.js.map
