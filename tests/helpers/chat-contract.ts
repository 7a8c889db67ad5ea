/** The `POST /v1/chat` 200 body's keys, in order, exactly as the chat API issue names them. */
export const CHAT_BODY_KEYS = [
  'id',
  'conversation_id',
  'answer',
  'abstained',
  'confidence',
  'citations',
  'commands',
  'structured',
  'retrievers',
  'took_ms',
];

/** Keys of each citation in that body, in order. */
export const CITATION_KEYS = ['path', 'title', 'heading', 'lines', 'score', 'via', 'matched_triggers'];

/** Keys of each command in that body, in order. */
export const COMMAND_KEYS = ['command', 'purpose', 'safety', 'group', 'fills', 'source'];
