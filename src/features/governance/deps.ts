// What every governance use case is given: the database, the clock, and (for the stored
// contract texts, scans and disclosure attachments) the PII keys and the upload directory.
import type { Db } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import type { Pii } from '../../lib/pii.js'

export interface GovernanceDeps { db: Db, clock: Clock, pii: Pii, uploadDir: string }
