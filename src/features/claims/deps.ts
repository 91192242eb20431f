// What every claims use case is given: the database, the clock, the PII keys and the upload
// directory (documents are stored encrypted), and the notifier (SMS after the commit).
import type { Db } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import type { Pii } from '../../lib/pii.js'
import type { Notifier } from '../notifications/notifier.js'

export interface ClaimsDeps { db: Db, clock: Clock, pii: Pii, uploadDir: string, notifier: Notifier }
