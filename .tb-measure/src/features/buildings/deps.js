//# sourceMappingURL=deps.js.map
