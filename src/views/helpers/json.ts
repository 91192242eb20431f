/** {{json value}}: for audit entries (already-escaped output is not needed: Handlebars escapes). */
export default function json (value: unknown): string {
  if (typeof value === 'string') return value
  return JSON.stringify(value ?? null)
}
