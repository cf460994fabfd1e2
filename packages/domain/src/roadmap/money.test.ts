import { describe, expect, it } from 'vitest';
import { formatEuros } from './money.ts';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

describe('formatEuros', () => {
  it('writes round amounts without cents, grouped the French way', () => {
    expect(formatEuros(40_000_000)).toBe(`400${NNBSP}000${NBSP}€`);
    expect(formatEuros(0)).toBe(`0${NBSP}€`);
    expect(formatEuros(150_000_000_00)).toBe(`150${NNBSP}000${NNBSP}000${NBSP}€`);
  });

  it('shows cents with a decimal comma when there are some', () => {
    expect(formatEuros(123_450)).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(formatEuros(5)).toBe(`0,05${NBSP}€`);
  });
});
