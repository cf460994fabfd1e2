import type { NationalField } from './national-fields.ts';
import {
  NATIONAL_VOCABULARIES,
  translateValue,
  type VocabularyKey,
} from './national-vocabulary.ts';
import { quoted } from './quote.ts';
import { type RecordNotes, splitList } from './record-values.ts';

/** The list fields of a record, read into the kernel's codes. */
export interface RecordLists {
  codes: Record<VocabularyKey, string[]>;
  otherTrainingLabels: string[];
  /** Values no vocabulary knows, by field: the agency's model rejects them. */
  unknown: Partial<Record<NationalField, string[]>>;
}

/**
 * Reads the list fields of a record (`|` or `;` between values). A value of an earlier version of
 * the schema is translated (`CNFS` → Conseillers numériques), moved to the field that holds it now
 * (a fix), or dropped with a warning when the current schema has no equivalent (`Adultes`). An
 * unknown typology is dropped with a warning too: the schema leaves `typologie` free, only the
 * national list names them.
 *
 * @example
 * readLists({ dispositif_programmes_nationaux: 'CNFS;France Services' }, notes).codes.nationalProgrammes;
 * // ['conseillers_numeriques', 'france_services']
 */
export function readLists(
  fields: Partial<Record<NationalField, string>>,
  { fixes, warnings }: RecordNotes,
): RecordLists {
  const lists: RecordLists = {
    codes: Object.fromEntries(NATIONAL_VOCABULARIES.map((v) => [v.key, []])) as unknown as Record<
      VocabularyKey,
      string[]
    >,
    otherTrainingLabels: splitList(fields.autres_formations_labels),
    unknown: {},
  };
  for (const vocabulary of NATIONAL_VOCABULARIES) {
    for (const written of splitList(fields[vocabulary.field])) {
      const translation = translateValue(vocabulary.key, written);
      if (translation === undefined && vocabulary.key === 'typologies') {
        warnings.push(
          `typologie ${quoted(written)} absente de la liste nationale des typologies : ignorée`,
        );
      } else if (translation === undefined) {
        lists.unknown[vocabulary.field] = [...(lists.unknown[vocabulary.field] ?? []), written];
      } else if (translation.key === 'dropped') {
        warnings.push(
          `${vocabulary.field} : ${quoted(written)} n’a pas d’équivalent dans le schéma 1.0.2, valeur ignorée`,
        );
      } else if (translation.key === 'otherTrainingLabels') {
        lists.otherTrainingLabels.push(written);
        fixes.push(
          `${quoted(written)} n’est plus un dispositif national : gardé dans les autres formations et labels`,
        );
      } else {
        const target = NATIONAL_VOCABULARIES.find((v) => v.key === translation.key);
        if (target !== undefined && target.field !== vocabulary.field) {
          fixes.push(`${quoted(written)} déplacé de ${vocabulary.field} vers ${target.field}`);
        }
        lists.codes[translation.key].push(translation.code as string);
      }
    }
  }
  for (const key of Object.keys(lists.codes) as VocabularyKey[]) {
    lists.codes[key] = [...new Set(lists.codes[key])];
  }
  lists.otherTrainingLabels = [...new Set(lists.otherTrainingLabels)];
  return lists;
}
