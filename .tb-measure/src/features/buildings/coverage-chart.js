const TEXT = 16;
const COLOURS = { enrolled: "#1a7f37", pending: "#bf8700", rejected: "#cf222e", rest: "#d0d7de", track: "#eaeef2", text: "#1f2328", muted: "#59636e" };
function escapeXml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
function percent(part, whole) {
  if (whole <= 0) return 0;
  return Math.min(100, Math.round(part / whole * 1e3) / 10);
}
const num = (n) => String(Math.round(n * 10) / 10);
function buildingCoverageSvg(c) {
  const W = 360;
  const barY = 40;
  const barH = 28;
  const whole = Math.max(c.total, c.enrolled + c.pending + c.rejected, 1);
  const rest = Math.max(0, c.total - c.enrolled - c.pending - c.rejected);
  const parts = [
    { n: c.enrolled, colour: COLOURS.enrolled, label: c.labels.enrolled },
    { n: c.pending, colour: COLOURS.pending, label: c.labels.pending },
    { n: c.rejected, colour: COLOURS.rejected, label: c.labels.rejected },
    { n: rest, colour: COLOURS.rest, label: c.labels.notEnrolled }
  ];
  let x = 0;
  const rects = [];
  for (const p of parts) {
    const w = p.n / whole * W;
    if (w > 0) rects.push(`<rect x="${num(x)}" y="${barY}" width="${num(w)}" height="${barH}" fill="${p.colour}"><title>${escapeXml(p.label)}: ${p.n}</title></rect>`);
    x += w;
  }
  const legend = parts.map((p, i) => {
    const lx = i % 2 * 180;
    const ly = barY + barH + 24 + Math.floor(i / 2) * 24;
    return `<rect x="${lx}" y="${ly - 12}" width="14" height="14" fill="${p.colour}"/><text x="${lx + 20}" y="${ly}" font-size="${TEXT}" fill="${COLOURS.text}">${escapeXml(p.label)} ${p.n}</text>`;
  }).join("");
  const pct = percent(c.enrolled, c.total);
  const H = barY + barH + 24 + 2 * 24 + 22;
  const title = `${c.labels.title}: ${c.enrolled} / ${c.total} (${pct}%)`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart coverage-chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title><text x="0" y="22" font-size="16" font-weight="bold" fill="${COLOURS.text}">${escapeXml(title)}</text><rect x="0" y="${barY}" width="${W}" height="${barH}" fill="${COLOURS.track}"/>` + rects.join("") + legend + `<text x="0" y="${H - 6}" font-size="${TEXT}" fill="${COLOURS.muted}">${escapeXml(c.labels.members)}: ${c.members}</text></svg>`;
}
function cityCoverageSvg(rows, labels) {
  const W = 360;
  const labelW = 140;
  const barW = 150;
  const rowH = 28;
  const top = 34;
  const H = top + rows.length * rowH + 8;
  const bars = rows.map((r, i) => {
    const y = top + i * rowH;
    const pct = percent(r.enrolled, r.total);
    const name = r.name.length > 8 ? r.name.slice(0, 7) + "\u2026" : r.name;
    return `<g><title>${escapeXml(`${r.name}: ${r.enrolled} / ${r.total} (${pct}%)`)}</title><text x="${labelW - 6}" y="${y + 18}" font-size="${TEXT}" text-anchor="end" fill="${COLOURS.text}">${escapeXml(name)}</text><rect x="${labelW}" y="${y + 5}" width="${barW}" height="18" fill="${COLOURS.track}"/><rect x="${labelW}" y="${y + 5}" width="${num(pct / 100 * barW)}" height="18" fill="${COLOURS.enrolled}"/><text x="${labelW + barW + 6}" y="${y + 18}" font-size="${TEXT}" fill="${COLOURS.muted}">${r.enrolled}/${r.total}</text></g>`;
  }).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart city-chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(labels.title)}"><title>${escapeXml(labels.title)}</title><text x="0" y="20" font-size="16" font-weight="bold" fill="${COLOURS.text}">${escapeXml(labels.title)}</text>` + bars + "</svg>";
}
function institutionsSvg(items, total, title) {
  const W = 360;
  const labelW = 150;
  const barW = 140;
  const rowH = 30;
  const top = 34;
  const H = top + items.length * rowH + 8;
  const bars = items.map((it, i) => {
    const y = top + i * rowH;
    const w = total > 0 ? it.n / total * barW : 0;
    return `<text x="${labelW - 6}" y="${y + 19}" font-size="${TEXT}" text-anchor="end" fill="${COLOURS.text}">${escapeXml(it.label)}</text><rect x="${labelW}" y="${y + 4}" width="${barW}" height="22" fill="${COLOURS.track}"/><rect x="${labelW}" y="${y + 4}" width="${num(w)}" height="22" fill="#0969da"/><text x="${labelW + barW + 6}" y="${y + 20}" font-size="${TEXT}" fill="${COLOURS.muted}">${it.n}/${total}</text>`;
  }).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart institutions-chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title><text x="0" y="20" font-size="16" font-weight="bold" fill="${COLOURS.text}">${escapeXml(title)}</text>` + bars + "</svg>";
}
export {
  buildingCoverageSvg,
  cityCoverageSvg,
  escapeXml,
  institutionsSvg,
  percent
};
//# sourceMappingURL=coverage-chart.js.map
