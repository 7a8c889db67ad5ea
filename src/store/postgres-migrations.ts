/**
 * Versioned schema migrations of the PostgreSQL store (the same tables as ./migrations.ts in PostgreSQL's
 * dialect). `netkb_schema.version` is the number applied; each runs in its own transaction, and replicas
 * starting at once take turns under an advisory lock. Append only: never edit a shipped one.
 */
export const PG_MIGRATIONS: readonly string[] = [
  // 1: query log and feedback
  `CREATE TABLE answers (
     seq BIGSERIAL PRIMARY KEY,
     id TEXT NOT NULL,
     at BIGINT NOT NULL,
     channel TEXT NOT NULL,
     question TEXT,
     question_hash TEXT NOT NULL,
     top_doc TEXT,
     confidence DOUBLE PRECISION NOT NULL,
     abstained BOOLEAN NOT NULL,
     latency_ms DOUBLE PRECISION NOT NULL,
     conversation_id TEXT,
     index_generation TEXT
   );
   CREATE INDEX answers_at ON answers (at);
   CREATE INDEX answers_id ON answers (id);
   CREATE TABLE feedback (
     id BIGSERIAL PRIMARY KEY,
     answer_id TEXT NOT NULL,
     at BIGINT NOT NULL,
     helpful BOOLEAN NOT NULL,
     comment TEXT,
     channel TEXT NOT NULL,
     "user" TEXT
   );
   CREATE INDEX feedback_at ON feedback (at);
   CREATE INDEX feedback_answer ON feedback (answer_id);`,
  // 2: conversation turns and de-duplication claims
  `CREATE TABLE conversation_turns (
     seq BIGSERIAL PRIMARY KEY,
     conversation_id TEXT NOT NULL,
     at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL,
     question TEXT NOT NULL,
     docs JSONB NOT NULL
   );
   CREATE INDEX conversation_turns_id ON conversation_turns (conversation_id, seq);
   CREATE INDEX conversation_turns_expiry ON conversation_turns (expires_at);
   CREATE TABLE claims (
     key TEXT PRIMARY KEY,
     expires_at BIGINT NOT NULL
   );`,
];

/** pg_advisory_lock key for migrations ('netkb' in ASCII). */
export const MIGRATION_LOCK_KEY = 0x6e65746b62;
