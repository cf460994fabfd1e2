import { readerKey } from '@maille/domain/use-cases';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../context.ts';
import type { ReadModelCache } from '../read-models/cache.ts';

/**
 * Tells the read models' cache that something changed once a write has been answered: its writer
 * reads the change at once, the others get the previous answer while it is computed again.
 */
export function refreshAfterWrites(cache: ReadModelCache): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    await next();
    cache.changed(readerKey(c.get('actor')));
  };
}
