import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../../src/cli/logger.js';

describe('serve log format', () => {
  it('is pino-pretty on a terminal and JSON with ISO-8601 time otherwise; NETKB_LOG_FORMAT overrides', () => {
    expect(loggerOptions('info', true, {})).toMatchObject({
      level: 'info',
      transport: { target: 'pino-pretty' },
    });
    const json = loggerOptions('warn', false, {}) as {
      level: string;
      timestamp: () => string;
      transport?: unknown;
    };
    expect(json.level).toBe('warn');
    expect(json.transport).toBeUndefined();
    const time = JSON.parse(`{${json.timestamp().slice(1)}}`) as { time: string };
    expect(new Date(time.time).toISOString()).toBe(time.time);
    expect(loggerOptions('info', true, { NETKB_LOG_FORMAT: 'json' })).not.toHaveProperty('transport');
    expect(loggerOptions('info', false, { NETKB_LOG_FORMAT: 'pretty' })).toHaveProperty(
      'transport.target',
      'pino-pretty',
    );
    expect(loggerOptions('info', true, { NO_COLOR: '1' })).toHaveProperty(
      'transport.options.colorize',
      false,
    );
  });
});
