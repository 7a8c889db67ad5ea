/** The `POST /v1/chat` 200 body's keys, in order, exactly as the chat API issue names them. */
export const CHAT_BODY_KEYS = [
  'id',
  'conversation_id',
  'answer',
  'abstained',
  'confidence',
  'citations',
  'commands',
  'retrievers',
  'took_ms',
];
