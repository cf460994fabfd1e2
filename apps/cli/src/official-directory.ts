import { readFileSync } from 'node:fs';
import type { OfficialDirectory } from '@maille/domain';

const PACKAGE = '@etalab/decoupage-administratif';

/** A JSON file of the installed package, found as Node resolves it from here. */
function packageFile<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(import.meta.resolve(`${PACKAGE}/${path}`)), 'utf8'));
}

/**
 * The official directory of territories as the installed `@etalab/decoupage-administratif`
 * carries it, and its edition (the package's name and version): read from the disk, nothing is
 * downloaded.
 */
export function readOfficialDirectory(): { edition: string; directory: OfficialDirectory } {
  const { version } = packageFile<{ version: string }>('package.json');
  return {
    edition: `decoupage-administratif ${version}`,
    directory: {
      communes: packageFile('data/communes.json'),
      epci: packageFile('data/epci.json'),
      departements: packageFile('data/departements.json'),
      regions: packageFile('data/regions.json'),
    },
  };
}
