/**
 * Whether a point is in France: metropolitan France with Corsica, or an overseas département
 * (with Saint-Barthélemy and Saint-Martin, inside the Antilles' box). The boxes are generous —
 * they catch a point in the Atlantic or swapped coordinates, not a place a few kilometres off.
 */
const BOXES: readonly { south: number; north: number; west: number; east: number }[] = [
  { south: 41.2, north: 51.3, west: -5.5, east: 9.8 }, // métropole et Corse
  { south: 15.7, north: 18.2, west: -63.3, east: -60.9 }, // Guadeloupe, Saint-Martin, Saint-Barthélemy
  { south: 14.3, north: 15.0, west: -61.3, east: -60.7 }, // Martinique
  { south: 2.0, north: 6.0, west: -54.7, east: -51.5 }, // Guyane
  { south: -21.5, north: -20.8, west: 55.1, east: 56.0 }, // La Réunion
  { south: -13.1, north: -12.5, west: 44.9, east: 45.4 }, // Mayotte
];

/**
 * @example
 * isInFrance(45.68, -0.33); // true (Châteaubernard)
 * isInFrance(45, -20); // false (in the Atlantic)
 */
export function isInFrance(latitude: number, longitude: number): boolean {
  return BOXES.some(
    (box) =>
      latitude >= box.south &&
      latitude <= box.north &&
      longitude >= box.west &&
      longitude <= box.east,
  );
}
