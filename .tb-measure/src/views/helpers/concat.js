function concat(...args) {
  return args.slice(0, -1).map((a) => a === void 0 || a === null ? "" : String(a)).join("");
}
export {
  concat as default
};
//# sourceMappingURL=concat.js.map
