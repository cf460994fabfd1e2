import { describe, expect, it } from 'vitest';
import { addressFrom, UNKNOWN_ADDRESS } from './client-address.ts';

describe('addressFrom', () => {
  it('takes the socket’s peer, and nothing the client wrote, unless proxies are trusted', () => {
    expect(addressFrom('198.51.100.7', '203.0.113.1', 0)).toBe('198.51.100.7');
    expect(addressFrom(undefined, undefined, 0)).toBe(UNKNOWN_ADDRESS);
  });

  it('counts trusted proxies from the right of X-Forwarded-For', () => {
    expect(addressFrom('10.0.0.2', '6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(addressFrom('10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.1', 2)).toBe('203.0.113.7');
    // Fewer entries than trusted hops: the farthest one known.
    expect(addressFrom('10.0.0.2', '203.0.113.7', 3)).toBe('203.0.113.7');
    // Without the header, the proxy itself is the client.
    expect(addressFrom('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
  });
});
