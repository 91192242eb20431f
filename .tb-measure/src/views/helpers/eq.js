function eq(a, b) {
  return String(a) === String(b);
}
export {
  eq as default
};
//# sourceMappingURL=eq.js.map
