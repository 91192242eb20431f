/** page, pages and the hrefs of the neighbouring pages, keeping the other query parameters. */
export function pageLinks (path: string, params: Record<string, string | number | undefined>, page: number, pages: number) {
  const href = (p: number): string => {
    const q = new URLSearchParams()
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v))
    q.set('page', String(p))
    return `${path}?${q.toString()}`
  }
  return {
    page,
    pages,
    prevHref: page > 1 ? href(page - 1) : undefined,
    nextHref: page < pages ? href(page + 1) : undefined
  }
}
