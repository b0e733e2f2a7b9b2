#include "store/sqlite/schema.h"

namespace jr {

// Conventions: days are day numbers since 1970-01-01 (INTEGER); periods are half-open
// (end_day exclusive, NULL = open); money in cents (INTEGER); volumes in hundredths.
// The BSN never reaches the database: clients are pseudonyms.
const std::vector<const char*>& SchemaMigrations() {
  static const std::vector<const char*> kMigrations = {
      R"sql(
CREATE TABLE municipality (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  subregion TEXT NOT NULL DEFAULT '',
  begin_day INTEGER NOT NULL,
  end_day INTEGER,
  successor TEXT REFERENCES municipality(code) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE key_value (
  municipality TEXT NOT NULL REFERENCES municipality(code),
  year INTEGER NOT NULL,
  key TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (municipality, year, key)
);
CREATE TABLE provider (
  agb TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE product (
  category TEXT NOT NULL,
  code TEXT NOT NULL,
  description TEXT NOT NULL,
  unit INTEGER NOT NULL,
  bucket TEXT NOT NULL,
  care_class TEXT NOT NULL CHECK (care_class IN ('zeker', 'grijs', 'geen')),
  PRIMARY KEY (category, code)
);
CREATE TABLE tariff (
  category TEXT NOT NULL,
  code TEXT NOT NULL,
  year INTEGER NOT NULL,
  agb TEXT NOT NULL DEFAULT '',
  per_unit_cents INTEGER NOT NULL,
  PRIMARY KEY (category, code, year, agb),
  FOREIGN KEY (category, code) REFERENCES product(category, code)
);
CREATE TABLE contract (
  agb TEXT NOT NULL REFERENCES provider(agb),
  year INTEGER NOT NULL,
  lot TEXT NOT NULL,
  ceiling_cents INTEGER,
  PRIMARY KEY (agb, year, lot)
);
CREATE TABLE youth_team (
  team TEXT NOT NULL,
  year INTEGER NOT NULL,
  name TEXT NOT NULL,
  municipality TEXT NOT NULL REFERENCES municipality(code),
  budget_cents INTEGER,
  PRIMARY KEY (team, year)
);
CREATE TABLE client_residence (
  client TEXT NOT NULL,
  begin_day INTEGER NOT NULL,
  birth_month INTEGER NOT NULL,
  municipality TEXT NOT NULL REFERENCES municipality(code),
  PRIMARY KEY (client, begin_day)
);
CREATE TABLE assignment (
  number TEXT PRIMARY KEY,
  client TEXT NOT NULL,
  municipality TEXT NOT NULL REFERENCES municipality(code),
  agb TEXT NOT NULL REFERENCES provider(agb),
  category TEXT NOT NULL,
  product_code TEXT NOT NULL,
  volume_x100 INTEGER NOT NULL,
  unit INTEGER NOT NULL,
  frequency INTEGER NOT NULL,
  start_day INTEGER NOT NULL,
  end_day INTEGER,
  route TEXT NOT NULL,
  team TEXT NOT NULL DEFAULT '',
  predecessor TEXT NOT NULL DEFAULT '',
  budget_cents INTEGER,
  FOREIGN KEY (category, product_code) REFERENCES product(category, code)
);
CREATE INDEX assignment_client ON assignment(client);
CREATE TABLE declaration (
  number TEXT NOT NULL,
  assignment TEXT NOT NULL REFERENCES assignment(number),
  start_day INTEGER NOT NULL,
  end_day INTEGER NOT NULL,
  year INTEGER NOT NULL,  -- year of start_day: the year the cost counts in
  agb TEXT NOT NULL,
  category TEXT NOT NULL,
  product_code TEXT NOT NULL,
  volume_x100 INTEGER NOT NULL,
  unit INTEGER NOT NULL,
  tariff_cents INTEGER,
  amount_cents INTEGER NOT NULL,
  PRIMARY KEY (assignment, start_day, number)
) WITHOUT ROWID;
CREATE TABLE fixed_cost (
  year INTEGER NOT NULL,
  bucket TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  PRIMARY KEY (year, bucket)
);
CREATE TABLE local_cost (
  municipality TEXT NOT NULL REFERENCES municipality(code),
  year INTEGER NOT NULL,
  bucket TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  PRIMARY KEY (municipality, year, bucket)
);
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE import_log (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  file TEXT NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_added INTEGER NOT NULL
);
)sql",
      // 2: API tokens of `jeugdregio serve`, stored as a hash only.
      R"sql(
CREATE TABLE api_token (
  hash TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  created TEXT NOT NULL
);
)sql",
      // 3: findings of the care rules per declaration line (rules/, issue 12).
      R"sql(
CREATE TABLE finding (
  assignment TEXT NOT NULL,
  start_day INTEGER NOT NULL,
  declaration TEXT NOT NULL,
  rule TEXT NOT NULL,
  code TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('geaccepteerd', 'afgewezen', 'signaal')),
  field TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL,
  PRIMARY KEY (assignment, start_day, declaration, rule, code)
) WITHOUT ROWID;
)sql",
      // 4: iJw messages (issue 13): the header of every imported message, each
      // JW323 line as submitted (answered by JW325) and the real start and end of care
      // (JW305/JW307). No BSN, name or address.
      R"sql(
CREATE TABLE ijw_message (
  kind TEXT NOT NULL,
  sender TEXT NOT NULL,
  identification TEXT NOT NULL,
  receiver TEXT NOT NULL,
  day INTEGER NOT NULL,
  declaration TEXT NOT NULL DEFAULT '',
  total_cents INTEGER NOT NULL DEFAULT 0,
  digest TEXT NOT NULL,
  lines INTEGER NOT NULL,
  PRIMARY KEY (kind, sender, identification)
) WITHOUT ROWID;
CREATE TABLE ijw_line (
  message TEXT NOT NULL,
  line INTEGER NOT NULL,
  reference TEXT NOT NULL,
  previous_reference TEXT NOT NULL DEFAULT '',
  client TEXT NOT NULL,
  assignment TEXT NOT NULL,
  category TEXT NOT NULL,
  product_code TEXT NOT NULL,
  start_day INTEGER NOT NULL,
  end_day INTEGER NOT NULL,
  volume_x100 INTEGER NOT NULL,
  unit INTEGER NOT NULL,
  tariff_cents INTEGER,
  amount_cents INTEGER NOT NULL,
  stored INTEGER NOT NULL,
  PRIMARY KEY (message, line)
) WITHOUT ROWID;
CREATE INDEX ijw_line_reference ON ijw_line(reference);
CREATE TABLE care_period (
  assignment TEXT NOT NULL,
  start_day INTEGER NOT NULL,
  end_day INTEGER,
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (assignment, start_day)
) WITHOUT ROWID;
)sql",
      // 5: an API token's expiry ("" = never; issue 18 item 15).
      R"sql(
ALTER TABLE api_token ADD COLUMN expires TEXT NOT NULL DEFAULT '';
)sql",
      // 6: the review committee's decisions per assignment (toetsingen.csv, issue 12):
      // approved 1 (akkoord) or 0 (afgewezen), the day, can_wait (uitstelbaar) 1/0 or
      // NULL.
      R"sql(
CREATE TABLE review_decision (
  assignment TEXT NOT NULL PRIMARY KEY,
  approved INTEGER NOT NULL,
  day INTEGER NOT NULL,
  can_wait INTEGER
) WITHOUT ROWID;
)sql",
      // 7: finding's status check without an IN list: SQLite builds a temporary b-tree
      // for `IN (...)` on every insert, a fifth of `check`'s time on the demo.
      R"sql(
CREATE TABLE finding_new (
  assignment TEXT NOT NULL,
  start_day INTEGER NOT NULL,
  declaration TEXT NOT NULL,
  rule TEXT NOT NULL,
  code TEXT NOT NULL,
  status TEXT NOT NULL
    CHECK (status = 'geaccepteerd' OR status = 'afgewezen' OR status = 'signaal'),
  field TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL,
  PRIMARY KEY (assignment, start_day, declaration, rule, code)
) WITHOUT ROWID;
INSERT INTO finding_new SELECT assignment, start_day, declaration, rule, code, status,
  field, message FROM finding;
DROP TABLE finding;
ALTER TABLE finding_new RENAME TO finding;
)sql",
      // 8: no index of ijw_line by reference: nothing looks a line up by it (the lines
      // are read whole, by message and line), and it cost a B-tree insert per JW323
      // line (issue 13, BENCHMARKS.md).
      R"sql(
DROP INDEX IF EXISTS ijw_line_reference;
)sql",
      // 9: the JW323 lines packed, a row per message and 1000 line numbers
      // (store/sqlite/ijw_chunks.h; issue 13, BENCHMARKS.md). SqliteStore::Migrate
      // renames ijw_line to ijw_line_v8 before and copies its rows over after.
      R"sql(
CREATE TABLE ijw_line_chunk (
  message TEXT NOT NULL,
  first_line INTEGER NOT NULL,
  lines INTEGER NOT NULL,
  data BLOB NOT NULL,
  UNIQUE (message, first_line)
);
DROP TABLE IF EXISTS ijw_line;
)sql",
  };
  return kMigrations;
}

}  // namespace jr
