function bpToPercent(bp) {
  const frac = String(bp % 100).padStart(2, "0").replace(/0+$/, "");
  return `${Math.floor(bp / 100)}${frac === "" ? "" : "." + frac}`;
}
export {
  bpToPercent
};
//# sourceMappingURL=percent.js.map
