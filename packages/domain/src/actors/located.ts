import type { Organization } from './organization.ts';

/**
 * The commune an organization is in: its address's INSEE code, or else its territory when that is
 * a commune. What puts a place inside a governance's perimeter (its communes).
 *
 * @example
 * communeOfOrganization({ address: { inseeCode: '17300', … } }); // '17300'
 */
export function communeOfOrganization(
  organization: Pick<Organization, 'address' | 'territory'>,
): string | undefined {
  return (
    organization.address?.inseeCode ??
    (organization.territory?.level === 'commune' ? organization.territory.code : undefined)
  );
}
