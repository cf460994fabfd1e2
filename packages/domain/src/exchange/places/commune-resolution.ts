import { isInseeCommuneCode } from '../../shared/codes.ts';
import { type CommuneLookup, communeNameKey, paddedCode } from './communes.ts';
import { quoted } from './quote.ts';
import { type RecordNotes, RecordRejection } from './record-values.ts';

/**
 * The commune of a record, checked against the official directory. A given INSEE code must be
 * the directory's; a missing one is found from the postal code and the commune's name, whatever
 * their case, accents or abbreviations. The name is written as the directory writes it when it
 * is the same name spelt otherwise (`CHÂTEAUBERNARD` → `Châteaubernard`). A commune the directory
 * cannot place (a merged commune under its former name, a CEDEX postal code) keeps its name and
 * goes without INSEE code, with a warning.
 *
 * @example
 * resolveCommune({ name: 'CHÂTEAUBERNARD', postalCode: '16100' }, communes, notes);
 * // { city: 'Châteaubernard', inseeCode: '16089' }, and two fixes in `notes`
 */
export function resolveCommune(
  written: { name: string; postalCode: string; inseeCode?: string | undefined },
  communes: CommuneLookup,
  { fixes, warnings }: RecordNotes,
): { city: string; inseeCode?: string } {
  const key = communeNameKey(written.name);
  const spelling = (name: string) => {
    if (name !== written.name) fixes.push(`commune écrite ${name} (au lieu de ${written.name})`);
    return name;
  };

  if (written.inseeCode !== undefined) {
    const code = paddedCode(written.inseeCode);
    if (code !== written.inseeCode)
      fixes.push(`code INSEE ${written.inseeCode} complété en ${code}`);
    const commune = isInseeCommuneCode(code) ? communes.byCode(code) : undefined;
    if (commune === undefined) {
      throw new RecordRejection(
        `code_insee : code INSEE ${quoted(written.inseeCode)} inconnu du répertoire officiel des communes.`,
      );
    }
    if (communeNameKey(commune.name) === key) {
      return { city: spelling(commune.name), inseeCode: code };
    }
    warnings.push(
      `la commune ${quoted(written.name)} n’est pas celle du code INSEE ${code} (${commune.name}) : nom gardé tel quel`,
    );
    return { city: written.name, inseeCode: code };
  }

  const candidates = communes.byPostalCode(written.postalCode);
  const matches = candidates.filter((commune) => communeNameKey(commune.name) === key);
  const [match] = matches;
  if (match !== undefined && matches.length === 1) {
    fixes.push(
      `code INSEE ${match.code} trouvé d’après le code postal ${written.postalCode} et la commune`,
    );
    return { city: spelling(match.name), inseeCode: match.code };
  }
  warnings.push(
    candidates.length === 0
      ? `code postal ${written.postalCode} inconnu du répertoire officiel (CEDEX ?) : code INSEE de ${quoted(written.name)} non renseigné`
      : `commune ${quoted(written.name)} introuvable parmi les communes du code postal ${written.postalCode} (fusionnée ?) : code INSEE non renseigné`,
  );
  return { city: written.name };
}
