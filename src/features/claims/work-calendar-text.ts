// The work calendar as an administrator types or pastes it: one day per line, "2027-02-06 休 春节"
// (also 2027/2/6 or 2027年2月6日; 休/放假/off or 班/上班/work; spaces, tabs or commas between),
// the way the State Council's yearly notice and a spreadsheet column read. Pure: text in, the
// days or the first line that is wrong (with its number) out.
import { isRealDate } from '../../domain/dates.js'
import { badRequest, fieldError } from '../../lib/errors.js'

export interface CalendarDay { date: string, kind: 'holiday' | 'workday', note?: string }

const KINDS: Record<string, CalendarDay['kind']> = {
  休: 'holiday', 假: 'holiday', 放假: 'holiday', 休息: 'holiday', off: 'holiday', holiday: 'holiday',
  班: 'workday', 上班: 'workday', 调休: 'workday', 调休上班: 'workday', work: 'workday', workday: 'workday'
}
const MAX_DAYS = 120
const MAX_NOTE = 50

/** "2027/2/6", "2027.2.6", "2027年2月6日" → "2027-02-06" (anything else as it was). */
function normaliseDate (s: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s)
  return m === null ? s : `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`
}

/** The year's days from the text, sorted; a wrong line is a 400 on the `days` field. */
export function parseCalendarText (year: number, text: string): CalendarDay[] {
  const wrong = (key: string, params: Record<string, string | number>) => badRequest({ days: fieldError(`calendar.v.${key}`, params) })
  const days: CalendarDay[] = []
  const lineOf = new Map<string, number>()
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = i + 1
    const trimmed = raw.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    const [dateText, kindText, ...rest] = trimmed.split(/[\s,，、;；]+/)
    if (kindText === undefined) throw wrong('lineFormat', { line })
    const date = normaliseDate(dateText)
    if (!isRealDate(date)) throw wrong('lineDate', { line, value: dateText })
    const kind = KINDS[kindText.toLowerCase()]
    if (kind === undefined) throw wrong('lineKind', { line, value: kindText })
    if (!date.startsWith(`${year}-`)) throw wrong('lineOtherYear', { line, value: date, year })
    const first = lineOf.get(date)
    if (first !== undefined) throw wrong('lineTwice', { line, value: date, first })
    const note = rest.join(' ')
    if ([...note].length > MAX_NOTE) throw wrong('lineNote', { line })
    lineOf.set(date, line)
    days.push(note === '' ? { date, kind } : { date, kind, note })
  }
  if (days.length > MAX_DAYS) throw wrong('tooMany', { count: days.length })
  return days.sort((a, b) => a.date.localeCompare(b.date))
}

/** The stored days back as text for the form, one per line, in the words the form takes. */
export function calendarText (lang: 'zh' | 'en', days: Array<{ date: string, kind: string, note: string | null }>): string {
  const word = (kind: string): string => kind === 'holiday' ? (lang === 'zh' ? '休' : 'off') : (lang === 'zh' ? '班' : 'work')
  return days.map((d) => [d.date, word(d.kind), d.note ?? ''].join(' ').trim()).join('\n')
}
