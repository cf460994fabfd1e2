/**
 * A phone number written as people read it in France: `05 45 32 10 00` for a number of
 * metropolitan France (`+33…`), the international form otherwise (overseas numbers keep their
 * `+590`, `+262`… so that they are not mistaken for metropolitan ones).
 *
 * @example
 * frenchPhoneDisplay('+33545321000'); // '05 45 32 10 00'
 * frenchPhoneDisplay('+262262123456'); // '+262262123456'
 */
export function frenchPhoneDisplay(e164: string): string {
  const national = /^\+33(\d{9})$/.exec(e164)?.[1];
  return national === undefined ? e164 : `0${national}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}

// Overseas numbers written the national way (`0262 12 34 56`) and their country codes: the kernel
// would read them as metropolitan numbers (+33 2 62…).
const OVERSEAS_PREFIXES: readonly [prefix: RegExp, country: string][] = [
  [/^0(262|263|269|639|692|693)/, '262'],
  [/^0(590|690|691)/, '590'],
  [/^0(594|694)/, '594'],
  [/^0(596|696|697)/, '596'],
];

/**
 * What the kernel's `Phone` cannot read alone: a `(0)` after the country code, `00` instead of
 * `+`, a leading 0 kept after `+33`, an overseas number written the national way. Returns the
 * number in a form `Phone` normalises.
 *
 * @example
 * phoneInput('+33 (0)5 45 32 10 00'); // '+33545321000'
 * phoneInput('0262 12 34 56'); // '+262262123456'
 */
export function phoneInput(raw: string): string {
  const compact = raw.replace(/\(0\)/g, '').replace(/[\s.()/-]/g, '');
  const overseas = OVERSEAS_PREFIXES.find(([prefix]) => prefix.test(compact));
  if (overseas !== undefined && /^0\d{9}$/.test(compact))
    return `+${overseas[1]}${compact.slice(1)}`;
  const plus = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return /^\+330\d{9}$/.test(plus) ? `+33${plus.slice(4)}` : plus;
}
