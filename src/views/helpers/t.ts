import type { HelperOptions } from 'handlebars'
import { t as translate, type Lang } from '../../i18n/index.js'

/** {{t "key" name=value}}: the message in the page's language. */
export default function t (key: string, options: HelperOptions): string {
  const lang = (options.data?.root?.lang ?? 'zh') as Lang
  return translate(lang, key, options.hash ?? {})
}
