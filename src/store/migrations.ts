/**
 * Versioned schema migrations. The database's `PRAGMA user_version` is the number of migrations applied;
 * on open, the missing ones run in order, each in its own transaction. Append only: never edit a shipped one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: query log and feedback
  `CREATE TABLE answers (
     seq INTEGER PRIMARY KEY,
     id_key INTEGER NOT NULL,
     id TEXT NOT NULL,
     at INTEGER NOT NULL,
     channel TEXT NOT NULL,
     question TEXT,
     question_hash TEXT NOT NULL,
     top_doc TEXT,
     confidence REAL NOT NULL,
     abstained INTEGER NOT NULL,
     latency_ms REAL NOT NULL,
     conversation_id TEXT,
     index_generation TEXT
   );
   CREATE INDEX answers_at ON answers (at);
   CREATE INDEX answers_id_key ON answers (id_key);
   CREATE TABLE feedback (
     id INTEGER PRIMARY KEY,
     answer_key INTEGER NOT NULL,
     answer_id TEXT NOT NULL,
     at INTEGER NOT NULL,
     helpful INTEGER NOT NULL,
     comment TEXT,
     channel TEXT NOT NULL,
     user TEXT
   );
   CREATE INDEX feedback_at ON feedback (at);
   CREATE INDEX feedback_answer ON feedback (answer_key);`,
  // 2: conversation turns and de-duplication claims (shared state for several replicas)
  `CREATE TABLE conversation_turns (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     conversation_id TEXT NOT NULL,
     at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     question TEXT NOT NULL,
     docs TEXT NOT NULL
   );
   CREATE INDEX conversation_turns_id ON conversation_turns (conversation_id, seq);
   CREATE INDEX conversation_turns_expiry ON conversation_turns (expires_at);
   CREATE TABLE claims (
     key TEXT PRIMARY KEY,
     expires_at INTEGER NOT NULL
   ) WITHOUT ROWID;`,
];
