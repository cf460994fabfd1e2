import { z } from 'zod';
import { UpdateChannel } from '../roadmap/update.ts';
import { enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { singleLine } from '../shared/text.ts';
import { Instant } from '../shared/time.ts';

export const placeOutcomeLabels = {
  cree: 'Créé',
  mis_a_jour: 'Mis à jour',
  inchange: 'Inchangé',
  fusionne: 'Fusionné',
  rejete: 'Rejeté',
} as const;
export const PlaceOutcome = enumOf(placeOutcomeLabels);
export type PlaceOutcome = z.infer<typeof PlaceOutcome>;

/** What became of one record of an imported file. */
export const PlaceImportEntry = z.object({
  /** The record's number in the file, from 1. */
  position: z.number().int().min(1),
  nationalId: singleLine(300).optional(),
  name: singleLine(300).optional(),
  outcome: PlaceOutcome,
  organizationId: idOf('organization').optional(),
  /** Why a record was rejected, in French, naming the field. */
  reason: singleLine(1000).optional(),
  /** What was fixed on the way in (an INSEE code found, a phone number normalised…). */
  fixes: z.array(singleLine(500)).max(20).default([]),
  /** What was left out on the way in, and why (an old public with no equivalent, a bad SIRET…). */
  warnings: z.array(singleLine(500)).max(20).default([]),
});
export type PlaceImportEntry = z.infer<typeof PlaceImportEntry>;

export const PlacesImportCounts = z.object({
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  merged: z.number().int().min(0),
  rejected: z.number().int().min(0),
  /** Records that went in with at least one fix. */
  fixed: z.number().int().min(0),
});
export type PlacesImportCounts = z.infer<typeof PlacesImportCounts>;

/**
 * The report of an import of a national places file, kept and readable later: what each record
 * became, and the places of the file that look like the same place published twice (to review
 * and merge).
 */
export const PlacesImport = z.object({
  id: idOf('placesImport'),
  importedAt: Instant,
  importedBy: idOf('person').optional(),
  channel: UpdateChannel,
  fileName: singleLine(200).optional(),
  format: z.enum(['json', 'csv']),
  counts: PlacesImportCounts,
  entries: z.array(PlaceImportEntry).max(100_000),
  /** Groups of places of the file that look like one place published twice. */
  duplicateGroups: z
    .array(z.array(idOf('organization')).min(2).max(20))
    .max(10_000)
    .default([]),
});
export type PlacesImport = z.infer<typeof PlacesImport>;

/** A report without its entries, for lists. */
export type PlacesImportSummary = Omit<PlacesImport, 'entries'>;
