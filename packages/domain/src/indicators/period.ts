import { z } from 'zod';

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
