import { z } from 'zod';
import { type TerritorialDiagnosis, territorialDiagnosis } from '../../actors/diagnosis.ts';
import { communeOfOrganization } from '../../actors/located.ts';
import { offersMediation } from '../../actors/organization.ts';
import type { Governance } from '../../governance/governance.ts';
import { idOf } from '../../shared/ids.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { perimeterCommunes } from './perimeter.ts';

export const GetTerritorialDiagnosisInput = z.object({ governanceId: idOf('governance') });

export interface TerritorialDiagnosisSheet {
  governance: Governance;
  today: string;
  diagnosis: TerritorialDiagnosis;
}

/**
 * The « diagnostic territorial » of a governance's perimeter (see `territorialDiagnosis`): its
 * communes from the official directory and the places of digital mediation located in them, read
 * through the perimeter's indexes, never the whole directory. Readable by whoever may read the
 * governance.
 *
 * @example
 * const { diagnosis } = await getTerritorialDiagnosis(ctx, { governanceId: 'gov_larochelle' });
 * diagnosis.communes.withoutPlace; // 9
 */
export async function getTerritorialDiagnosis(
  ctx: UseCaseContext,
  input: unknown,
): Promise<TerritorialDiagnosisSheet> {
  const { governanceId } = validate(GetTerritorialDiagnosisInput, input);
  return ctx.store.transaction(async (repos) => {
    const governance = await authorize(ctx, repos, 'governance.read', governanceId);
    const communes = await perimeterCommunes(repos, governance.territory);
    const located = await repos.organizations.listInCommunes(communes.map((c) => c.code));
    const today = localDate(ctx.clock(), governance.timeZone);
    const places = located
      .filter((o) => offersMediation(o) && o.mergedInto === undefined)
      .map((o) => ({ ...o, commune: communeOfOrganization(o) as string }));
    return {
      governance,
      today,
      diagnosis: territorialDiagnosis({ communes, places, today: ctx.clock() }),
    };
  });
}
