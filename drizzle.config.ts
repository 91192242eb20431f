import { defineConfig } from 'drizzle-kit'

// Migrations are generated from the schema with `npm run db:generate` and committed;
// the portal and the admin command line apply them at start.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema/index.ts',
  out: './migrations',
  dbCredentials: { url: process.env.DATABASE_PATH ?? './data/portal.db' }
})
