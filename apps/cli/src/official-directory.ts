import { createRequire } from 'node:module';
import type { OfficialDirectory } from '@maille/domain';

const require = createRequire(import.meta.url);
const PACKAGE = '@etalab/decoupage-administratif';

/**
 * The official directory of territories as the installed `@etalab/decoupage-administratif`
 * carries it, and its edition (the package's name and version): read from the disk, nothing is
 * downloaded.
 */
export function readOfficialDirectory(): { edition: string; directory: OfficialDirectory } {
  const { version } = require(`${PACKAGE}/package.json`) as { version: string };
  return {
    edition: `decoupage-administratif ${version}`,
    directory: {
      communes: require(`${PACKAGE}/data/communes.json`),
      epci: require(`${PACKAGE}/data/epci.json`),
      departements: require(`${PACKAGE}/data/departements.json`),
      regions: require(`${PACKAGE}/data/regions.json`),
    },
  };
}
