// Two languages: zh-CN (default) and en. Each feature keeps its messages in its own file under
// messages/; keys are flat strings ("auth.login.title"). `{name}` placeholders are filled from params.
import common from './messages/common.js'
import accounts from './messages/accounts.js'
import buildings from './messages/buildings.js'
import memberships from './messages/memberships.js'
import aid from './messages/aid.js'
import claims from './messages/claims.js'
import selfService from './messages/self-service.js'
import governance from './messages/governance.js'
import governanceContracts from './messages/governance-contracts.js'
import payouts from './messages/payouts.js'
import audit from './messages/audit.js'
import workCalendar from './messages/work-calendar.js'

export type Lang = 'zh' | 'en'
export const LANGS: Lang[] = ['zh', 'en']
export interface Messages { zh: Record<string, string>, en: Record<string, string> }

const catalogues: Messages[] = [common, accounts, buildings, memberships, aid, claims, audit, payouts, selfService, governance, governanceContracts, workCalendar]
const dict: Record<Lang, Map<string, string>> = { zh: new Map(), en: new Map() }
for (const c of catalogues) {
  for (const lang of LANGS) for (const [k, v] of Object.entries(c[lang])) dict[lang].set(k, v)
}

export function hasMessage (key: string): boolean {
  return dict.zh.has(key)
}

export function t (lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  const template = dict[lang].get(key) ?? dict.zh.get(key) ?? key
  // Most messages have no placeholder (a page asks for dozens): no regular expression for them.
  if (!template.includes('{')) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])))
}

/** Picks the language: an explicit choice (cookie or ?lang=) first, then Accept-Language. */
export function pickLang (explicit: string | undefined, acceptLanguage: string | undefined): Lang {
  if (explicit === 'en' || explicit === 'zh') return explicit
  if (acceptLanguage !== undefined) {
    const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? ''
    if (first.startsWith('en')) return 'en'
  }
  return 'zh'
}

/** Every key must exist in both languages (checked by a test). */
export function missingTranslations (): string[] {
  const missing: string[] = []
  for (const k of dict.zh.keys()) if (!dict.en.has(k)) missing.push('en:' + k)
  for (const k of dict.en.keys()) if (!dict.zh.has(k)) missing.push('zh:' + k)
  return missing
}
