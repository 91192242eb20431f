import type { HelperOptions } from 'handlebars'
import { hasMessage, t, type Lang } from '../../i18n/index.js'

/**
 * {{fieldLabel "idNumber"}} → "身份证号码：" — an error summary names the field each message is
 * about (form.field.<name>); nothing for a field without a name there.
 */
export default function fieldLabel (name: string, options: HelperOptions): string {
  const key = `form.field.${name}`
  if (!hasMessage(key)) return ''
  const lang = (options.data?.root?.lang ?? 'zh') as Lang
  return t(lang, key) + (lang === 'zh' ? '：' : ': ')
}
