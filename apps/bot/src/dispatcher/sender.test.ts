import { describe, expect, it } from 'vitest';
import { MAX_NONCE_LENGTH, nonceOf } from './sender.ts';

describe('nonces of sends', () => {
  it('is the delivery id, or a stable digest within Discord’s 25 characters', () => {
    expect(nonceOf('dlv_3fK9a8b7c6d5e4f3')).toBe('dlv_3fK9a8b7c6d5e4f3');
    const salon = nonceOf('dlv_3fK9a8b7c6d5e4f3', 'salon');
    expect(salon).toHaveLength(MAX_NONCE_LENGTH);
    expect(nonceOf('dlv_3fK9a8b7c6d5e4f3', 'salon')).toBe(salon);
    expect(nonceOf('dlv_3fK9a8b7c6d5e4f3', 'coordinateur:per_lrmoreau')).not.toBe(salon);
    expect(nonceOf(`dlv_${'a'.repeat(40)}`)).toHaveLength(MAX_NONCE_LENGTH);
  });
});
