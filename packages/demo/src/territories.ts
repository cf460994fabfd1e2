import { Territory, type TerritoryRef } from '@maille/domain/actors';
import type { DemoContext } from './context.ts';

/**
 * The territories of the demo, by their official codes and names, as the official directory
 * (`maille territoires charger`) lists them: SIRENs are those of the two EPCIs (CA de La
 * Rochelle, CC Dronne et Belle); commune codes are INSEE codes, not postal codes.
 */
export const DEMO_TERRITORIES = {
  france: { level: 'pays', code: 'FR' },
  nouvelleAquitaine: { level: 'region', code: '75' },
  charenteMaritime: { level: 'departement', code: '17' },
  dordogne: { level: 'departement', code: '24' },
  cdaLaRochelle: { level: 'epci', code: '241700434' },
  ccDronneEtBelle: { level: 'epci', code: '200041572' },
  laRochelle: { level: 'commune', code: '17300' },
  aytre: { level: 'commune', code: '17028' },
  lagord: { level: 'commune', code: '17200' },
  perigny: { level: 'commune', code: '17274' },
  brantome: { level: 'commune', code: '24064' },
  mareuil: { level: 'commune', code: '24253' },
  champagnac: { level: 'commune', code: '24096' },
} as const satisfies Record<string, TerritoryRef>;

const T = DEMO_TERRITORIES;
type Ref = (typeof T)[keyof typeof T];

export function buildTerritories(ctx: DemoContext): Territory[] {
  const territory = (id: string, ref: Ref, name: string, parents: Ref[]) =>
    ctx.entity(Territory, { id, ...ref, name, parents });

  const charente = [T.charenteMaritime, T.nouvelleAquitaine, T.france];
  const dordogne = [T.dordogne, T.nouvelleAquitaine, T.france];
  const rochelaise = [T.cdaLaRochelle, ...charente];
  const dronneEtBelle = [T.ccDronneEtBelle, ...dordogne];

  return [
    territory('ter_france', T.france, 'France', []),
    territory('ter_region75', T.nouvelleAquitaine, 'Nouvelle-Aquitaine', [T.france]),
    territory('ter_dept17', T.charenteMaritime, 'Charente-Maritime', [
      T.nouvelleAquitaine,
      T.france,
    ]),
    territory('ter_dept24', T.dordogne, 'Dordogne', [T.nouvelleAquitaine, T.france]),
    territory('ter_epci241700434', T.cdaLaRochelle, 'CA de La Rochelle', charente),
    territory('ter_epci200041572', T.ccDronneEtBelle, 'CC Dronne et Belle', dordogne),
    territory('ter_commune17300', T.laRochelle, 'La Rochelle', rochelaise),
    territory('ter_commune17028', T.aytre, 'Aytré', rochelaise),
    territory('ter_commune17200', T.lagord, 'Lagord', rochelaise),
    territory('ter_commune17274', T.perigny, 'Périgny', rochelaise),
    territory('ter_commune24064', T.brantome, 'Brantôme en Périgord', dronneEtBelle),
    territory('ter_commune24253', T.mareuil, 'Mareuil en Périgord', dronneEtBelle),
    territory('ter_commune24096', T.champagnac, 'Champagnac-de-Belair', dronneEtBelle),
  ];
}
