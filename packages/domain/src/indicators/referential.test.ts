import { describe, expect, it } from 'vitest';
import { validate } from '../shared/validate.ts';
import { ComputedRule, IndicatorFields } from './indicator.ts';
import {
  DEFAULT_INDICATOR_REFERENTIAL,
  DEFAULT_REFERENTIAL_NAME,
  defaultIndicatorsFor,
} from './referential.ts';

describe('DEFAULT_INDICATOR_REFERENTIAL', () => {
  it('holds the 11 indicators of the field, each code once', () => {
    const codes = DEFAULT_INDICATOR_REFERENTIAL.map((indicator) => indicator.code);
    expect(codes).toEqual([
      'acteurs_recenses',
      'lieux_mediation',
      'mediateurs',
      'aidants',
      'actions_accompagnement',
      'personnes_accompagnees',
      'communes_couvertes',
      'reunions_gouvernance',
      'fiches_realisees',
      'financements_mobilises',
      'participants_coconstruction',
    ]);
  });

  it('is marked as Maille’s default, not as Afnor’s', () => {
    expect(DEFAULT_REFERENTIAL_NAME).toBe('Référentiel par défaut de Maille');
    for (const indicator of DEFAULT_INDICATOR_REFERENTIAL) {
      expect(indicator.referential).toBe(DEFAULT_REFERENTIAL_NAME);
      expect(`${indicator.label} ${indicator.description}`).not.toMatch(/afnor/i);
    }
  });

  it('computes each computed indicator with the rule of the same name, and covers every rule', () => {
    const rules = DEFAULT_INDICATOR_REFERENTIAL.flatMap((indicator) =>
      indicator.method.type === 'calcul' ? [indicator.method.rule] : [],
    );
    expect([...rules].sort()).toEqual([...ComputedRule.options].sort());
    for (const indicator of DEFAULT_INDICATOR_REFERENTIAL) {
      if (indicator.method.type === 'calcul') expect(indicator.method.rule).toBe(indicator.code);
    }
  });

  it('cannot be changed in place', () => {
    const first = DEFAULT_INDICATOR_REFERENTIAL[0];
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.method)).toBe(true);
  });
});

describe('defaultIndicatorsFor', () => {
  it('gives a governance 11 indicators, each valid under IndicatorFields', () => {
    const inputs = defaultIndicatorsFor('gov_larochelle01');
    expect(inputs).toHaveLength(11);
    for (const input of inputs) {
      const indicator = validate(IndicatorFields, input);
      expect(indicator.governanceId).toBe('gov_larochelle01');
      expect(indicator.description).toBeDefined();
    }
  });

  it('gives copies a governance can edit without touching the default', () => {
    const [first] = defaultIndicatorsFor('gov_larochelle01');
    if (!first) throw new Error('no indicator');
    first.label = 'Structures de la cartographie';
    first.targets?.push({ period: '2024', value: 40 });
    expect(DEFAULT_INDICATOR_REFERENTIAL[0]?.label).toBe('Acteurs recensés dans la cartographie');
    expect(defaultIndicatorsFor('gov_dronnebelle1')[0]?.targets).toEqual([]);
  });
});
