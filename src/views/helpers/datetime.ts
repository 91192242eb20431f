const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })

/** {{datetime iso}} → 2026/11/27 18:07 (Asia/Shanghai). */
export default function datetime (iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : fmt.format(d)
}
