function pageLinks(path, params, page, pages) {
  const href = (p) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== void 0 && v !== "") q.set(k, String(v));
    q.set("page", String(p));
    return `${path}?${q.toString()}`;
  };
  return {
    page,
    pages,
    prevHref: page > 1 ? href(page - 1) : void 0,
    nextHref: page < pages ? href(page + 1) : void 0
  };
}
export {
  pageLinks
};
//# sourceMappingURL=pagination.js.map
