// What every buildings use case is given: the database and the clock.
import type { Db } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'

export interface BuildingsDeps { db: Db, clock: Clock }
