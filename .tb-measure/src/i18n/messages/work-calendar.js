const messages = {
  zh: {
    "calendar.nav": "\u8282\u5047\u65E5\u4E0E\u8C03\u4F11",
    "calendar.title": "\u8282\u5047\u65E5\u4E0E\u8C03\u4F11",
    "calendar.heading": "{year} \u5E74\u8282\u5047\u65E5\u4E0E\u8C03\u4F11",
    "calendar.intro": "\u62A5\u9500\u7533\u8BF7\u7684\u9884\u8BA1\u529E\u7ED3\u65E5\u6309\u5DE5\u4F5C\u65E5\u8BA1\u7B97\uFF1A\u5468\u516D\u3001\u5468\u65E5\u4F11\u606F\uFF1B\u8FD9\u91CC\u5217\u51FA\u7684\u653E\u5047\u65E5\u4F11\u606F\uFF0C\u8C03\u4F11\u4E0A\u73ED\u65E5\u7167\u5E38\u4E0A\u73ED\u3002\u56FD\u52A1\u9662\u6BCF\u5E74\u516C\u5E03\u4E0B\u4E00\u5E74\u7684\u653E\u5047\u5B89\u6392\u540E\uFF0C\u8BF7\u5728\u8FD9\u91CC\u5F55\u5165\u3002",
    "calendar.none": "{year} \u5E74\u8FD8\u6CA1\u6709\u5F55\u5165\u653E\u5047\u5B89\u6392\uFF1A\u9884\u8BA1\u529E\u7ED3\u65E5\u53EA\u8DF3\u8FC7\u5468\u672B\u3002",
    "calendar.summary": "{year} \u5E74\u5171 {holidays} \u5929\u653E\u5047\u3001{workdays} \u5929\u8C03\u4F11\u4E0A\u73ED\u3002",
    "calendar.kind.holiday": "\u653E\u5047",
    "calendar.kind.workday": "\u8C03\u4F11\u4E0A\u73ED",
    "calendar.years": "\u5176\u4ED6\u5E74\u5EA6\uFF1A",
    "calendar.edit": "\u4FEE\u6539 {year} \u5E74\u7684\u6E05\u5355",
    "calendar.daysHint": "\u6BCF\u884C\u4E00\u5929\uFF1A\u65E5\u671F\u3001\u201C\u4F11\u201D\u6216\u201C\u73ED\u201D\u3001\u8BF4\u660E\uFF08\u53EF\u4E0D\u586B\uFF09\uFF0C\u7528\u7A7A\u683C\u9694\u5F00\u3002\u4F8B\u5982\u201C2027-02-06 \u4F11 \u6625\u8282\u201D\u201C2027-02-14 \u73ED \u6625\u8282\u8C03\u4F11\u201D\u3002\u4EE5 # \u5F00\u5934\u7684\u884C\u4E0D\u8BA1\u3002\u6E05\u7A7A\u540E\u4FDD\u5B58\u5373\u5220\u9664\u8FD9\u4E00\u5E74\u7684\u5168\u90E8\u65E5\u671F\u3002",
    "calendar.save": "\u4FDD\u5B58",
    "calendar.history": "\u4FEE\u6539\u8BB0\u5F55",
    "calendar.historyLine": "{who} \u4FDD\u5B58\u4E86\u6E05\u5355\uFF1A\u5171 {days} \u5929\uFF0C\u5176\u4E2D\u653E\u5047 {holidays} \u5929",
    "form.field.days": "\u65E5\u671F\u6E05\u5355",
    "calendar.v.lineFormat": "\u7B2C {line} \u884C\uFF1A\u8BF7\u5199\u6210\u201C\u65E5\u671F \u4F11/\u73ED \u8BF4\u660E\u201D\uFF0C\u4F8B\u5982 2027-02-06 \u4F11 \u6625\u8282\u3002",
    "calendar.v.lineDate": "\u7B2C {line} \u884C\uFF1A\u201C{value}\u201D\u4E0D\u662F\u6709\u6548\u65E5\u671F\uFF0C\u8BF7\u5199\u6210 2027-02-06 \u8FD9\u6837\u7684\u683C\u5F0F\u3002",
    "calendar.v.lineKind": "\u7B2C {line} \u884C\uFF1A\u201C{value}\u201D\u770B\u4E0D\u61C2\uFF0C\u8BF7\u5199\u201C\u4F11\u201D\uFF08\u653E\u5047\uFF09\u6216\u201C\u73ED\u201D\uFF08\u8C03\u4F11\u4E0A\u73ED\uFF09\u3002",
    "calendar.v.lineOtherYear": "\u7B2C {line} \u884C\uFF1A{value} \u4E0D\u5728 {year} \u5E74\u3002",
    "calendar.v.lineTwice": "\u7B2C {line} \u884C\uFF1A{value} \u5DF2\u5728\u7B2C {first} \u884C\u5199\u8FC7\u3002",
    "calendar.v.lineNote": "\u7B2C {line} \u884C\uFF1A\u8BF4\u660E\u6700\u591A 50 \u4E2A\u5B57\u3002",
    "calendar.v.tooMany": "\u4E00\u5E74\u6700\u591A\u5F55\u5165 120 \u5929\uFF08\u73B0\u5728 {count} \u5929\uFF09\u3002"
  },
  en: {
    "calendar.nav": "Holidays",
    "calendar.title": "Holidays and adjusted workdays",
    "calendar.heading": "Holidays and adjusted workdays, {year}",
    "calendar.intro": "The expected decision date of a claim counts working days: Saturdays and Sundays are off; the holidays listed here are off; the adjusted workdays listed here are worked. Enter next year's days here when the State Council publishes them.",
    "calendar.none": "No holidays entered for {year} yet: expected decision dates skip weekends only.",
    "calendar.summary": "{year}: {holidays} days off and {workdays} adjusted workdays.",
    "calendar.kind.holiday": "Holiday (off)",
    "calendar.kind.workday": "Adjusted workday (worked)",
    "calendar.years": "Other years: ",
    "calendar.edit": "Edit the list for {year}",
    "calendar.daysHint": `One day per line: the date, "off" (\u4F11) or "work" (\u73ED), and an optional note, separated by spaces. For example "2027-02-06 off Spring Festival" or "2027-02-14 work Spring Festival". Lines starting with # are ignored. Saving an empty list removes all of the year's days.`,
    "calendar.save": "Save",
    "calendar.history": "Changes",
    "calendar.historyLine": "{who} saved the list: {days} days, {holidays} of them off",
    "form.field.days": "List of days",
    "calendar.v.lineFormat": 'Line {line}: write "date off/work note", for example 2027-02-06 off Spring Festival.',
    "calendar.v.lineDate": 'Line {line}: "{value}" is not a date; write it as 2027-02-06.',
    "calendar.v.lineKind": 'Line {line}: "{value}" is not understood; write "off" (holiday) or "work" (adjusted workday).',
    "calendar.v.lineOtherYear": "Line {line}: {value} is not in {year}.",
    "calendar.v.lineTwice": "Line {line}: {value} is already on line {first}.",
    "calendar.v.lineNote": "Line {line}: a note has at most 50 characters.",
    "calendar.v.tooMany": "At most 120 days a year ({count} now)."
  }
};
var work_calendar_default = messages;
export {
  work_calendar_default as default
};
//# sourceMappingURL=work-calendar.js.map
