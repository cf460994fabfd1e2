import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors.ts';
import { validate } from '../shared/validate.ts';
import { EurosText, formatEuros } from './money.ts';

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

describe('EurosText', () => {
  it('reads amounts as French people type them, into cents', () => {
    expect(validate(EurosText, '12 000,50 €')).toBe(1_200_050);
    expect(validate(EurosText, `400${NNBSP}000${NBSP}€`)).toBe(40_000_000);
    expect(validate(EurosText, '0.1')).toBe(10);
  });

  it('refuses what is not an amount, in French', () => {
    for (const text of ['douze', '-5', '1,234,5', '12,345']) {
      expect(() => validate(EurosText, text)).toThrow(ValidationError);
    }
    expect(() => validate(EurosText, 'douze')).toThrow(/montant en euros/);
  });
});
