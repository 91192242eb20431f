// The audit log in words, for the people who read it (admins, and each membership's history):
// what happened ("Claim: first approval") instead of `claim.approve.first`, and what changed as
// "Status: Approved · Amount: ¥1,234.00" instead of raw JSON. An action or field the words
// below do not know is shown plainly, never as code formatting.
import { t, type Lang } from '../../i18n/index.js'
import { formatFen } from '../../domain/money.js'

/** A message key per action (in i18n/messages/audit-words.ts). */
export function actionKey (action: string): string {
  return `audit.action.${action}`
}

/** "claim.approve.first" → the words for it, or for its subject and verb when the action is new. */
export function actionWords (lang: Lang, action: string): string {
  const key = actionKey(action)
  const words = t(lang, key)
  if (words !== key) return words
  const [entity, ...rest] = action.split('.')
  const entityKey = `audit.entity.${entity}`
  const entityWords = t(lang, entityKey)
  return `${entityWords === entityKey ? entity : entityWords}: ${rest.join(' ').replace(/_/g, ' ')}`
}

const STATUS_FIELDS = new Set(['status'])

function valueWords (lang: Lang, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return t(lang, 'audit.value.none')
  if (typeof v === 'boolean') return t(lang, v ? 'audit.value.yes' : 'audit.value.no')
  if (typeof v === 'number' && /Fen$/.test(field)) return formatFen(v)
  if (typeof v === 'string' && STATUS_FIELDS.has(field)) {
    const key = `audit.status.${v}`
    const words = t(lang, key)
    return words === key ? v : words
  }
  if (Array.isArray(v)) return t(lang, 'audit.value.items', { count: v.length })
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${fieldWords(lang, k)} ${valueWords(lang, k, x)}`).join('，')
  return String(v)
}

function fieldWords (lang: Lang, field: string): string {
  const key = `audit.field.${field}`
  const words = t(lang, key)
  return words === key ? field : words
}

/** A stored JSON snapshot as "Field: value" pairs (empty when there is none). */
export function changeWords (lang: Lang, json: string | null): Array<{ field: string, value: string }> {
  if (json === null || json === '') return []
  let parsed: unknown
  try { parsed = JSON.parse(json) } catch { return [{ field: '', value: json }] }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return [{ field: '', value: valueWords(lang, '', parsed) }]
  return Object.entries(parsed as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ({ field: fieldWords(lang, k), value: valueWords(lang, k, v) }))
}

export function entityWords (lang: Lang, entityType: string): string {
  const key = `audit.entity.${entityType}`
  const words = t(lang, key)
  return words === key ? entityType : words
}
