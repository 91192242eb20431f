function json(value) {
  if (typeof value === "string") return value;
  return JSON.stringify(value ?? null);
}
export {
  json as default
};
//# sourceMappingURL=json.js.map
