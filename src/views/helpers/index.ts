// All template helpers, one file each, registered here in one place.
import type Handlebars from 'handlebars'
import t from './t.js'
import money from './money.js'
import yuan from './yuan.js'
import eq from './eq.js'
import concat from './concat.js'
import datetime from './datetime.js'
import json from './json.js'
import fieldLabel from './field-label.js'

export function registerHelpers (hb: typeof Handlebars): void {
  hb.registerHelper({ t, money, yuan, eq, concat, datetime, json, fieldLabel })
}
