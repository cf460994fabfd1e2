import { describe, expect, it } from 'vitest';
import { VerifiedKeys } from './auth.ts';

const TOKEN = 'mai_aZ3kQ9.secret';
const IDENTITY = { keyId: 'aZ3kQ9', personId: 'per_lrmoreau', instanceAdmin: false };

describe('VerifiedKeys', () => {
  it('trusts a verified key for its lifetime, then asks the database again', () => {
    let now = 1000;
    const keys = new VerifiedKeys(5000, 10, () => now);
    expect(keys.recall(TOKEN)).toBeUndefined();
    expect(keys.remember(TOKEN, IDENTITY)).toEqual(IDENTITY);
    now = 6000;
    expect(keys.recall(TOKEN)).toEqual(IDENTITY);
    expect(keys.recall(`${TOKEN}x`)).toBeUndefined();
    // Revoked meanwhile by the `maille` command: refused once the lifetime is over.
    now = 6001;
    expect(keys.recall(TOKEN)).toBeUndefined();
  });

  it('never keeps a refusal, and keeps nothing with a zero lifetime', () => {
    const keys = new VerifiedKeys(5000);
    expect(keys.remember(TOKEN, undefined)).toBeUndefined();
    expect(keys.recall(TOKEN)).toBeUndefined();
    const never = new VerifiedKeys(0);
    never.remember(TOKEN, IDENTITY);
    expect(never.recall(TOKEN)).toBeUndefined();
  });
});
