import type { Messages } from '../index.js'

// Messages of the work calendar an administrator keeps (holidays and adjusted workdays).
const messages: Messages = {
  zh: {
    'calendar.nav': '节假日与调休',
    'calendar.title': '节假日与调休',
    'calendar.heading': '{year} 年节假日与调休',
    'calendar.intro': '报销申请的预计办结日按工作日计算：周六、周日休息；这里列出的放假日休息，调休上班日照常上班。国务院每年公布下一年的放假安排后，请在这里录入。',
    'calendar.none': '{year} 年还没有录入放假安排：预计办结日只跳过周末。',
    'calendar.summary': '{year} 年共 {holidays} 天放假、{workdays} 天调休上班。',
    'calendar.kind.holiday': '放假',
    'calendar.kind.workday': '调休上班',
    'calendar.years': '其他年度：',
    'calendar.edit': '修改 {year} 年的清单',
    'calendar.daysHint': '每行一天：日期、“休”或“班”、说明（可不填），用空格隔开。例如“2027-02-06 休 春节”“2027-02-14 班 春节调休”。以 # 开头的行不计。清空后保存即删除这一年的全部日期。',
    'calendar.save': '保存',
    'calendar.history': '修改记录',
    'calendar.historyLine': '{who} 保存了清单：共 {days} 天，其中放假 {holidays} 天',
    'form.field.days': '日期清单',
    'calendar.v.lineFormat': '第 {line} 行：请写成“日期 休/班 说明”，例如 2027-02-06 休 春节。',
    'calendar.v.lineDate': '第 {line} 行：“{value}”不是有效日期，请写成 2027-02-06 这样的格式。',
    'calendar.v.lineKind': '第 {line} 行：“{value}”看不懂，请写“休”（放假）或“班”（调休上班）。',
    'calendar.v.lineOtherYear': '第 {line} 行：{value} 不在 {year} 年。',
    'calendar.v.lineTwice': '第 {line} 行：{value} 已在第 {first} 行写过。',
    'calendar.v.lineNote': '第 {line} 行：说明最多 50 个字。',
    'calendar.v.tooMany': '一年最多录入 120 天（现在 {count} 天）。'
  },
  en: {
    'calendar.nav': 'Holidays',
    'calendar.title': 'Holidays and adjusted workdays',
    'calendar.heading': 'Holidays and adjusted workdays, {year}',
    'calendar.intro': 'The expected decision date of a claim counts working days: Saturdays and Sundays are off; the holidays listed here are off; the adjusted workdays listed here are worked. Enter next year\'s days here when the State Council publishes them.',
    'calendar.none': 'No holidays entered for {year} yet: expected decision dates skip weekends only.',
    'calendar.summary': '{year}: {holidays} days off and {workdays} adjusted workdays.',
    'calendar.kind.holiday': 'Holiday (off)',
    'calendar.kind.workday': 'Adjusted workday (worked)',
    'calendar.years': 'Other years: ',
    'calendar.edit': 'Edit the list for {year}',
    'calendar.daysHint': 'One day per line: the date, "off" (休) or "work" (班), and an optional note, separated by spaces. For example "2027-02-06 off Spring Festival" or "2027-02-14 work Spring Festival". Lines starting with # are ignored. Saving an empty list removes all of the year\'s days.',
    'calendar.save': 'Save',
    'calendar.history': 'Changes',
    'calendar.historyLine': '{who} saved the list: {days} days, {holidays} of them off',
    'form.field.days': 'List of days',
    'calendar.v.lineFormat': 'Line {line}: write "date off/work note", for example 2027-02-06 off Spring Festival.',
    'calendar.v.lineDate': 'Line {line}: "{value}" is not a date; write it as 2027-02-06.',
    'calendar.v.lineKind': 'Line {line}: "{value}" is not understood; write "off" (holiday) or "work" (adjusted workday).',
    'calendar.v.lineOtherYear': 'Line {line}: {value} is not in {year}.',
    'calendar.v.lineTwice': 'Line {line}: {value} is already on line {first}.',
    'calendar.v.lineNote': 'Line {line}: a note has at most 50 characters.',
    'calendar.v.tooMany': 'At most 120 days a year ({count} now).'
  }
}
export default messages
