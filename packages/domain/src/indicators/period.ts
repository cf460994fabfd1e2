import { z } from 'zod';
import { enumOf } from '../shared/entity.ts';

/**
 * A period of an indicator: a year (`2024`), a semester (`2024-S1`), a quarter (`2024-T2`) or a
 * month (`2024-05`). The rules on periods live in `periods.ts`.
 */
export const Period = z
  .string()
  .regex(
    /^(\d{4})(-S[12]|-T[1-4]|-(0[1-9]|1[0-2]))?$/,
    'Période invalide : AAAA, AAAA-S1, AAAA-T2 ou AAAA-MM attendu.',
  );
export type Period = z.infer<typeof Period>;

/** How often an indicator is measured; each periodicity has its kind of period above. */
export const periodicityLabels = {
  mensuelle: 'Mensuelle',
  trimestrielle: 'Trimestrielle',
  semestrielle: 'Semestrielle',
  annuelle: 'Annuelle',
} as const;
export const Periodicity = enumOf(periodicityLabels);
export type Periodicity = z.infer<typeof Periodicity>;
