import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { allowOrigins } from './cors.ts';

function appAllowing(origins: string[]) {
  const app = new Hono();
  const cors = allowOrigins(origins);
  if (cors) app.use(cors);
  app.delete('/calendar-feeds/:id', (c) => c.body(null, 204));
  return app;
}

const preflight = (origin: string) => ({
  method: 'OPTIONS',
  headers: { Origin: origin, 'Access-Control-Request-Method': 'DELETE' },
});

describe('allowOrigins', () => {
  it('adds nothing without listed origins', () => {
    expect(allowOrigins([])).toBeUndefined();
  });

  it('lets a listed origin use every method the API has, and gives others nothing', async () => {
    const app = appAllowing(['https://tableau.example']);
    const asked = await app.request('/calendar-feeds/cal_1', preflight('https://tableau.example'));
    expect(asked.status).toBe(204);
    expect(asked.headers.get('Access-Control-Allow-Origin')).toBe('https://tableau.example');
    expect(asked.headers.get('Access-Control-Allow-Methods')).toContain('DELETE');
    const other = await app.request('/calendar-feeds/cal_1', preflight('https://evil.example'));
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
