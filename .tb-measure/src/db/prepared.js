import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
function sessionOf(db) {
  return db.session ?? db;
}
function preparedQuery(build) {
  const cache = /* @__PURE__ */ new WeakMap();
  return (db) => {
    const key = sessionOf(db);
    let query = cache.get(key);
    if (query === void 0) {
      query = build(db);
      cache.set(key, query);
    }
    return query;
  };
}
const dialect = new SQLiteSyncDialect();
function preparedSql(text) {
  const query = dialect.sqlToQuery(text);
  const prepared = preparedQuery((db) => {
    const session = db.session;
    if (session === void 0) throw new Error("preparedSql: not a drizzle SQLite database");
    return session.prepareQuery(query, void 0, "all", false);
  });
  return {
    all: (db, values) => prepared(db).all(values),
    get: (db, values) => prepared(db).get(values)
  };
}
export {
  preparedQuery,
  preparedSql
};
//# sourceMappingURL=prepared.js.map
